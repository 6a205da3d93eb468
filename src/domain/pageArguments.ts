/**
 * Checks of what a sidebar sends through google.script.run. A page (or a TL's own script) may send
 * anything; each server function checks its arguments first and answers a message that names the
 * function, the argument and the value it got, instead of a TypeError deep inside.
 */
export class PageArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageArgumentError';
  }
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  return tag === 'Object' ? 'an object' : `a ${tag}`;
}

/** A non-empty string (trimmed). */
export function requireText(fn: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) {
    throw new PageArgumentError(`${fn}: ${name} must be non-empty text, got ${shown(value)}.`);
  }
  return value.trim();
}

/** Absent (undefined, null or '') or a string. */
export function optionalText(fn: string, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return requireText(fn, name, value);
}

/** A list of strings (e.g. OIDs); an empty list is fine. */
export function requireTextList(fn: string, name: string, value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new PageArgumentError(`${fn}: ${name} must be a list of OIDs, got ${shown(value)}.`);
  }
  value.forEach((v, k) => {
    if (typeof v !== 'string') {
      throw new PageArgumentError(`${fn}: ${name}[${k}] must be an OID (text), got ${shown(v)}.`);
    }
  });
  return value as string[];
}

/** Absent, or a list of strings. */
export function optionalTextList(fn: string, name: string, value: unknown): string[] | undefined {
  return value === undefined || value === null ? undefined : requireTextList(fn, name, value);
}

/** One of a fixed set of strings; absent gives `fallback` when there is one. */
export function requireOneOf<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new PageArgumentError(
      `${fn}: ${name} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${shown(value)}.`,
    );
  }
  return value as T;
}

/** No arguments at all. */
export function requireNoArguments(fn: string, args: readonly unknown[]): void {
  if (args.some((a) => a !== undefined)) {
    throw new PageArgumentError(`${fn} takes no arguments, got ${args.length}.`);
  }
}

/** One excused agent as a page sends it. */
export interface ExcuseArgument {
  oid: string;
  reason: string;
}

/**
 * Absent (undefined or null: nobody excused), or a list of `{ oid, reason }` with both non-empty text: an
 * HR-approved absence is always documented with its reason.
 */
export function optionalExcuseList(fn: string, name: string, value: unknown): ExcuseArgument[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new PageArgumentError(`${fn}: ${name} must be a list of { oid, reason }, got ${shown(value)}.`);
  }
  return value.map((v: unknown, k) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      throw new PageArgumentError(`${fn}: ${name}[${k}] must be { oid, reason }, got ${shown(v)}.`);
    }
    const item = v as Record<string, unknown>;
    return {
      oid: requireText(fn, `${name}[${k}].oid`, item.oid),
      reason: requireText(fn, `${name}[${k}].reason`, item.reason),
    };
  });
}

/** The longest export text a page may send (a day's GoTo Training report is a few hundred KB at most). */
export const MAX_EXPORT_CHARS = 2_000_000;

/** The text of an exported file (RULES R19): non-empty text within `MAX_EXPORT_CHARS`. */
export function requireFileText(fn: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) {
    throw new PageArgumentError(`${fn}: ${name} must be the file's text, got ${shown(value)}.`);
  }
  if (value.length > MAX_EXPORT_CHARS) {
    throw new PageArgumentError(
      `${fn}: ${name} is ${value.length} characters; at most ${MAX_EXPORT_CHARS} (export one day's session).`,
    );
  }
  return value;
}

/** A number, or non-empty text (a score typed as `88` or `88%`): given back as text for the rule to read. */
export function requireNumberOrText(fn: string, name: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return requireText(fn, name, value);
}
