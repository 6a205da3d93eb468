/**
 * Cell values and untrusted text. Everything a sheet, a form or a user hands us arrives as `unknown`
 * (strings, numbers, booleans, Dates, blanks); these helpers turn it into what the domain expects and
 * make text safe to write back into a sheet or an email.
 */

/**
 * True for a Date object from any realm. The bundle runs in a `vm` context while the local fakes live in
 * the main realm, so `instanceof Date` would be false for their Dates (see docs/TEAM-NOTES.md).
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A Date that holds a real instant (not `new Date('garbage')`). */
export function isValidDate(v: unknown): v is Date {
  return isDate(v) && !Number.isNaN(v.getTime());
}

/**
 * A cell value as trimmed text: blanks become '', Dates their ISO instant (invalid Dates ''), booleans
 * `TRUE`/`FALSE` as Sheets shows them, numbers their shortest round-trip form.
 */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (isDate(v)) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v).trim();
}

/** Empty as far as a user is concerned: null, undefined, '' or only whitespace. */
export function isBlank(v: unknown): boolean {
  return toText(v) === '';
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1', 'on', 'checked', 'done', '✓', '✔', '☑']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'unchecked', '']);

/**
 * A checkbox or a typed yes/no as a boolean, or null when the value means neither (e.g. "maybe"), so a
 * caller that validates input (Settings) can say so instead of guessing.
 */
export function parseBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v !== 0 : null;
  const word = toText(v).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** A checkbox or a typed yes/no as a boolean: TRUE, 'TRUE', 'yes', 'x', 1 … are true; anything else false. */
export function toBool(v: unknown): boolean {
  return parseBool(v) === true;
}

const MONTH_WORD = /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d/i;

/**
 * True when Sheets would not store `text` as the same text if it were written with setValue(s) or
 * appendRow, which parse strings like typed input: formulas (`=`, and `+ - @` which Sheets and OWASP treat
 * as formula starts), numbers ("00123", "1,234", "$5", "12%", ".5"), TRUE/FALSE, dates and times ("4/14",
 * "2026-01-14", "Jan 14", "14 Jan 2026", "16:15"), a leading apostrophe (Sheets would swallow it), and a
 * leading tab/CR/LF. Deliberately broad: a false positive only costs an invisible apostrophe.
 */
export function wouldSheetsParse(text: string): boolean {
  if (text === '') return false;
  if (/^[\t\r\n]/.test(text)) return true;
  const t = text.trim();
  if (/^[=+\-@'"(]/.test(t)) return true;
  if (/^[\d.,$€£¥%]/.test(t)) return true;
  if (/^(?:true|false)$/i.test(t)) return true;
  if (MONTH_WORD.test(t)) return true;
  return /^\d{1,2}\s+[a-z]{3,9}\.?(?:,?\s+\d{2,4})?$/i.test(t);
}

/**
 * Text as Sheets must keep it: a string that setValue(s)/appendRow would parse (formula, number, date,
 * time, boolean, see `wouldSheetsParse`) gets a leading apostrophe, which Sheets hides and strips, storing
 * the rest as plain text; getValue/getDisplayValue then return exactly `text`. Use for every string
 * written into a cell with setValue(s)/appendRow (not for a cell formatted as plain text `@`).
 */
export function keepAsText(text: string): string {
  return wouldSheetsParse(text) ? `'${text}` : text;
}

/** Compatible name of `keepAsText` (it used to guard formulas only; it now guards all typed-input parsing). */
export const neutraliseFormula = keepAsText;

/** The number format "Plain text": Sheets stores a string written there exactly as given (no parsing). */
export const PLAIN_TEXT_FORMAT = '@';

/**
 * A cell value ready for setValue(s)/appendRow: strings kept as text, numbers/booleans/Dates as values.
 * Pass the cell's number format when known: a plain-text (`@`) cell takes the string as it is (an
 * apostrophe there would be stored and shown).
 */
export function cellInput<T>(v: T, numberFormat = ''): T | string {
  if (typeof v !== 'string' || numberFormat === PLAIN_TEXT_FORMAT) return v;
  return keepAsText(v);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML bodies and attributes: mail bodies are not sandboxed, so every value goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/**
 * The addresses in a cell such as "a@x.com; B@x.com, c@x.com": split on commas, semicolons and whitespace,
 * lowercased (mail and Drive treat addresses case-insensitively) and deduplicated in first-seen order.
 * Invalid entries are kept so the caller can report them with `isValidEmail`.
 */
export function splitEmails(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const email = part.trim().toLowerCase();
    if (email) seen.add(email);
  }
  return [...seen];
}

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/**
 * A pragmatic address check (the dot-atom form of RFC 5322 with a dotted domain and alphabetic TLD):
 * strict enough to catch typos such as a missing `@`, a space or a trailing dot before Drive or Mail
 * rejects the address, lenient enough for every address a company roster holds.
 */
export function isValidEmail(text: string): boolean {
  const email = text.trim();
  return email.length <= 254 && EMAIL.test(email);
}
