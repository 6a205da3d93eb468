/**
 * Fake `DocumentApp`. A document is a Drive file (MIME.document) in the shared DriveStore whose
 * content is a flat list of body elements (paragraphs with a heading, tables, horizontal rules), so
 * Drive's makeCopy clones a CAP template and `replaceText` fills in its placeholders.
 */
import type { FakeClock } from './clock';
import { type DriveStore, MIME } from './driveStore';
import type { Meter } from './meter';
import { gasEnum } from './utilities';

type HeadingName =
  | 'NORMAL'
  | 'HEADING1'
  | 'HEADING2'
  | 'HEADING3'
  | 'HEADING4'
  | 'HEADING5'
  | 'HEADING6'
  | 'TITLE'
  | 'SUBTITLE';
const HEADINGS: HeadingName[] = [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
];

export interface ParagraphModel {
  type: 'PARAGRAPH';
  text: string;
  heading: HeadingName;
}
export interface TableModel {
  type: 'TABLE';
  cells: string[][];
}
export interface RuleModel {
  type: 'HORIZONTAL_RULE';
}
export type ElementModel = ParagraphModel | TableModel | RuleModel;

/** A document's content in the DriveStore. */
export interface DocumentModel {
  elements: ElementModel[];
}

const CLOSED = 'Document is closed, its contents cannot be updated.';

function elementText(e: ElementModel): string {
  if (e.type === 'PARAGRAPH') return e.text;
  if (e.type === 'TABLE') return e.cells.map((row) => row.join('\t')).join('\n');
  return '';
}

/**
 * Body/Paragraph/Text.replaceText(searchPattern, replacement), as Docs runs it.
 *
 * Search pattern — developers.google.com/apps-script/reference/document/body#replaceText(String,String):
 * "The search pattern is passed as a string, not a JavaScript regular expression object … This method
 * uses Google's RE2 regular expression library, which limits the supported syntax." and (findText) "A
 * subset of the JavaScript regular expression features are not fully supported, such as capture groups
 * and mode modifiers." So: the pattern is a regex matched within each text block (paragraph, table
 * cell); RE2 has no lookaround and no backreferences, which fail here instead of silently matching.
 *
 * Replacement — not documented by Google. Apps Script's Docs service runs on Java, whose
 * Matcher.replaceAll reads `$n` as a group and `\x` as an escaped x, and fails on a `$` not followed by
 * a group number ("Illegal group reference") or a trailing backslash; public reports of that error for
 * values holding a currency `$` (e.g. github.com/deividasstr/docx-word-replacer/issues/2). The fake
 * applies those strict rules, so code that passes user text as a replacement unescaped fails here
 * rather than in production.
 */
const RE2_UNSUPPORTED: [RegExp, string][] = [
  [/\\(?:[1-9]|k<)/, 'backreferences'],
  [/\(\?<?[=!]/, 'lookaround'],
];

function toRegExp(searchPattern: string): RegExp {
  const pattern = String(searchPattern);
  for (const [re, feature] of RE2_UNSUPPORTED) {
    if (re.test(pattern))
      throw new Error(`Invalid argument: searchPattern (RE2 does not support ${feature})`);
  }
  // RE2's leading (?i) is the only mode modifier modeled; JS takes it as a flag.
  const caseless = pattern.startsWith('(?i)');
  try {
    return new RegExp(caseless ? pattern.slice(4) : pattern, caseless ? 'gi' : 'g');
  } catch {
    throw new Error(`Invalid argument: searchPattern`);
  }
}

/** Expands a replacement for one match with Java's Matcher rules (`$n` groups, `\x` escapes). */
export function expandReplacement(replacement: string, groups: readonly (string | undefined)[]): string {
  let out = '';
  for (let k = 0; k < replacement.length; k++) {
    const c = replacement[k];
    if (c === '\\') {
      k++;
      if (k >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[k];
    } else if (c === '$') {
      k++;
      if (k >= replacement.length || !/[0-9]/.test(replacement[k]))
        throw new Error('Illegal group reference');
      let n = Number(replacement[k]);
      if (n >= groups.length) throw new Error(`No group ${n}`);
      // Java reads further digits while the group number stays valid.
      while (k + 1 < replacement.length && /[0-9]/.test(replacement[k + 1])) {
        const next = n * 10 + Number(replacement[k + 1]);
        if (next >= groups.length) break;
        n = next;
        k++;
      }
      out += groups[n] ?? '';
    } else out += c;
  }
  return out;
}

function replaceIn(text: string, pattern: RegExp, replacement: string): string {
  pattern.lastIndex = 0;
  return text.replace(pattern, (...args: unknown[]) => {
    const named = typeof args[args.length - 1] === 'object';
    const groups = args.slice(0, named ? -3 : -2) as (string | undefined)[];
    return expandReplacement(replacement, groups);
  });
}

function replaceInModel(elements: ElementModel[], searchPattern: string, replacement: string): void {
  const re = toRegExp(searchPattern);
  const value = String(replacement);
  for (const e of elements) {
    if (e.type === 'PARAGRAPH') e.text = replaceIn(e.text, re, value);
    else if (e.type === 'TABLE') e.cells = e.cells.map((row) => row.map((c) => replaceIn(c, re, value)));
  }
}

/** A table cell seen as a paragraph (Body.getParagraphs returns the paragraphs inside tables too). */
function cellParagraph(table: TableModel, row: number, col: number): ParagraphModel {
  return {
    type: 'PARAGRAPH',
    heading: 'NORMAL',
    get text() {
      return table.cells[row][col];
    },
    set text(value: string) {
      table.cells[row][col] = value;
    },
  };
}

interface DocState {
  closed: boolean;
}

function guard(state: DocState): void {
  if (state.closed) throw new Error(CLOSED);
}

/** editAsText(): a Text view over a body or a paragraph. */
class FakeText implements Pick<
  GoogleAppsScript.Document.Text,
  'getText' | 'appendText' | 'replaceText' | 'insertText' | 'deleteText'
> {
  constructor(
    private readonly meter: Meter,
    private readonly state: DocState,
    private readonly elements: () => ElementModel[],
  ) {}

  getText(): string {
    this.meter.call('DocumentApp', 'getText');
    return this.elements().map(elementText).join('\n');
  }

  appendText(text: string | GoogleAppsScript.Document.Text): GoogleAppsScript.Document.Text {
    this.meter.call('DocumentApp', 'appendText');
    guard(this.state);
    const paragraphs = this.elements().filter((e): e is ParagraphModel => e.type === 'PARAGRAPH');
    const last = paragraphs[paragraphs.length - 1];
    if (last) last.text += typeof text === 'string' ? text : text.getText();
    return this as unknown as GoogleAppsScript.Document.Text;
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.meter.call('DocumentApp', 'replaceText');
    guard(this.state);
    replaceInModel(this.elements(), searchPattern, replacement);
    return this as unknown as GoogleAppsScript.Document.Element;
  }

  /** Text.insertText(offset, text): literal text, no pattern rules (modeled for one paragraph). */
  insertText(offset: number, text: string): GoogleAppsScript.Document.Text {
    this.meter.call('DocumentApp', 'insertText');
    guard(this.state);
    const p = this.single();
    if (!Number.isInteger(offset) || offset < 0 || offset > p.text.length)
      throw new Error(
        `Index (${offset}) must be less than or equal to the content length (${p.text.length}).`,
      );
    p.text = p.text.slice(0, offset) + String(text) + p.text.slice(offset);
    return this as unknown as GoogleAppsScript.Document.Text;
  }

  /** Text.deleteText(startOffset, endOffsetInclusive). */
  deleteText(startOffset: number, endOffsetInclusive: number): GoogleAppsScript.Document.Text {
    this.meter.call('DocumentApp', 'deleteText');
    guard(this.state);
    const p = this.single();
    if (
      !Number.isInteger(startOffset) ||
      !Number.isInteger(endOffsetInclusive) ||
      startOffset < 0 ||
      endOffsetInclusive < startOffset ||
      endOffsetInclusive >= p.text.length
    )
      throw new Error(
        `Invalid offsets ${startOffset}..${endOffsetInclusive} for text of length ${p.text.length}.`,
      );
    p.text = p.text.slice(0, startOffset) + p.text.slice(endOffsetInclusive + 1);
    return this as unknown as GoogleAppsScript.Document.Text;
  }

  private single(): ParagraphModel {
    const elements = this.elements();
    if (elements.length !== 1 || elements[0].type !== 'PARAGRAPH')
      throw new Error('The fake models offsets within one paragraph only: use Paragraph.editAsText().');
    return elements[0];
  }
}

export class FakeParagraph implements Pick<
  GoogleAppsScript.Document.Paragraph,
  'getText' | 'setText' | 'appendText' | 'getHeading' | 'setHeading' | 'replaceText' | 'editAsText'
> {
  constructor(
    private readonly meter: Meter,
    private readonly state: DocState,
    readonly model: ParagraphModel,
  ) {}

  getText(): string {
    this.meter.call('DocumentApp', 'getText');
    return this.model.text;
  }

  setText(text: string): void {
    this.meter.call('DocumentApp', 'setText');
    guard(this.state);
    this.model.text = String(text);
  }

  appendText(text: string | GoogleAppsScript.Document.Text): GoogleAppsScript.Document.Text {
    this.meter.call('DocumentApp', 'appendText');
    guard(this.state);
    this.model.text += typeof text === 'string' ? text : text.getText();
    return new FakeText(this.meter, this.state, () => [
      this.model,
    ]) as unknown as GoogleAppsScript.Document.Text;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.meter.call('DocumentApp', 'getHeading');
    return this.model.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GoogleAppsScript.Document.Paragraph {
    this.meter.call('DocumentApp', 'setHeading');
    guard(this.state);
    const name = HEADINGS.find((h) => h === String(heading));
    if (!name) throw new Error('Invalid argument: heading');
    this.model.heading = name;
    return this as unknown as GoogleAppsScript.Document.Paragraph;
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.meter.call('DocumentApp', 'replaceText');
    guard(this.state);
    replaceInModel([this.model], searchPattern, replacement);
    return this as unknown as GoogleAppsScript.Document.Element;
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.meter.call('DocumentApp', 'editAsText');
    return new FakeText(this.meter, this.state, () => [
      this.model,
    ]) as unknown as GoogleAppsScript.Document.Text;
  }
}

class FakeTableCell implements Pick<GoogleAppsScript.Document.TableCell, 'getText' | 'setText'> {
  constructor(
    private readonly meter: Meter,
    private readonly state: DocState,
    private readonly model: TableModel,
    private readonly row: number,
    private readonly col: number,
  ) {}

  getText(): string {
    this.meter.call('DocumentApp', 'getText');
    return this.model.cells[this.row][this.col];
  }

  setText(text: string): GoogleAppsScript.Document.TableCell {
    this.meter.call('DocumentApp', 'setText');
    guard(this.state);
    this.model.cells[this.row][this.col] = String(text);
    return this as unknown as GoogleAppsScript.Document.TableCell;
  }
}

export class FakeTable implements Pick<
  GoogleAppsScript.Document.Table,
  'getNumRows' | 'getCell' | 'getText' | 'replaceText'
> {
  constructor(
    private readonly meter: Meter,
    private readonly state: DocState,
    readonly model: TableModel,
  ) {}

  getNumRows(): number {
    this.meter.call('DocumentApp', 'getNumRows');
    return this.model.cells.length;
  }

  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    this.meter.call('DocumentApp', 'getCell');
    if (this.model.cells[rowIndex]?.[cellIndex] === undefined) throw new Error('Child index out of bounds.');
    return new FakeTableCell(
      this.meter,
      this.state,
      this.model,
      rowIndex,
      cellIndex,
    ) as unknown as GoogleAppsScript.Document.TableCell;
  }

  getText(): string {
    this.meter.call('DocumentApp', 'getText');
    return elementText(this.model);
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.meter.call('DocumentApp', 'replaceText');
    guard(this.state);
    replaceInModel([this.model], searchPattern, replacement);
    return this as unknown as GoogleAppsScript.Document.Element;
  }
}

export class FakeBody implements Pick<
  GoogleAppsScript.Document.Body,
  | 'getText'
  | 'setText'
  | 'clear'
  | 'appendParagraph'
  | 'appendTable'
  | 'appendHorizontalRule'
  | 'replaceText'
  | 'editAsText'
  | 'getParagraphs'
> {
  constructor(
    private readonly meter: Meter,
    private readonly state: DocState,
    private readonly model: DocumentModel,
  ) {}

  getText(): string {
    this.meter.call('DocumentApp', 'getText');
    return this.model.elements.map(elementText).join('\n');
  }

  setText(text: string): GoogleAppsScript.Document.Body {
    this.meter.call('DocumentApp', 'setText');
    guard(this.state);
    this.model.elements = String(text)
      .split('\n')
      .map((t): ParagraphModel => ({ type: 'PARAGRAPH', text: t, heading: 'NORMAL' }));
    return this as unknown as GoogleAppsScript.Document.Body;
  }

  clear(): GoogleAppsScript.Document.Body {
    this.meter.call('DocumentApp', 'clear');
    guard(this.state);
    this.model.elements = [{ type: 'PARAGRAPH', text: '', heading: 'NORMAL' }];
    return this as unknown as GoogleAppsScript.Document.Body;
  }

  appendParagraph(
    paragraph: string | GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph {
    this.meter.call('DocumentApp', 'appendParagraph');
    guard(this.state);
    const source =
      typeof paragraph === 'string' ? null : (paragraph as unknown as Partial<FakeParagraph>).model;
    const model: ParagraphModel = {
      type: 'PARAGRAPH',
      text: typeof paragraph === 'string' ? paragraph : paragraph.getText(),
      heading: source?.heading ?? 'NORMAL',
    };
    this.model.elements.push(model);
    return new FakeParagraph(this.meter, this.state, model) as unknown as GoogleAppsScript.Document.Paragraph;
  }

  appendTable(cells?: string[][] | GoogleAppsScript.Document.Table | null): GoogleAppsScript.Document.Table {
    this.meter.call('DocumentApp', 'appendTable');
    guard(this.state);
    let rows: string[][] = [];
    if (Array.isArray(cells)) rows = cells.map((row) => row.map((c) => String(c)));
    else if (cells) rows = structuredClone((cells as unknown as FakeTable).model?.cells ?? []);
    const model: TableModel = { type: 'TABLE', cells: rows };
    this.model.elements.push(model);
    return new FakeTable(this.meter, this.state, model) as unknown as GoogleAppsScript.Document.Table;
  }

  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    this.meter.call('DocumentApp', 'appendHorizontalRule');
    guard(this.state);
    this.model.elements.push({ type: 'HORIZONTAL_RULE' });
    return {} as GoogleAppsScript.Document.HorizontalRule;
  }

  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.meter.call('DocumentApp', 'replaceText');
    guard(this.state);
    replaceInModel(this.model.elements, searchPattern, replacement);
    return this as unknown as GoogleAppsScript.Document.Element;
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.meter.call('DocumentApp', 'editAsText');
    return new FakeText(
      this.meter,
      this.state,
      () => this.model.elements,
    ) as unknown as GoogleAppsScript.Document.Text;
  }

  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    this.meter.call('DocumentApp', 'getParagraphs');
    // developers.google.com/apps-script/reference/document/body#getParagraphs(): "Retrieves all the
    // Paragraphs contained in the section (including ListItems)" — at any depth, so the paragraphs
    // inside table cells too (a cell holds paragraphs).
    const models: ParagraphModel[] = [];
    for (const e of this.model.elements) {
      if (e.type === 'PARAGRAPH') models.push(e);
      else if (e.type === 'TABLE')
        e.cells.forEach((row, r) => row.forEach((_, c) => models.push(cellParagraph(e, r, c))));
    }
    return models.map(
      (p) => new FakeParagraph(this.meter, this.state, p) as unknown as GoogleAppsScript.Document.Paragraph,
    );
  }
}

export class FakeDocument implements Pick<
  GoogleAppsScript.Document.Document,
  'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose'
> {
  private readonly state: DocState = { closed: false };

  constructor(
    private readonly meter: Meter,
    private readonly store: DriveStore,
    readonly id: string,
  ) {}

  private model(): DocumentModel {
    return this.store.get(this.id).content as DocumentModel;
  }

  getId(): string {
    this.meter.call('DocumentApp', 'getId');
    return this.id;
  }

  getName(): string {
    this.meter.call('DocumentApp', 'getName');
    return this.store.get(this.id).name;
  }

  setName(name: string): GoogleAppsScript.Document.Document {
    this.meter.call('DocumentApp', 'setName');
    guard(this.state);
    this.store.get(this.id).name = String(name);
    return this as unknown as GoogleAppsScript.Document.Document;
  }

  getUrl(): string {
    this.meter.call('DocumentApp', 'getUrl');
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  getBody(): GoogleAppsScript.Document.Body {
    this.meter.call('DocumentApp', 'getBody');
    return new FakeBody(this.meter, this.state, this.model()) as unknown as GoogleAppsScript.Document.Body;
  }

  saveAndClose(): void {
    this.meter.call('DocumentApp', 'saveAndClose');
    this.state.closed = true;
  }
}

export interface FakeDocumentAppOptions {
  meter: Meter;
  store: DriveStore;
  clock: FakeClock;
}

export function newDocumentModel(): DocumentModel {
  return { elements: [{ type: 'PARAGRAPH', text: '', heading: 'NORMAL' }] };
}

export class FakeDocumentApp implements Pick<
  GoogleAppsScript.Document.DocumentApp,
  'ParagraphHeading' | 'ElementType' | 'create' | 'openById' | 'openByUrl' | 'getUi'
> {
  readonly ParagraphHeading = gasEnum<typeof GoogleAppsScript.Document.ParagraphHeading>(HEADINGS);
  readonly ElementType = gasEnum<typeof GoogleAppsScript.Document.ElementType>([
    'BODY_SECTION',
    'HORIZONTAL_RULE',
    'PARAGRAPH',
    'TABLE',
    'TABLE_CELL',
    'TABLE_ROW',
    'TEXT',
  ]);
  private readonly meter: Meter;
  private readonly store: DriveStore;
  private readonly clock: FakeClock;

  constructor(options: FakeDocumentAppOptions) {
    this.meter = options.meter;
    this.store = options.store;
    this.clock = options.clock;
    this.store.registerCloner(MIME.document, (content) => structuredClone(content));
  }

  /** Non-API: a document's text without metering (for tests and the story). */
  textOf(id: string): string {
    const model = this.store.get(id).content as DocumentModel;
    return model.elements.map(elementText).join('\n');
  }

  /** Non-API: seeds a document (e.g. a CAP template) with paragraphs; returns its id. */
  seed(name: string, paragraphs: string[], parentId?: string): string {
    const model: DocumentModel = {
      elements: paragraphs.map((text): ParagraphModel => ({ type: 'PARAGRAPH', text, heading: 'NORMAL' })),
    };
    return this.store.add({
      name,
      mimeType: MIME.document,
      content: model,
      created: this.clock.now(),
      ...(parentId ? { parentIds: [parentId] } : {}),
    }).id;
  }

  create(name: string): GoogleAppsScript.Document.Document {
    this.meter.call('DocumentApp', 'create');
    const file = this.store.add({
      name: String(name),
      mimeType: MIME.document,
      content: newDocumentModel(),
      created: this.clock.now(),
    });
    return new FakeDocument(this.meter, this.store, file.id) as unknown as GoogleAppsScript.Document.Document;
  }

  /**
   * The project is bound to the tracker spreadsheet, never to a document, so there is no Docs editor
   * UI: "A script can only interact with the UI for the current instance of an open editor, and only if
   * the script is container-bound to the editor." (developers.google.com/apps-script/reference/base/ui)
   */
  getUi(): GoogleAppsScript.Base.Ui {
    this.meter.call('DocumentApp', 'getUi');
    throw new Error('Cannot call DocumentApp.getUi() from this context.');
  }

  openById(id: string): GoogleAppsScript.Document.Document {
    this.meter.call('DocumentApp', 'openById');
    return this.open(id);
  }

  openByUrl(url: string): GoogleAppsScript.Document.Document {
    this.meter.call('DocumentApp', 'openByUrl');
    const m = /\/d\/([^/?#]+)/.exec(String(url));
    if (!m) throw new Error('Invalid argument: url');
    return this.open(m[1]);
  }

  private open(id: string): GoogleAppsScript.Document.Document {
    const file = this.store.files.get(String(id));
    if (!file || file.trashed || file.mimeType !== MIME.document) {
      throw new Error(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
    }
    return new FakeDocument(this.meter, this.store, file.id) as unknown as GoogleAppsScript.Document.Document;
  }
}
