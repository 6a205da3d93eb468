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

/** Literal replacement of every match of an (RE2-style) pattern, as Body.replaceText does. */
function replaceIn(text: string, pattern: RegExp, replacement: string): string {
  return text.replace(pattern, () => replacement);
}

function toRegExp(searchPattern: string): RegExp {
  return new RegExp(String(searchPattern), 'g');
}

function replaceInModel(elements: ElementModel[], searchPattern: string, replacement: string): void {
  const re = toRegExp(searchPattern);
  for (const e of elements) {
    if (e.type === 'PARAGRAPH') e.text = replaceIn(e.text, re, String(replacement));
    else if (e.type === 'TABLE')
      e.cells = e.cells.map((row) => row.map((c) => replaceIn(c, re, String(replacement))));
  }
}

interface DocState {
  closed: boolean;
}

function guard(state: DocState): void {
  if (state.closed) throw new Error(CLOSED);
}

/** editAsText(): a Text view over a body or a paragraph. */
class FakeText implements Pick<GoogleAppsScript.Document.Text, 'getText' | 'appendText' | 'replaceText'> {
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
}

export class FakeParagraph implements Pick<
  GoogleAppsScript.Document.Paragraph,
  | 'getText'
  | 'setText'
  | 'appendText'
  | 'getHeading'
  | 'setHeading'
  | 'replaceText'
  | 'editAsText'
  | 'getType'
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

  getType(): GoogleAppsScript.Document.ElementType {
    this.meter.call('DocumentApp', 'getType');
    return 'PARAGRAPH' as unknown as GoogleAppsScript.Document.ElementType;
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
  | 'getNumChildren'
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
    return this.model.elements
      .filter((e): e is ParagraphModel => e.type === 'PARAGRAPH')
      .map(
        (p) => new FakeParagraph(this.meter, this.state, p) as unknown as GoogleAppsScript.Document.Paragraph,
      );
  }

  getNumChildren(): number {
    this.meter.call('DocumentApp', 'getNumChildren');
    return this.model.elements.length;
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
  'ParagraphHeading' | 'ElementType' | 'create' | 'openById' | 'openByUrl'
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
