/**
 * Fake `Ui` (what `SpreadsheetApp.getUi()` returns): records custom menus, answers alerts and prompts
 * from queues the test fills (default OK / YES), and records every sidebar and dialog shown. `log` is
 * a human-readable transcript of everything the user would have seen.
 *
 * Whether a run has a UI: `context` says who started the current run. A menu click, a sidebar's
 * google.script.run call, a dialog and the simple onOpen/onEdit triggers run in the open spreadsheet,
 * so `SpreadsheetApp.getUi()` works; a time-driven or installable trigger, or a run from the script
 * editor, has no open editor and getUi() throws "Cannot call SpreadsheetApp.getUi() from this context."
 * Set it with `ws.ui.setContext('trigger')` or `ws.ui.inContext('trigger', () => …)`.
 */
import type { FakeHtmlOutput } from './html';
import type { Meter } from './meter';
import { gasEnum } from './utilities';

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';
const BUTTON_SETS: ButtonSetName[] = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'];

export type MenuEntry =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };

export interface MenuRecord {
  title: string;
  items: MenuEntry[];
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  response: ButtonName;
  /** The text typed into a prompt. */
  text?: string;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number;
  height: number;
}

const menuRecords = new WeakMap<object, MenuRecord>();

export class FakeMenu implements GoogleAppsScript.Base.Menu {
  constructor(
    private readonly meter: Meter,
    private readonly ui: FakeUi,
    readonly record: MenuRecord,
  ) {
    menuRecords.set(this, record);
  }

  addItem(caption: string, functionName: string): this {
    this.meter.call('Ui', 'addItem');
    this.record.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this.meter.call('Ui', 'addSeparator');
    this.record.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): this {
    this.meter.call('Ui', 'addSubMenu');
    const sub = menuRecords.get(menu);
    if (!sub) throw new Error('Invalid argument: menu');
    this.record.items.push({ submenu: sub });
    return this;
  }

  addToUi(): void {
    this.meter.call('Ui', 'addToUi');
    this.ui.installMenu(this.record);
  }
}

class FakePromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly meter: Meter,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}

  getResponseText(): string {
    this.meter.call('Ui', 'getResponseText');
    return this.text;
  }

  getSelectedButton(): Button {
    this.meter.call('Ui', 'getSelectedButton');
    return this.button as unknown as Button;
  }
}

export interface FakeUiOptions {
  meter: Meter;
}

/** Who started the current run. */
export type RunContext = 'menu' | 'sidebar' | 'dialog' | 'simpleTrigger' | 'trigger' | 'editor';
const HAS_UI: Record<RunContext, boolean> = {
  menu: true,
  sidebar: true,
  dialog: true,
  simpleTrigger: true,
  trigger: false,
  editor: false,
};

/** Google's text when a script without an open editor asks for its UI. */
export const NO_UI_CONTEXT = (app: string): string => `Cannot call ${app}.getUi() from this context.`;

export class FakeUi implements Pick<
  GoogleAppsScript.Base.Ui,
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'prompt'
  | 'createMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
> {
  readonly Button = gasEnum<typeof GoogleAppsScript.Base.Button>(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
  readonly ButtonSet = gasEnum<typeof GoogleAppsScript.Base.ButtonSet>(BUTTON_SETS);

  /** Menus added to the UI, in order (re-adding a title replaces it). */
  readonly menus: MenuRecord[] = [];
  /** Every alert and prompt, with the response given. */
  readonly dialogs: AlertRecord[] = [];
  /** Every sidebar / dialog shown. */
  readonly shown: ShownHtml[] = [];
  /** Transcript of everything the user saw, one line each. */
  readonly log: string[] = [];

  private readonly meter: Meter;
  private readonly alertQueue: ButtonName[] = [];
  private readonly promptQueue: { text: string; button: ButtonName }[] = [];

  private runContext: RunContext = 'menu';

  constructor(options: FakeUiOptions) {
    this.meter = options.meter;
    // SpreadsheetApp.getUi() is metered by the spreadsheet fake; the context rule lives here.
    this.meter.onCall('SpreadsheetApp', 'getUi', () => this.requireUi('SpreadsheetApp'));
  }

  // ---- run context (non-API) -------------------------------------------------------------------------

  get context(): RunContext {
    return this.runContext;
  }

  /** Who starts the runs from now on (default 'menu': a TL clicked a menu item). */
  setContext(context: RunContext): void {
    this.runContext = context;
  }

  /** Runs `work` as started by `context`, then restores the previous context. */
  inContext<T>(context: RunContext, work: () => T): T {
    const before = this.runContext;
    this.runContext = context;
    try {
      return work();
    } finally {
      this.runContext = before;
    }
  }

  hasUi(): boolean {
    return HAS_UI[this.runContext];
  }

  /** Throws Google's error when the current run has no UI (time-driven/installable trigger, editor). */
  requireUi(app: 'SpreadsheetApp' | 'DocumentApp'): void {
    if (!this.hasUi()) throw new Error(NO_UI_CONTEXT(app));
  }

  // ---- non-API helpers -----------------------------------------------------------------------------

  /** The next alert is answered with this button. */
  queueAlertResponse(button: ButtonName): void {
    this.alertQueue.push(button);
  }

  /** The next prompt is answered with this text and button. */
  queuePromptResponse(text: string, button: ButtonName = 'OK'): void {
    this.promptQueue.push({ text, button });
  }

  /** Queued responses not yet consumed (a test can assert the app asked what it expected). */
  pendingResponses(): { alerts: number; prompts: number } {
    return { alerts: this.alertQueue.length, prompts: this.promptQueue.length };
  }

  /** A top-level menu by title. */
  menu(title: string): MenuRecord | undefined {
    return this.menus.find((m) => m.title === title);
  }

  /** The most recent sidebar or dialog. */
  lastShown(): ShownHtml | undefined {
    return this.shown[this.shown.length - 1];
  }

  installMenu(record: MenuRecord): void {
    const i = this.menus.findIndex((m) => m.title === record.title);
    const copy = structuredClone(record);
    if (i >= 0) this.menus[i] = copy;
    else this.menus.push(copy);
    const items = record.items
      .map((e) => ('caption' in e ? e.caption : 'submenu' in e ? `${e.submenu.title} ▸` : '—'))
      .join(' | ');
    this.log.push(`MENU ${record.title}: ${items}`);
  }

  // ---- API -----------------------------------------------------------------------------------------

  createMenu(caption: string): FakeMenu {
    this.meter.call('Ui', 'createMenu');
    return new FakeMenu(this.meter, this, { title: String(caption), items: [] });
  }

  alert(promptOrTitle: string, promptOrButtons?: string | ButtonSet, buttons?: ButtonSet): Button {
    this.meter.call('Ui', 'alert');
    const args = this.dialogArgs('alert', promptOrTitle, promptOrButtons, buttons);
    const response = this.alertQueue.shift() ?? defaultButton(args.buttons);
    this.dialogs.push({ kind: 'alert', ...args, response });
    this.log.push(`ALERT${args.title ? ` [${args.title}]` : ''} ${args.prompt} → ${response}`);
    return response as unknown as Button;
  }

  prompt(
    promptOrTitle: string,
    promptOrButtons?: string | ButtonSet,
    buttons?: ButtonSet,
  ): FakePromptResponse {
    this.meter.call('Ui', 'prompt');
    const args = this.dialogArgs('prompt', promptOrTitle, promptOrButtons, buttons);
    const queued = this.promptQueue.shift();
    const response = queued?.button ?? defaultButton(args.buttons);
    const text = queued?.text ?? '';
    this.dialogs.push({ kind: 'prompt', ...args, response, text });
    this.log.push(`PROMPT${args.title ? ` [${args.title}]` : ''} ${args.prompt} → ${response} "${text}"`);
    return new FakePromptResponse(this.meter, text, response);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.meter.call('Ui', 'showSidebar');
    this.show('sidebar', userInterface);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.meter.call('Ui', 'showModalDialog');
    this.show('modal', userInterface, title);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.meter.call('Ui', 'showModelessDialog');
    this.show('modeless', userInterface, title);
  }

  // ---- internals -----------------------------------------------------------------------------------

  private dialogArgs(
    method: string,
    a: string,
    b: string | ButtonSet | undefined,
    c: ButtonSet | undefined,
  ): { title: string; prompt: string; buttons: ButtonSetName } {
    const asSet = (v: unknown): ButtonSetName | undefined => BUTTON_SETS.find((s) => s === String(v));
    if (c !== undefined) {
      const set = asSet(c);
      if (!set) throw new Error(`Invalid argument: buttons`);
      return { title: String(a), prompt: String(b ?? ''), buttons: set };
    }
    if (b !== undefined) {
      const set = asSet(b);
      if (!set) {
        throw new Error(`The parameters (String,String) don't match the method signature for Ui.${method}.`);
      }
      return { title: '', prompt: String(a), buttons: set };
    }
    return { title: '', prompt: String(a), buttons: 'OK' };
  }

  private show(kind: ShownHtml['kind'], output: GoogleAppsScript.HTML.HtmlOutput, title?: string): void {
    // FakeHtmlOutput exposes its state unmetered; fall back to the API for any other HtmlOutput.
    const fake = output as Partial<FakeHtmlOutput>;
    const content = typeof fake.content === 'string' ? fake.content : output.getContent();
    const ownTitle = typeof fake.title === 'string' ? fake.title : output.getTitle();
    const record: ShownHtml = {
      kind,
      title: title !== undefined ? String(title) : ownTitle,
      content,
      width: typeof fake.width === 'number' ? fake.width : 0,
      height: typeof fake.height === 'number' ? fake.height : 0,
    };
    this.shown.push(record);
    this.log.push(`${kind.toUpperCase()} [${record.title}] (${content.length} chars)`);
  }
}

function defaultButton(set: ButtonSetName): ButtonName {
  return set === 'YES_NO' || set === 'YES_NO_CANCEL' ? 'YES' : 'OK';
}
