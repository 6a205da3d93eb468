/**
 * Fake `HtmlService`: HtmlOutput, and HtmlTemplate whose `evaluate()` runs Apps Script scriptlets —
 * `<?= expr ?>` (HTML-escaped), `<?!= expr ?>` (raw), `<? statements ?>` — with the template's
 * properties (and optional script globals such as `include`) in scope. The template compiles to a
 * strict-mode function that declares exactly the identifiers it uses (no `with`).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Meter } from './meter';
import { FakeBlob, gasEnum } from './utilities';

/** The built bundle's globals as gas-local returns them (entry points by name; values not typed here). */
export type Bundle = Readonly<Record<string, unknown>>;

type SandboxMode = GoogleAppsScript.HTML.SandboxMode;
type XFrameOptionsMode = GoogleAppsScript.HTML.XFrameOptionsMode;

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const printable = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

class MetaTag implements GoogleAppsScript.HTML.HtmlOutputMetaTag {
  constructor(
    private readonly meter: Meter,
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    this.meter.call('HtmlService', 'getName');
    return this.name;
  }

  getContent(): string {
    this.meter.call('HtmlService', 'getContent');
    return this.content;
  }
}

export class FakeHtmlOutput implements GoogleAppsScript.HTML.HtmlOutput {
  /** Unmetered state for the harness and FakeUi. */
  content: string;
  title = '';
  width = 0;
  height = 0;
  sandboxMode: string = 'IFRAME';
  xFrameOptionsMode: string = 'DEFAULT';
  faviconUrl = '';
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly meter: Meter,
    content = '',
  ) {
    this.content = content;
  }

  addMetaTag(name: string, content: string): this {
    this.meter.call('HtmlService', 'addMetaTag');
    this.metaTags.push({ name, content });
    return this;
  }

  append(addedContent: string): this {
    this.meter.call('HtmlService', 'append');
    this.content += printable(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): this {
    this.meter.call('HtmlService', 'appendUntrusted');
    this.content += escapeHtml(printable(addedContent));
    return this;
  }

  asTemplate(): FakeHtmlTemplate {
    this.meter.call('HtmlService', 'asTemplate');
    return new FakeHtmlTemplate(this.meter, this.content);
  }

  clear(): this {
    this.meter.call('HtmlService', 'clear');
    this.content = '';
    return this;
  }

  getAs(contentType: string): FakeBlob {
    this.meter.call('HtmlService', 'getAs');
    return new FakeBlob(this.meter, this.content, contentType, this.title || null);
  }

  getBlob(): FakeBlob {
    this.meter.call('HtmlService', 'getBlob');
    return new FakeBlob(this.meter, this.content, 'text/html', this.title || null);
  }

  getContent(): string {
    this.meter.call('HtmlService', 'getContent');
    return this.content;
  }

  getFaviconUrl(): string {
    this.meter.call('HtmlService', 'getFaviconUrl');
    return this.faviconUrl;
  }

  getHeight(): number {
    this.meter.call('HtmlService', 'getHeight');
    return this.height;
  }

  getMetaTags(): MetaTag[] {
    this.meter.call('HtmlService', 'getMetaTags');
    return this.metaTags.map((t) => new MetaTag(this.meter, t.name, t.content));
  }

  getTitle(): string {
    this.meter.call('HtmlService', 'getTitle');
    return this.title;
  }

  getWidth(): number {
    this.meter.call('HtmlService', 'getWidth');
    return this.width;
  }

  setContent(content: string): this {
    this.meter.call('HtmlService', 'setContent');
    this.content = printable(content);
    return this;
  }

  setFaviconUrl(iconUrl: string): this {
    this.meter.call('HtmlService', 'setFaviconUrl');
    this.faviconUrl = iconUrl;
    return this;
  }

  setHeight(height: number): this {
    this.meter.call('HtmlService', 'setHeight');
    this.height = height;
    return this;
  }

  setSandboxMode(mode: SandboxMode): this {
    this.meter.call('HtmlService', 'setSandboxMode');
    this.sandboxMode = String(mode);
    return this;
  }

  setTitle(title: string): this {
    this.meter.call('HtmlService', 'setTitle');
    this.title = printable(title);
    return this;
  }

  setWidth(width: number): this {
    this.meter.call('HtmlService', 'setWidth');
    this.width = width;
    return this;
  }

  setXFrameOptionsMode(mode: XFrameOptionsMode): this {
    this.meter.call('HtmlService', 'setXFrameOptionsMode');
    this.xFrameOptionsMode = String(mode);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------------

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with yield let static implements interface package private protected public await arguments eval ' +
    'undefined NaN Infinity output __out __esc __raw __data __globals'
  ).split(' '),
);

interface Compiled {
  /** Function body (strict mode) that fills `__out`. */
  body: string;
  /** Identifiers that appear in the scriptlets' code. */
  identifiers: Set<string>;
}

/** Compiles scriptlet HTML into the body of a strict function. */
export function compileTemplate(raw: string): Compiled {
  const identifiers = new Set<string>();
  const lines: string[] = [];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const noteIds = (code: string) => {
    for (const id of code.match(/[A-Za-z_$][\w$]*/g) ?? []) identifiers.add(id);
  };
  while ((m = scriptlet.exec(raw)) !== null) {
    if (m.index > last) lines.push(`__out.push(${JSON.stringify(raw.slice(last, m.index))});`);
    const code = m[2].trim().replace(/;+\s*$/, '');
    noteIds(code);
    if (m[1] === '=') lines.push(`__out.push(__esc((${code}\n)));`);
    else if (m[1] === '!=') lines.push(`__out.push(__raw((${code}\n)));`);
    else lines.push(`${m[2]}\n`);
    last = scriptlet.lastIndex;
  }
  if (last < raw.length) lines.push(`__out.push(${JSON.stringify(raw.slice(last))});`);
  return { body: lines.join('\n'), identifiers };
}

interface TemplateState {
  meter: Meter;
  raw: string;
  globals: () => Record<string, unknown>;
}

const templateState = new WeakMap<FakeHtmlTemplate, TemplateState>();

export class FakeHtmlTemplate implements GoogleAppsScript.HTML.HtmlTemplate {
  // Template variables are set as plain properties (`template.agents = […]`), as in Apps Script.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [propName: string]: any;

  constructor(meter: Meter, raw: string, globals: () => Record<string, unknown> = () => ({})) {
    templateState.set(this, { meter, raw, globals });
  }

  private state(): TemplateState {
    return templateState.get(this)!;
  }

  /** The template's own properties: its variables. */
  private data(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this));
  }

  private source(): { code: string; names: string[] } {
    const { raw, globals } = this.state();
    const compiled = compileTemplate(raw);
    const scope = { ...globals(), ...this.data() };
    const names = [...compiled.identifiers].filter((id) => !RESERVED.has(id) && id in scope);
    const decl = names.length ? `let { ${names.join(', ')} } = __data;\n` : '';
    const code =
      `'use strict';\n${decl}const __out = [];\n` +
      'const output = { append(s) { __out.push(String(s)); return output; }, ' +
      'appendUntrusted(s) { __out.push(__esc(s)); return output; }, ' +
      "clear() { __out.length = 0; return output; }, getContent() { return __out.join(''); } };\n" +
      `${compiled.body}\nreturn __out.join('');`;
    return { code, names };
  }

  evaluate(): FakeHtmlOutput {
    const { meter, globals } = this.state();
    meter.call('HtmlService', 'evaluate');
    const { code } = this.source();
    const scope = { ...globals(), ...this.data() };
    const fn = new Function('__data', '__esc', '__raw', code) as (
      data: Record<string, unknown>,
      esc: (v: unknown) => string,
      raw: (v: unknown) => string,
    ) => string;
    const html = fn(scope, (v) => escapeHtml(printable(v)), printable);
    return new FakeHtmlOutput(meter, html);
  }

  getCode(): string {
    this.state().meter.call('HtmlService', 'getCode');
    return this.source().code;
  }

  getCodeWithComments(): string {
    this.state().meter.call('HtmlService', 'getCodeWithComments');
    return this.source().code;
  }

  getRawContent(): string {
    this.state().meter.call('HtmlService', 'getRawContent');
    return this.state().raw;
  }
}

// ---------------------------------------------------------------------------------------------------
// HtmlService
// ---------------------------------------------------------------------------------------------------

export interface FakeHtmlServiceOptions {
  meter: Meter;
  /** Directory holding `<name>.html` (the build/ folder). */
  dir?: string;
  /** In-memory files, by name with or without `.html`; checked before `dir`. */
  files?: Record<string, string>;
  /** Script globals visible to templates (e.g. the bundle's `include`); data properties win. */
  globals?: () => Record<string, unknown>;
}

export class FakeHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
> {
  readonly SandboxMode = gasEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
  readonly XFrameOptionsMode = gasEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>([
    'ALLOWALL',
    'DEFAULT',
  ]);
  readonly files: Record<string, string>;
  private readonly meter: Meter;
  private readonly dir?: string;
  private globals: () => Record<string, unknown>;

  constructor(options: FakeHtmlServiceOptions) {
    this.meter = options.meter;
    this.dir = options.dir;
    this.files = { ...(options.files ?? {}) };
    this.globals = options.globals ?? (() => ({}));
  }

  /** Non-API: where templates find script globals (e.g. the vm context running the bundle). */
  setGlobals(globals: () => Record<string, unknown>): void {
    this.globals = globals;
  }

  /** Non-API: reads a project HTML file, as Apps Script would (name with or without `.html`). */
  readFile(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const inMemory = this.files[name] ?? this.files[`${name}.html`];
    if (inMemory !== undefined) return inMemory;
    if (this.dir) {
      const file = path.join(this.dir, `${name}.html`);
      if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    }
    throw new Error(`No HTML file named ${name} was found.`);
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): FakeHtmlOutput {
    this.meter.call('HtmlService', 'createHtmlOutput');
    const content =
      html === undefined || html === null
        ? ''
        : typeof html === 'string'
          ? html
          : html.getBlob().getDataAsString();
    return new FakeHtmlOutput(this.meter, content);
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.meter.call('HtmlService', 'createHtmlOutputFromFile');
    return new FakeHtmlOutput(this.meter, this.readFile(filename));
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): FakeHtmlTemplate {
    this.meter.call('HtmlService', 'createTemplate');
    const raw = typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new FakeHtmlTemplate(this.meter, raw, () => this.globals());
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.meter.call('HtmlService', 'createTemplateFromFile');
    return new FakeHtmlTemplate(this.meter, this.readFile(filename), () => this.globals());
  }
}

/**
 * google.script.run's transport, as strict as Google
 * (developers.google.com/apps-script/guides/html/reference/run, myFunction(...) parameters): "Legal
 * parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript
 * objects and arrays that are composed of primitives, objects, and arrays. … Requests fail if you
 * attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including
 * prohibited types inside objects or arrays. Objects that create circular references will also fail,
 * and undefined fields within arrays become null." The same rule holds for what the server function
 * returns: a Date anywhere in the result fails the call (SPEC "Platform facts"). Returns a copy.
 * Throws IllegalScriptRunValue naming the path of the first illegal value (the message is ours).
 */
export class IllegalScriptRunValue extends Error {}

export function marshalScriptRun(value: unknown, path = 'value', seen: unknown[] = []): unknown {
  if (value === null || value === undefined) return value === undefined && path.endsWith(']') ? null : value;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return value;
  if (type === 'number') return value;
  const tag = Object.prototype.toString.call(value); // works across the vm boundary
  const illegal = (what: string) =>
    new IllegalScriptRunValue(
      `google.script.run cannot pass ${what} (at ${path}): only numbers, booleans, strings, null, and arrays/plain objects of those are legal.`,
    );
  if (type === 'function') return fail(illegal('a function'));
  if (type !== 'object') return fail(illegal(`a ${type}`));
  if (tag === '[object Date]') return fail(illegal('a Date'));
  if (seen.includes(value)) return fail(illegal('a circular reference'));
  const next = [...seen, value];
  if (Array.isArray(value)) return value.map((v, k) => marshalScriptRun(v, `${path}[${k}]`, next));
  const proto = Object.getPrototypeOf(value) as object | null;
  const plain = tag === '[object Object]' && (proto === null || Object.getPrototypeOf(proto) === null);
  if (!plain) return fail(illegal(`an object of type ${tag.slice(8, -1)}`));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = marshalScriptRun(v, `${path}.${k}`, next);
  }
  return out;
}

function fail(error: Error): never {
  throw error;
}

/**
 * One google.script.run call of a global function in the loaded bundle: the arguments cross the
 * transport (an illegal one fails the request before the server runs), the function runs, and the
 * result crosses back (an illegal one fails the call). Returns the page's view: `{ ok, value }` for the
 * success handler or `{ ok: false, error }` for the failure handler.
 */
export function scriptRun(
  bundle: Bundle,
  name: string,
  args: readonly unknown[],
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    const fn = bundle[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    const sent = args.map((a, k) => marshalScriptRun(a, `argument ${k + 1}`));
    const result = marshalScriptRun(fn(...sent), 'result');
    return { ok: true, value: result === undefined ? null : result };
  } catch (error) {
    // The bundle's errors come from another realm: no instanceof Error.
    const message = (error as { message?: unknown } | null)?.message;
    return { ok: false, error: typeof message === 'string' ? message : String(error) };
  }
}
