/**
 * The workbook contract from SPEC.md: sheet names, headers and the fixed vocabularies used for
 * dropdowns. Everything that names a sheet or a header imports it from here, so a rename is one edit.
 */

/**
 * One sheet of the contract: its name and its headers by key (`EXAM_ATTEMPTS.headers.score`), in column
 * order. New sheets are declared with `defineSheet`; code names headers by key, never by text.
 */
export interface SheetContract<
  H extends Readonly<Record<string, string>> = Readonly<Record<string, string>>,
> {
  readonly name: string;
  readonly headers: H;
  /** The headers in column order (the order the script writes a new sheet's header row in). */
  readonly columns: readonly H[keyof H][];
}

/** Declares a sheet of the contract: `defineSheet('Tick Log', { at: 'At', oid: 'OID', … })`. */
export function defineSheet<const H extends Readonly<Record<string, string>>>(
  name: string,
  headers: H,
): SheetContract<H> {
  return { name, headers, columns: Object.values(headers) as H[keyof H][] };
}

export const SHEET = {
  settings: 'Settings',
  schedule: 'Schedule',
  tracker: 'ESP Tracker',
  attendance: 'Attendance',
  coachingLog: 'Coaching Log',
  alertLog: 'Alert Log',
  dashboard: 'Dashboard',
  cohorts: 'Cohorts',
} as const;

/** The Pace sheet's name (its headers live with the sync that writes it until the contract lists them). */
export const PACE_SHEET = 'Pace';

export type SheetName = (typeof SHEET)[keyof typeof SHEET];

export const SETTINGS_HEADERS = ['Key', 'Value'] as const;
export const SCHEDULE_HEADERS = ['Item', 'Due Day', 'Due Time', 'Pace Limit Hours'] as const;

export const TRACKER = {
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
} as const;

/**
 * `Cohorts` (one row per class, SPEC "Workbook contract"). Settings' Cohort Name / Day 1 Date / G2T Link /
 * Progress Report ID are the single-cohort form of the same row; set-up moves them into the first row.
 */
export const COHORTS = {
  cohort: 'Cohort',
  day1Date: 'Day 1 Date',
  g2tLink: 'G2T Link',
  progressReportId: 'Progress Report ID',
  status: 'Status',
} as const;
export const COHORTS_HEADERS: readonly string[] = Object.values(COHORTS);

/** A cohort's Status, kept by the script from its own working-day clock. */
export const COHORT_STATUSES = ['Planned', 'Active', 'Extension', 'Closed'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];

/** The Settings keys that are the single-cohort form of a `Cohorts` row. */
export const COHORT_SETTING_KEYS = {
  cohort: 'Cohort Name',
  day1Date: 'Day 1 Date',
  g2tLink: 'G2T Link',
  progressReportId: 'Progress Report ID',
} as const;

export const TRACKER_HEADERS: readonly string[] = Object.values(TRACKER);

/** The seed's three tracking columns: every line in them must read `Name - Date - Note`. */
export const NOTE_HEADERS: readonly string[] = [
  TRACKER.attendanceNote,
  TRACKER.techIssueNote,
  TRACKER.coachingNote,
];

/** The five ESP statuses a TL keeps current every evening; all complete = ready for production. */
export const ESP_STATUS_HEADERS: readonly string[] = [
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

/** Attendance codes from the team's attendance policy page (SPEC "Domain facts"). */
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

export const COACHING_LOG_HEADERS = [
  'Date',
  'Agent Name',
  'OID',
  'TL Name',
  'Level',
  'Policy',
  'Details',
  'Documented By',
  'Document Link',
] as const;

export const ALERT_LOG_HEADERS = [
  'Sent At',
  'Kind',
  'Recipients',
  'Subject',
  'Agents',
  'Dedupe Key',
  'Status',
] as const;
/** Keyed headers of `Alert Log` and `Coaching Log` that rules elsewhere name. */
export const ALERT_LOG = { status: 'Status' } as const;
export const COACHING_LOG = { level: 'Level' } as const;

export const ALERT_STATUSES = ['sent', 'dry-run', 'deferred', 'failed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Hands checks per day, in order: raise hands before each break, lower them after. */
export const HANDS_CHECKS = [
  'Before Break 1',
  'After Break 1',
  'Before Lunch',
  'After Lunch',
  'Before Break 2',
  'After Break 2',
] as const;
export const ATTENDANCE_DAYS = 4;

export const ATTENDANCE_FIXED_HEADERS = ['Agent Name', 'OID', 'TL Name'] as const;

/** `D1 Before Break 1` … `D4 After Break 2`, in chronological order. */
export function attendanceCheckHeaders(days: number = ATTENDANCE_DAYS): string[] {
  const headers: string[] = [];
  for (let day = 1; day <= days; day++) {
    for (const check of HANDS_CHECKS) headers.push(`D${day} ${check}`);
  }
  return headers;
}

export const ATTENDANCE_HEADERS: readonly string[] = [
  ...ATTENDANCE_FIXED_HEADERS,
  ...attendanceCheckHeaders(),
];

export const DASHBOARD_TITLE = 'ESP Licensing Dashboard';

/** Progress Report (the per-cohort sheet shared with agents). */
export const PROGRESS_SHEET = 'Progress';
export const PROGRESS_FIXED_HEADERS = ['Agent Name', 'OID'] as const;
export const PROGRESS_TRAILING_HEADERS = ['Blockers', 'Last Self-Report'] as const;

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
