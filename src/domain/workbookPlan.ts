/**
 * What "Set up workbook" puts on each sheet besides headers, as data: dropdowns, checkboxes and the
 * red/amber/green colouring. Kept pure so the plan is testable and the adapter stays a thin loop.
 */
import {
  ALERT_LOG,
  ALERT_STATUSES,
  COACHING_LOG,
  ATTENDANCE_CODES,
  CAP_LEVELS,
  COHORT_STATUSES,
  COHORTS,
  LEGACY_FINAL_CAP,
  COMPLETION_VALUES,
  EXAM_ATTEMPTS_SHEET,
  EXAM_RESULTS,
  ISSUE_VALUES,
  SALES_INHIBITOR_VALUES,
  SHEET,
  STATUS_VALUES,
  TRACKER,
  ATTENDANCE_DAYS,
} from './contract';

export const COLOR = {
  red: '#f4cccc',
  amber: '#fff2cc',
  green: '#d9ead3',
  header: '#cfe2f3',
  /** Background of a `… Note` cell whose text breaks the Name - Date - Note rule. */
  invalidNote: '#f4cccc',
  /** Background of an N-Number that looks like an NPN (warning, never a block). */
  warning: '#fce5cd',
} as const;

export type Rule =
  | { kind: 'list'; values: readonly string[]; help: string }
  | { kind: 'checkbox' }
  | { kind: 'email'; help: string };

export interface ColumnRule {
  sheet: string;
  header: string;
  rule: Rule;
}

export interface ColorRule {
  sheet: string;
  header: string;
  /** Exact cell text that triggers the colour. */
  text: string;
  color: string;
}

const statusHelp = `Pick one of: ${STATUS_VALUES.join(', ')}.`;

export const COLUMN_RULES: readonly ColumnRule[] = [
  ...[
    TRACKER.ahipAetnaStatus,
    TRACKER.tbtStatus,
    TRACKER.callCertStatus,
    TRACKER.equipmentStatus,
    TRACKER.rtsStatus,
  ].map((header): ColumnRule => ({
    sheet: SHEET.tracker,
    header,
    rule: { kind: 'list', values: STATUS_VALUES, help: statusHelp },
  })),
  {
    sheet: SHEET.tracker,
    header: TRACKER.completion,
    rule: { kind: 'list', values: COMPLETION_VALUES, help: 'Updated from the Carrier Cert Completion Form.' },
  },
  ...[TRACKER.paymentIssue, TRACKER.loginIssue].map((header): ColumnRule => ({
    sheet: SHEET.tracker,
    header,
    rule: { kind: 'list', values: ISSUE_VALUES, help: 'Day-1 issue: None, Open or Resolved.' },
  })),
  {
    sheet: SHEET.tracker,
    header: TRACKER.salesInhibitor,
    rule: {
      kind: 'list',
      values: SALES_INHIBITOR_VALUES,
      help: 'Anything that may stop the agent selling. Ops management is emailed at once.',
    },
  },
  {
    sheet: SHEET.tracker,
    header: TRACKER.attendance,
    rule: { kind: 'list', values: ATTENDANCE_CODES, help: 'Attendance code from the attendance policy.' },
  },
  {
    sheet: SHEET.tracker,
    header: TRACKER.capLevel,
    rule: {
      kind: 'list',
      values: CAP_LEVELS,
      help: 'Escalation ladder: Verbal Coaching → Written CAP → Final CAP alert sent → Final CAP issued → Termination.',
    },
  },
  ...[TRACKER.cxpEmail, TRACKER.personalEmail, TRACKER.tlEmail].map((header): ColumnRule => ({
    sheet: SHEET.tracker,
    header,
    rule: { kind: 'email', help: 'An email address.' },
  })),
  {
    sheet: SHEET.coachingLog,
    header: COACHING_LOG.level,
    rule: {
      kind: 'list',
      // The legacy "Final CAP" of older rows stays valid (read as "Final CAP alert sent").
      values: [...CAP_LEVELS, LEGACY_FINAL_CAP],
      help: 'Verbal Coaching, Written CAP, Final CAP alert sent, Final CAP issued or Termination.',
    },
  },
  {
    sheet: SHEET.alertLog,
    header: ALERT_LOG.status,
    rule: { kind: 'list', values: ALERT_STATUSES, help: 'Written by the mailer.' },
  },
  {
    sheet: SHEET.cohorts,
    header: COHORTS.status,
    rule: {
      kind: 'list',
      values: COHORT_STATUSES,
      help: `Kept by the script from the class's own Day 1-${ATTENDANCE_DAYS} clock: Planned, Active, Extension, Closed.`,
    },
  },
  {
    sheet: EXAM_ATTEMPTS_SHEET.name,
    header: EXAM_ATTEMPTS_SHEET.headers.result,
    rule: {
      kind: 'list',
      values: EXAM_RESULTS,
      help: 'Filled in by the script from the Score: 90% passes (RULES R20).',
    },
  },
];

const statusColors: ColorRule[] = [
  TRACKER.ahipAetnaStatus,
  TRACKER.tbtStatus,
  TRACKER.callCertStatus,
  TRACKER.equipmentStatus,
  TRACKER.rtsStatus,
].flatMap((header) => [
  { sheet: SHEET.tracker, header, text: 'Complete', color: COLOR.green },
  { sheet: SHEET.tracker, header, text: 'In Progress', color: COLOR.amber },
  { sheet: SHEET.tracker, header, text: 'Blocked', color: COLOR.red },
]);

export const COLOR_RULES: readonly ColorRule[] = [
  ...statusColors,
  ...[TRACKER.paymentIssue, TRACKER.loginIssue].flatMap((header) => [
    { sheet: SHEET.tracker, header, text: 'Open', color: COLOR.red },
    { sheet: SHEET.tracker, header, text: 'Resolved', color: COLOR.green },
  ]),
  { sheet: SHEET.tracker, header: TRACKER.completion, text: 'Verified', color: COLOR.green },
  { sheet: SHEET.tracker, header: TRACKER.completion, text: 'Submitted', color: COLOR.amber },
  ...SALES_INHIBITOR_VALUES.filter((v) => v !== 'None').map((text) => ({
    sheet: SHEET.tracker,
    header: TRACKER.salesInhibitor,
    text,
    color: COLOR.red,
  })),
  { sheet: SHEET.tracker, header: TRACKER.attendance, text: 'Full Day', color: COLOR.green },
  ...['Tardy < 1 hr', 'Tardy > 1 hr', 'Leave Early', 'Absent - HR Approved'].map((text) => ({
    sheet: SHEET.tracker,
    header: TRACKER.attendance,
    text,
    color: COLOR.amber,
  })),
  ...['NCNS', 'Absent - Unapproved', 'Unresponsive/Missing During Class', 'MIA', 'No Longer Employed'].map(
    (text) => ({
      sheet: SHEET.tracker,
      header: TRACKER.attendance,
      text,
      color: COLOR.red,
    }),
  ),
  { sheet: SHEET.tracker, header: TRACKER.capLevel, text: 'Verbal Coaching', color: COLOR.amber },
  { sheet: SHEET.tracker, header: TRACKER.capLevel, text: 'Written CAP', color: COLOR.amber },
  { sheet: SHEET.tracker, header: TRACKER.capLevel, text: 'Final CAP alert sent', color: COLOR.amber },
  { sheet: SHEET.tracker, header: TRACKER.capLevel, text: 'Final CAP issued', color: COLOR.red },
  { sheet: SHEET.tracker, header: TRACKER.capLevel, text: 'Termination', color: COLOR.red },
  { sheet: SHEET.alertLog, header: ALERT_LOG.status, text: 'sent', color: COLOR.green },
  { sheet: SHEET.alertLog, header: ALERT_LOG.status, text: 'dry-run', color: COLOR.amber },
  { sheet: SHEET.alertLog, header: ALERT_LOG.status, text: 'deferred', color: COLOR.amber },
  { sheet: SHEET.alertLog, header: ALERT_LOG.status, text: 'failed', color: COLOR.red },
  { sheet: SHEET.cohorts, header: COHORTS.status, text: 'Active', color: COLOR.green },
  { sheet: SHEET.cohorts, header: COHORTS.status, text: 'Extension', color: COLOR.amber },
  {
    sheet: EXAM_ATTEMPTS_SHEET.name,
    header: EXAM_ATTEMPTS_SHEET.headers.result,
    text: EXAM_RESULTS[0],
    color: COLOR.green,
  },
  {
    sheet: EXAM_ATTEMPTS_SHEET.name,
    header: EXAM_ATTEMPTS_SHEET.headers.result,
    text: EXAM_RESULTS[1],
    color: COLOR.red,
  },
];
