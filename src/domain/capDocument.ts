/**
 * The CAP document's fields and the built-in template. A team's own Google Docs template may use any of
 * the `{{Field}}` placeholders; the default below uses them all, following the team's documentation
 * standard (date, facts, policy, expected improvement and deadline, consequence, signatures).
 */
import { type CapLevel, COACHING_LOG, TRACKER } from './contract';

/**
 * The kinds of CAP document: the CAP ladder's four levels (RULES R12). A `Final CAP` document is the Final CAP
 * being issued: generating it moves `CAP Level` to `Final CAP issued` (RULES R12).
 */
export const CAP_DOCUMENT_LEVELS = ['Verbal Coaching', 'Written CAP', 'Final CAP', 'Termination'] as const;
export type CapDocumentLevel = (typeof CAP_DOCUMENT_LEVELS)[number];

/** The document a TL would write for an agent at `level` (blank: the Final CAP the window leads to). */
export function documentLevelFor(level: CapLevel | ''): CapDocumentLevel {
  if (level === 'Verbal Coaching' || level === 'Written CAP' || level === 'Termination') return level;
  return 'Final CAP';
}

/** The `{{Field}}` placeholders; those that show a tracker or Coaching Log column are named as it is. */
export const CAP_FIELDS = [
  COACHING_LOG.level,
  COACHING_LOG.date,
  TRACKER.agentName,
  TRACKER.oid,
  TRACKER.tlName,
  TRACKER.cohort,
  'Day 1',
  'Window End',
  'Items Missing',
  'Hours Spent',
  TRACKER.attendance,
  'Notes',
  COACHING_LOG.policy,
  'Expected Improvement',
  'Deadline',
  'OT Sessions',
  'Consequence',
  COACHING_LOG.documentedBy,
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
  'Overtime: {{OT Sessions}}',
  'Consequence:',
  '{{Consequence}}',
  'Signatures:',
  'Agent: ______________________  Date: __________',
  'Team lead: __________________  Date: __________',
  'HR: _________________________  Date: __________',
  'Documented by {{Documented By}}.',
];

export function isCapField(name: string): name is CapField {
  return (CAP_FIELDS as readonly string[]).includes(name);
}

/** One placeholder in a text block: [start, end) of `{{Field}}` and the value that replaces it. */
export interface PlaceholderEdit {
  start: number;
  end: number;
  field: CapField;
  value: string;
}

/**
 * Where a text block's placeholders are and what replaces them, found in ONE scan of the template's
 * own text: a value is never scanned again, so an agent named "{{Deadline}}" keeps that name, and `$`,
 * `\` or regex characters in a value stay literal. Unknown `{{…}}` are left as they are. Sorted by
 * position; apply them from the last to the first so earlier offsets stay valid.
 */
export function placeholderEdits(text: string, values: CapValues): PlaceholderEdit[] {
  const edits: PlaceholderEdit[] = [];
  for (const m of text.matchAll(/\{\{([^{}]+)\}\}/g)) {
    const field = m[1].trim();
    if (!isCapField(field) || m.index === undefined) continue;
    edits.push({ start: m.index, end: m.index + m[0].length, field, value: values[field] });
  }
  return edits;
}

/** The text with its placeholders filled (what the document's paragraph reads afterwards). */
export function fillPlaceholders(text: string, values: CapValues): string {
  let out = text;
  for (const edit of placeholderEdits(text, values).reverse()) {
    out = out.slice(0, edit.start) + edit.value + out.slice(edit.end);
  }
  return out;
}
