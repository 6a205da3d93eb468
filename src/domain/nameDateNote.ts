/**
 * The seed's tracking format for the tracker's three `… Note` columns: `Name - Date - Note`, one entry
 * per line. TLs type these by hand (and phones and Docs turn hyphens into en/em dashes), so the parser is
 * lenient about separators and spacing, strict about meaning (a real, non-future date; a name; a note),
 * and explains every rejection precisely so a TL can fix it without asking.
 *
 * Decisions:
 * - Separators: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar,
 *   minus sign and their small/full-width forms, with any spaces (or none) around them.
 * - The name ends at the first separator that is followed by a date, and the date ends at the next
 *   separator; the note is everything after it and may contain dashes. "First separator followed by a
 *   date" (rather than simply the first separator) keeps hyphenated names such as `Mary-Kate Olsen` intact.
 * - Dates: `M/D/YYYY`, `M/D/YY` (20YY), `YYYY-MM-DD` and `M-D-YYYY` (US order: the team is US-based; with a
 *   four-digit year last there is no ambiguity with ISO). The date pattern is tried explicitly, so the
 *   hyphens inside `2026-01-08` or `1-8-2026` are never mistaken for separators. Normalised to `M/D/YYYY`.
 * - Text that looks like a formula (`=HYPERLINK(…)`, `+1`, `@x`) is just text and follows the same rules.
 */
import { formatMdy, isYmd, parseDateText } from './timeZone';

export interface NoteLine {
  /** 1-based line number within the cell (blank lines count, so it matches what the TL sees). */
  line: number;
  raw: string;
  ok: boolean;
  /** `Name - M/D/YYYY - Note` when ok. */
  normalized?: string;
  name?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  note?: string;
  /** What is wrong, when not ok (without the line prefix). */
  error?: string;
}

export interface NoteCellResult {
  /** The non-blank lines. */
  lines: NoteLine[];
  /** Every line is valid (an empty cell is valid). */
  ok: boolean;
  /** Valid lines normalised, invalid lines verbatim, blank lines dropped, joined by newlines. */
  normalized: string;
  /** For the cell note: one paragraph per invalid line; '' when ok. */
  message: string;
}

export const NOTE_FORMAT_EXAMPLE = 'Jordan Lee - 1/8/2026 - Joined late, camera off';
export const MAX_NAME_LENGTH = 60;

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
const SEP = `\\s*[${DASHES}]\\s*`;
const DATE =
  '\\d{1,2}\\s*/\\s*\\d{1,2}\\s*/\\s*(?:\\d{4}|\\d{2})' + // M/D/YYYY, M/D/YY
  '|\\d{4}-\\d{1,2}-\\d{1,2}' + // YYYY-MM-DD
  '|\\d{4}/\\d{1,2}/\\d{1,2}' + // YYYY/MM/DD
  '|\\d{1,2}-\\d{1,2}-\\d{4}'; // M-D-YYYY

/** name SEP date [SEP note]: the name is lazy, so it ends at the first separator followed by a date. */
const ENTRY = new RegExp(`^(.*?)${SEP}(${DATE})(?:${SEP}(.*)|\\s*)$`);
/** A line that starts with the date (name missing). */
const DATE_FIRST = new RegExp(`^(${DATE})(?:${SEP}(.*)|\\s*)$`);
/** A date directly followed by words, without a dash. */
const DATE_THEN_WORDS = new RegExp(`^(?:${DATE})\\s+[^\\s${DASHES}]`);
const DASH = new RegExp(`[${DASHES}]`);
const SPACED_DASH = new RegExp(`\\s[${DASHES}]|[${DASHES}]\\s`);
const ANY_DATE = new RegExp(`(?:^|\\s)(?:${DATE})(?:\\s|$)`);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function quote(text: string, max = 50): string {
  const shown = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return `"${shown}"`;
}

function checkName(name: string): string | null {
  if (!name) return 'the name is missing';
  if (!/\p{L}/u.test(name)) return `the name ${quote(name)} has no letters`;
  if (name.length > MAX_NAME_LENGTH)
    return `the name is longer than ${MAX_NAME_LENGTH} characters (is the dash after it missing?)`;
  return null;
}

function checkDate(text: string, today: string): { ymd?: string; problem?: string } {
  const result = parseDateText(text.replace(/\s+/g, ''));
  if (!result.ok) return { problem: `the date ${quote(text)} is not a real calendar date` };
  if (result.ymd < '1900-01-01') return { problem: `the date ${quote(text)} has an implausible year` };
  if (result.ymd > today) {
    return { problem: `the date ${quote(text)} is in the future (today is ${formatMdy(today)})` };
  }
  return { ymd: result.ymd };
}

/** Why a line without a recognisable `name - date` start is wrong. */
function diagnose(line: string): string[] {
  if (!DASH.test(line)) {
    return ANY_DATE.test(line)
      ? ['the name, date and note are not separated by dashes']
      : ['there are no dashes separating a name, a date and a note'];
  }
  // Split at the first separator; prefer a spaced one so a hyphenated name stays whole.
  const spaced = SPACED_DASH.exec(line);
  const at = spaced ? spaced.index + (DASH.test(line[spaced.index]) ? 0 : 1) : line.search(DASH);
  const name = collapse(line.slice(0, at));
  const rest = line.slice(at + 1).trim();
  const problems: string[] = [];
  const nameProblem = checkName(name);
  if (nameProblem) problems.push(nameProblem);
  if (DATE_THEN_WORDS.test(rest)) {
    problems.push('a dash is missing between the date and the note');
    return problems;
  }
  const next = rest.search(DASH);
  const segment = collapse(next < 0 ? rest : rest.slice(0, next));
  if (!segment) problems.push('the date is missing');
  else if (!/\d/.test(segment))
    problems.push(`the date is missing (found ${quote(segment)} where the date should be)`);
  else problems.push(`${quote(segment)} is not a date in a recognised form (M/D/YYYY, e.g. 1/8/2026)`);
  return problems;
}

function parseLine(raw: string, lineNo: number, today: string): NoteLine {
  const text = raw.trim();
  const problems: string[] = [];
  let name = '';
  let dateText: string | null = null;
  let note: string | undefined;

  const entry = ENTRY.exec(text);
  const dateFirst = entry ? null : DATE_FIRST.exec(text);
  if (entry) {
    name = collapse(entry[1]);
    dateText = entry[2];
    note = entry[3];
    const nameProblem = checkName(name);
    if (nameProblem) problems.push(nameProblem);
  } else if (dateFirst) {
    problems.push('the name is missing');
    dateText = dateFirst[1];
    note = dateFirst[2];
  } else {
    problems.push(...diagnose(text));
  }

  let ymd: string | undefined;
  if (dateText !== null) {
    const date = checkDate(dateText, today);
    if (date.problem) problems.push(date.problem);
    ymd = date.ymd;
    note = collapse(note ?? '');
    if (!note) problems.push('the note is missing');
  }

  if (problems.length) return { line: lineNo, raw, ok: false, error: problems.join('; ') };
  const normalizedNote = note as string;
  const date = ymd as string;
  return {
    line: lineNo,
    raw,
    ok: true,
    name,
    date,
    note: normalizedNote,
    normalized: `${name} - ${formatMdy(date)} - ${normalizedNote}`,
  };
}

/**
 * Parses a `… Note` cell. `todayYmd` is the team's local date (`YYYY-MM-DD`): dates after it are errors.
 * Invalid lines are kept verbatim in `normalized`, so writing it back never loses what a TL typed.
 */
export function parseNoteCell(text: string, todayYmd: string): NoteCellResult {
  if (!isYmd(todayYmd)) throw new RangeError(`today "${todayYmd}" is not a date in the form YYYY-MM-DD`);
  const lines: NoteLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.trim()) lines.push(parseLine(raw, i + 1, todayYmd));
  });
  const bad = lines.filter((l) => !l.ok);
  return {
    lines,
    ok: bad.length === 0,
    normalized: lines.map((l) => (l.ok ? (l.normalized as string) : l.raw)).join('\n'),
    message: bad
      .map(
        (l) =>
          `Line ${l.line} (${quote(l.raw.trim())}): ${l.error}. Expected: Name - Date - Note, e.g. "${NOTE_FORMAT_EXAMPLE}"`,
      )
      .join('\n'),
  };
}
