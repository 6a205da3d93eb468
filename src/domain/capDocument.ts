/**
 * The CAP document's fields and the built-in template. A team's own Google Docs template may use any of
 * the `{{Field}}` placeholders; the default below uses them all, following the team's documentation
 * standard (date, facts, policy, expected improvement and deadline, consequence, signatures).
 */
export const CAP_FIELDS = [
  'Level',
  'Date',
  'Agent Name',
  'OID',
  'TL Name',
  'Cohort',
  'Day 1',
  'Window End',
  'Items Missing',
  'Hours Spent',
  'Attendance',
  'Notes',
  'Policy',
  'Expected Improvement',
  'Deadline',
  'Consequence',
  'Documented By',
] as const;

export type CapField = (typeof CAP_FIELDS)[number];
export type CapValues = Record<CapField, string>;

export const placeholder = (field: CapField): string => `{{${field}}}`;

/** The default template, one paragraph per line; headings are the lines that end with ':'. */
export const DEFAULT_CAP_TEMPLATE: readonly string[] = [
  'Corrective Action Plan — {{Level}}',
  'Date: {{Date}}',
  'Agent: {{Agent Name}} (OID {{OID}})',
  'Team lead: {{TL Name}}',
  'Cohort: {{Cohort}} (Day 1: {{Day 1}}; certification window ended {{Window End}})',
  'Facts:',
  'Items not completed: {{Items Missing}}',
  'Working hours spent on certification: {{Hours Spent}}',
  'Attendance: {{Attendance}}',
  'Notes from the ESP Tracker: {{Notes}}',
  'Policy:',
  '{{Policy}}',
  'Expected improvement and deadline:',
  '{{Expected Improvement}} Deadline: {{Deadline}}.',
  'Consequence:',
  '{{Consequence}}',
  'Signatures:',
  'Agent: ______________________  Date: __________',
  'Team lead: __________________  Date: __________',
  'HR: _________________________  Date: __________',
  'Documented by {{Documented By}}.',
];

/** Escapes a literal for Body.replaceText, whose search pattern is a regular expression. */
export function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
