/**
 * The workbook contract (RULES R2): every sheet of the tracker and of the progress report, with its
 * name and keyed headers, and the fixed vocabularies used for dropdowns (RULES R2). Everything that names
 * a sheet or a header imports it from here, so a rename is one edit; `SheetTable` is typed by these
 * declarations, so a misspelt header does not compile.
 */

/**
 * One sheet of the contract: its name and its headers by key (`WORKBOOK.tracker.headers.oid`), in column
 * order. `D` is the type of the headers generated at run time (Attendance's `D1 Before Break 1` …), never
 * a value; `never` for a sheet whose headers are all fixed.
 */
export interface SheetContract<
  H extends Readonly<Record<string, string>> = Readonly<Record<string, string>>,
  D extends string = string,
  N extends string = string,
> {
  readonly name: N;
  readonly headers: H;
  /** The fixed headers in column order (the order the script writes a new sheet's header row in). */
  readonly columns: readonly H[keyof H][];
  /** Type only, never set: which generated headers (`D`) a table of this sheet also accepts. */
  readonly generated?: readonly D[];
}

/** What every declared sheet is, whatever its headers: the constraint for code generic over sheets. */
export interface AnySheet {
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly columns: readonly string[];
  readonly generated?: readonly string[];
}

/** Every header a table of sheet `C` accepts: its fixed headers, and its generated ones. */
export type HeaderOf<C extends AnySheet> = C extends AnySheet
  ? C['columns'][number] | NonNullable<C['generated']>[number]
  : never;

/**
 * Declares a sheet of the contract: `defineSheet('Tick Log', { at: 'At', oid: 'OID', … })`. A sheet
 * with headers generated at run time names their generator: `defineSheet('Attendance', {…}, checks)`,
 * whose return type says which generated headers its tables accept.
 */
export function defineSheet<
  const N extends string,
  const H extends Readonly<Record<string, string>>,
  D extends string = never,
>(name: N, headers: H, generator?: (...args: never[]) => readonly D[]): SheetContract<H, D, N> {
  void generator;
  return { name, headers, columns: Object.values(headers) as H[keyof H][] };
}

/** Hands checks per day, in order: raise hands before each break, lower them after. */
export const HANDS_CHECKS = [
  'Before Break 1',
  'After Break 1',
  'Before Lunch',
  'After Lunch',
  'Before Break 2',
  'After Break 2',
] as const;
export type HandsCheck = (typeof HANDS_CHECKS)[number];
/** An Attendance check column: `D1 Before Break 1` … `D4 After Break 2`. */
export type AttendanceCheckHeader = `D${number} ${HandsCheck}`;
export const ATTENDANCE_DAYS = 4;

/** `D1 Before Break 1` … `D4 After Break 2`, in chronological order. */
export function attendanceCheckHeaders(days: number = ATTENDANCE_DAYS): AttendanceCheckHeader[] {
  const headers: AttendanceCheckHeader[] = [];
  for (let day = 1; day <= days; day++) {
    for (const check of HANDS_CHECKS) headers.push(`D${day} ${check}`);
  }
  return headers;
}

/** Whether `header` is one of the `days` days' hands-check columns. */
export function isAttendanceCheckHeader(
  header: string,
  days: number = ATTENDANCE_DAYS,
): header is AttendanceCheckHeader {
  return (attendanceCheckHeaders(days) as readonly string[]).includes(header);
}

/** The Settings keys that are the single-cohort form of a `Cohorts` row (declared here, used by settings.ts). */
export const COHORT_SETTING_KEYS = {
  cohort: 'Cohort Name',
  day1Date: 'Day 1 Date',
  g2tLink: 'G2T Link',
  progressReportId: 'Progress Report ID',
} as const;

/** The tracker workbook, sheet by sheet. */
export const WORKBOOK = {
  settings: defineSheet('Settings', { key: 'Key', value: 'Value' }),
  schedule: defineSheet('Schedule', {
    item: 'Item',
    dueDay: 'Due Day',
    dueTime: 'Due Time',
    paceLimitHours: 'Pace Limit Hours',
  }),
  tracker: defineSheet('ESP Tracker', {
    agentName: 'Agent Name',
    oid: 'OID',
    cxpEmail: 'cXp Email',
    personalEmail: 'Personal Email',
    tlName: 'TL Name',
    tlEmail: 'TL Email',
    /** The agent's class (a `Cohorts` row); blank = the only Planned/Active cohort. */
    cohort: 'Cohort',
    nNumber: 'N-Number',
    ahipAetnaStatus: 'AHIP/Aetna Status',
    tbtStatus: 'TBT Status',
    callCertStatus: 'Call Cert Status',
    equipmentStatus: 'Equipment Status',
    rtsStatus: 'RTS/No More Forms Status',
    completion: 'AHIP+Aetna Completion',
    paymentIssue: 'Payment Issue',
    loginIssue: 'Login Issue',
    salesInhibitor: 'Sales Inhibitor',
    attendanceNote: 'Attendance Note',
    techIssueNote: 'Tech Issue Note',
    coachingNote: 'Coaching Note',
    attendance: 'Attendance',
    capLevel: 'CAP Level',
    exemption: 'Exemption',
    lastUpdated: 'Last Updated',
  }),
  /** Fixed columns, then one column per hands check (`attendanceCheckHeaders`). */
  attendance: defineSheet(
    'Attendance',
    { agentName: 'Agent Name', oid: 'OID', tlName: 'TL Name' },
    attendanceCheckHeaders,
  ),
  coachingLog: defineSheet('Coaching Log', {
    date: 'Date',
    agentName: 'Agent Name',
    oid: 'OID',
    tlName: 'TL Name',
    level: 'Level',
    policy: 'Policy',
    details: 'Details',
    documentedBy: 'Documented By',
    documentLink: 'Document Link',
  }),
  alertLog: defineSheet('Alert Log', {
    sentAt: 'Sent At',
    kind: 'Kind',
    recipients: 'Recipients',
    subject: 'Subject',
    agents: 'Agents',
    dedupeKey: 'Dedupe Key',
    status: 'Status',
  }),
  /**
   * A report the script writes whole (title, two labelled tables, a chart) and never reads back by
   * header, so it has no header row; its table labels are `DASHBOARD_LABELS`.
   */
  dashboard: defineSheet('Dashboard', {}),
  /**
   * One row per class. Settings' Cohort Name / Day 1 Date / G2T Link / Progress Report ID are the
   * single-cohort form of the same row; set-up moves them into the first row.
   */
  cohorts: defineSheet('Cohorts', {
    cohort: 'Cohort',
    day1Date: COHORT_SETTING_KEYS.day1Date,
    g2tLink: COHORT_SETTING_KEYS.g2tLink,
    progressReportId: COHORT_SETTING_KEYS.progressReportId,
    status: 'Status',
  }),
  /** Written whole by the progress sync (RULES "Pace"). */
  pace: defineSheet('Pace', {
    agentName: 'Agent Name',
    oid: 'OID',
    tlName: 'TL Name',
    itemsDone: 'Items Done',
    dueByNow: 'Due by Now',
    overdue: 'Overdue',
    dueToday: 'Due Today',
    measuredHours: 'Measured Hours',
    paceWarnings: 'Pace Warnings',
    hoursPerItem: 'Hours per Item (measured / limit)',
    itemsPerWorkingHour: 'Items per Working Hour',
    projectedFinish: 'Projected Finish',
    finishBasedOn: 'Finish Based On',
    verdict: 'Verdict',
    exemption: 'Exemption',
    lastSelfReport: 'Last Self-Report',
    /** The agent's class: with several classes, a class's sync replaces only its own rows. */
    cohort: 'Cohort',
  }),
  /** The mailer's outbox (RULES R1): one row per message chunk, written and read by the mailer only. */
  mailOutbox: defineSheet('Mail Outbox', {
    outboxKey: 'Outbox Key',
    outboxStatus: 'Outbox Status',
    alertKind: 'Alert Kind',
    to: 'To',
    subjectLine: 'Subject Line',
    urgent: 'Urgent',
    agentNames: 'Agent Names',
    queuedAt: 'Queued At',
    attempts: 'Attempts',
    lastError: 'Last Error',
    deliveredAt: 'Delivered At',
    chunk: 'Chunk',
    content: 'Content',
  }),
  /** The layout before the outbox (whole bodies in cells): read once, moved into the outbox, then deleted. */
  mailQueue: defineSheet('Mail Queue', {
    dedupeKey: 'Dedupe Key',
    kind: 'Kind',
    to: 'To',
    subject: 'Subject',
    htmlBody: 'Html Body',
    body: 'Body',
    urgent: 'Urgent',
    agents: 'Agents',
  }),
} as const;

/** The Agent Progress Report (the per-cohort file shared with agents), sheet by sheet. */
export const PROGRESS_REPORT = {
  /**
   * Agent Name, OID, then one checkbox column per Schedule item (generated: a table names an item
   * column with `table.dynamic(item)`), then Blockers and Last Self-Report.
   */
  progress: defineSheet('Progress', {
    agentName: 'Agent Name',
    oid: 'OID',
    blockers: 'Blockers',
    lastSelfReport: 'Last Self-Report',
  }),
  /** Hidden, owner-only: every tick and untick with its time (written in this column order). */
  tickLog: defineSheet('Tick Log', {
    at: 'At',
    oid: 'OID',
    agentName: 'Agent Name',
    item: 'Item',
    checked: 'Checked',
    row: 'Row',
  }),
} as const;

/** The Dashboard's two tables (by Schedule item; by TL), labels the script writes, never reads back. */
export const DASHBOARD_LABELS = {
  byItem: [
    WORKBOOK.schedule.headers.item,
    WORKBOOK.schedule.headers.dueDay,
    'Agents done',
    'Agents not done',
  ],
  byTl: ['TL', 'Agents', 'Complete', 'On track', 'At risk', 'Behind', 'MIA'],
} as const;

// The names below are the contract as the code named it before `WORKBOOK`; each is derived from it.

export const SHEET = {
  settings: WORKBOOK.settings.name,
  schedule: WORKBOOK.schedule.name,
  tracker: WORKBOOK.tracker.name,
  attendance: WORKBOOK.attendance.name,
  coachingLog: WORKBOOK.coachingLog.name,
  alertLog: WORKBOOK.alertLog.name,
  dashboard: WORKBOOK.dashboard.name,
  cohorts: WORKBOOK.cohorts.name,
} as const;

/** The Pace sheet's name. */
export const PACE_SHEET = WORKBOOK.pace.name;

export type SheetName = (typeof SHEET)[keyof typeof SHEET];

const SE = WORKBOOK.settings.headers;
export const SETTINGS_HEADERS = [SE.key, SE.value] as const;
const SC = WORKBOOK.schedule.headers;
export const SCHEDULE_HEADERS = [SC.item, SC.dueDay, SC.dueTime, SC.paceLimitHours] as const;

export const TRACKER = WORKBOOK.tracker.headers;

/** `Cohorts` headers by key (`WORKBOOK.cohorts`). */
export const COHORTS = WORKBOOK.cohorts.headers;
export const COHORTS_HEADERS: readonly string[] = WORKBOOK.cohorts.columns;

/** A cohort's Status, kept by the script from its own working-day clock. */
export const COHORT_STATUSES = ['Planned', 'Active', 'Extension', 'Closed'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

export type TrackerHeader = HeaderOf<typeof WORKBOOK.tracker>;
export type CoachingLogHeader = HeaderOf<typeof WORKBOOK.coachingLog>;
export type AlertLogHeader = HeaderOf<typeof WORKBOOK.alertLog>;
export type CohortsHeader = HeaderOf<typeof WORKBOOK.cohorts>;
export type PaceHeader = HeaderOf<typeof WORKBOOK.pace>;
export type ProgressHeader = HeaderOf<typeof PROGRESS_REPORT.progress>;
export const TRACKER_HEADERS: readonly string[] = WORKBOOK.tracker.columns;
/** The tracker's headers, typed (`TRACKER_HEADERS` is the same list as plain text). */
export const TRACKER_COLUMNS: readonly TrackerHeader[] = WORKBOOK.tracker.columns;

/** The seed's three tracking columns: every line in them must read `Name - Date - Note`. */
export const NOTE_HEADERS: readonly TrackerHeader[] = [
  TRACKER.attendanceNote,
  TRACKER.techIssueNote,
  TRACKER.coachingNote,
];

/** The five ESP statuses a TL keeps current every evening; all complete = ready for production. */
export const ESP_STATUS_HEADERS: readonly TrackerHeader[] = [
  TRACKER.ahipAetnaStatus,
  TRACKER.tbtStatus,
  TRACKER.callCertStatus,
  TRACKER.equipmentStatus,
  TRACKER.rtsStatus,
];

export const STATUS_VALUES = ['Not Started', 'In Progress', 'Complete', 'Blocked'] as const;
export const ISSUE_VALUES = ['None', 'Open', 'Resolved'] as const;
export const COMPLETION_VALUES = ['Not Submitted', 'Submitted', 'Verified'] as const;
export const SALES_INHIBITOR_VALUES = [
  'None',
  'Release Needed',
  'No Health License',
  'Background Check Concern',
  'Other',
] as const;

/** Attendance codes from the team's attendance policy page. */
export const ATTENDANCE_CODES = [
  'Full Day',
  'NCNS',
  'Absent - Unapproved',
  'Absent - HR Approved',
  'Tardy < 1 hr',
  'Tardy > 1 hr',
  'Leave Early',
  'Unresponsive/Missing During Class',
  'MIA',
  'No Longer Employed',
] as const;

/**
 * The escalation ladder as the tracker's `CAP Level` (and the Coaching Log's `Level`) records it (RULES
 * R12). The Final CAP rung has two steps: `Final CAP alert sent` (the script told TL, HR and the ESP
 * managers) and `Final CAP issued` (the TL confirmed it was documented with HR).
 */
export const CAP_LEVELS = [
  'Verbal Coaching',
  'Written CAP',
  'Final CAP alert sent',
  'Final CAP issued',
  'Termination',
] as const;
export type CapLevel = (typeof CAP_LEVELS)[number];

/** The value older versions wrote when the Final CAP alert went out; still read as `Final CAP alert sent`. */
export const LEGACY_FINAL_CAP = 'Final CAP';

/** A `CAP Level` / `Level` cell as a ladder value: '' when blank or unknown; the legacy value migrates. */
export function capLevelOf(text: string): CapLevel | '' {
  const t = text.trim();
  if (t === LEGACY_FINAL_CAP) return 'Final CAP alert sent';
  return (CAP_LEVELS as readonly string[]).includes(t) ? (t as CapLevel) : '';
}

const CL = WORKBOOK.coachingLog.headers;
export const COACHING_LOG_HEADERS = [
  CL.date,
  CL.agentName,
  CL.oid,
  CL.tlName,
  CL.level,
  CL.policy,
  CL.details,
  CL.documentedBy,
  CL.documentLink,
] as const;

const AL = WORKBOOK.alertLog.headers;
export const ALERT_LOG_HEADERS = [
  AL.sentAt,
  AL.kind,
  AL.recipients,
  AL.subject,
  AL.agents,
  AL.dedupeKey,
  AL.status,
] as const;
/** Keyed headers of `Alert Log` and `Coaching Log`. */
export const ALERT_LOG = AL;
export const COACHING_LOG = CL;

export const ALERT_STATUSES = ['sent', 'dry-run', 'deferred', 'failed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const ATT = WORKBOOK.attendance.headers;
export const ATTENDANCE_FIXED_HEADERS = [ATT.agentName, ATT.oid, ATT.tlName] as const;
export type AttendanceHeader = HeaderOf<typeof WORKBOOK.attendance>;
export const ATTENDANCE_HEADERS: readonly string[] = [
  ...ATTENDANCE_FIXED_HEADERS,
  ...attendanceCheckHeaders(),
];

export const DASHBOARD_TITLE = 'ESP Licensing Dashboard';

/** Progress Report (the per-cohort sheet shared with agents). */
const PR = PROGRESS_REPORT.progress.headers;
export const PROGRESS_SHEET = PROGRESS_REPORT.progress.name;
export const PROGRESS_FIXED_HEADERS = [PR.agentName, PR.oid] as const;
export const PROGRESS_TRAILING_HEADERS = [PR.blockers, PR.lastSelfReport] as const;

/**
 * RULES R25 — `TL Checklist`: one row per TL per day, written when the TL presses "Done for today" in the
 * End-of-day checklist (Date is `M/D/YYYY` text in the tracker's zone, Done At `M/D/YYYY HH:mm`).
 */
export const TL_CHECKLIST_SHEET = defineSheet('TL Checklist', {
  date: 'Date',
  tlName: 'TL Name',
  tlEmail: 'TL Email',
  cohort: 'Cohort',
  doneAt: 'Done At',
  openItems: 'Open Items',
});

/**
 * RULES R22 — `Completion Log`: one row per Carrier Cert Completion Form submission, written when the
 * submission is recorded (matched or not), so the nightly evidence cross-check and the readiness summary
 * know when each proof came in and which submissions named nobody on the roster. `OID` is blank when the
 * submission matched no agent; the licensing team may type the right OID there to resolve it.
 */
export const COMPLETION_LOG = defineSheet('Completion Log', {
  submittedAt: 'Submitted At',
  responseId: 'Response ID',
  oid: 'OID',
  agentName: 'Agent Name',
  answers: 'Email/OID Answers',
  outcome: 'Outcome',
});

/**
 * `AHIP Exam Attempts` (RULES R20): one row per AHIP final-exam attempt. A TL records it from the
 * "Coaching & exams" sidebar or types it; the script fills `Attempt` and `Result` (90 % passes, at most 3).
 */
export const EXAM_ATTEMPTS_SHEET = defineSheet('AHIP Exam Attempts', {
  date: 'Date',
  agentName: 'Agent Name',
  oid: 'OID',
  tlName: 'TL Name',
  cohort: 'Cohort',
  attempt: 'Attempt',
  score: 'Score',
  result: 'Result',
  recordedBy: 'Recorded By',
});

/** An exam attempt's `Result` (RULES R20). */
export const EXAM_RESULTS = ['Pass', 'Fail'] as const;
export type ExamResult = (typeof EXAM_RESULTS)[number];

export type TlChecklistHeader = HeaderOf<typeof TL_CHECKLIST_SHEET>;
export type CompletionLogHeader = HeaderOf<typeof COMPLETION_LOG>;
export type ExamAttemptsHeader = HeaderOf<typeof EXAM_ATTEMPTS_SHEET>;
