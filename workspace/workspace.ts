/**
 * The in-memory Google workspace: every service the project uses, wired to one meter (call counts,
 * modeled latency, injected faults), one clock and one Drive store. `globals()` is what Apps Script
 * would provide as globals; `loadBundle()` runs build/Code.js inside it (gas-local), as clasp pushes it.
 */
import { FakeCacheService } from './cache';
import { FakeCalendarApp } from './calendar';
import { FakeClock } from './clock';
import { FakeDocumentApp } from './documents';
import { FakeDriveApp } from './drive';
import { FakeFormApp, RESPONSES_SHEET } from './forms';
import { DriveStore } from './driveStore';
import { type Bundle, FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { FakeMailApp } from './mail';
import { Meter } from './meter';
import { FakePropertiesService } from './properties';
import { FakeScriptApp, type TriggerRecord } from './script';
import { FakeSession } from './session';
import { sheetsApiFor } from './sheetsApi';
import { ChartType, FakeSpreadsheetApp, type FakeSpreadsheetT } from './spreadsheet';
import { FakeUi } from './ui';
import { FakeUtilities } from './utilities';

export interface WorkspaceOptions {
  /** Start of the controllable clock. */
  now?: Date;
  /** The tracker's and the script's time zone. */
  timeZone?: string;
  /** The TL at the keyboard (owner of the tracker and of Drive). */
  user?: string;
  /** Mail quota in recipients per day (100 consumer, 1,500 established Workspace). */
  mailQuota?: number;
  /** Where built `.html` files live, for HtmlService.createHtmlOutputFromFile. */
  htmlDir?: string;
  /** Name of the bound tracker spreadsheet. */
  trackerName?: string;
}

export class Workspace {
  readonly meter = new Meter();
  readonly clock: FakeClock;
  readonly timeZone: string;
  readonly store: DriveStore;
  readonly session: FakeSession;
  readonly ui: FakeUi;
  readonly spreadsheets: FakeSpreadsheetApp;
  readonly drive: FakeDriveApp;
  readonly mail: FakeMailApp;
  readonly script: FakeScriptApp;
  readonly properties: FakePropertiesService;
  readonly locks: FakeLockService;
  readonly cache: FakeCacheService;
  readonly utilities: FakeUtilities;
  readonly html: FakeHtmlService;
  readonly calendar: FakeCalendarApp;
  readonly documents: FakeDocumentApp;
  readonly forms: FakeFormApp;
  readonly tracker: FakeSpreadsheetT;
  readonly logs: string[] = [];
  /** Installable trigger runs that threw (Apps Script logs them and emails the creator a failure report). */
  readonly triggerFailures: { handler: string; user: string; message: string }[] = [];
  /** Writes the harness makes on people's behalf (a form's response row), metered apart from the script. */
  private readonly harnessSheets: FakeSpreadsheetApp;

  constructor(options: WorkspaceOptions = {}) {
    const user = options.user ?? 'lead@example.com';
    this.timeZone = options.timeZone ?? 'America/Denver';
    this.clock = new FakeClock(options.now);
    const { meter, clock, timeZone } = this;
    this.store = new DriveStore(user);
    this.session = new FakeSession({ meter, activeUser: user, timeZone });
    // Who the script runs as, read without metering: the fake's own bookkeeping is not a call the product made.
    const activeUser = () => this.session.effectiveEmail || user;
    this.ui = new FakeUi({ meter });
    this.spreadsheets = new FakeSpreadsheetApp({
      meter,
      store: this.store,
      clock,
      timeZone,
      ui: this.ui,
      activeUser,
    });
    this.drive = new FakeDriveApp({ meter, store: this.store, activeUser });
    this.mail = new FakeMailApp({
      meter,
      clock,
      dailyQuota: options.mailQuota,
      effectiveUser: () => this.session.effectiveEmail || user,
    });
    this.script = new FakeScriptApp({ meter, clock, session: this.session, timeZone });
    this.properties = new FakePropertiesService({ meter });
    this.locks = new FakeLockService({ meter, clock });
    this.cache = new FakeCacheService({ meter, clock });
    this.utilities = new FakeUtilities({ meter, clock });
    this.html = new FakeHtmlService({ meter, dir: options.htmlDir });
    this.calendar = new FakeCalendarApp({ meter, clock, owner: user, timeZone });
    this.documents = new FakeDocumentApp({ meter, store: this.store, clock });
    this.forms = new FakeFormApp({ meter, store: this.store, clock });
    this.harnessSheets = new FakeSpreadsheetApp({
      meter: new Meter(),
      store: this.store,
      clock,
      timeZone,
      ui: this.ui,
      activeUser,
    });
    this.tracker = this.spreadsheets.createBound(options.trackerName ?? 'ESP Tracker');
  }

  /** The globals Apps Script gives a script, plus `EspLocalClock` (see src/gas/clock.ts). */
  globals(): Record<string, unknown> {
    const log = (...args: unknown[]) => this.logs.push(args.map(String).join(' '));
    return {
      SpreadsheetApp: this.spreadsheets,
      DriveApp: this.drive,
      MailApp: this.mail,
      ScriptApp: this.script,
      PropertiesService: this.properties,
      LockService: this.locks,
      CacheService: this.cache,
      Utilities: this.utilities,
      Session: this.session,
      HtmlService: this.html,
      CalendarApp: this.calendar,
      DocumentApp: this.documents,
      FormApp: this.forms,
      // The Sheets advanced service (enabled in appsscript.json).
      Sheets: sheetsApiFor(this),
      Charts: { ChartType },
      Logger: { log },
      console: { log, info: log, warn: log, error: log },
      EspLocalClock: this.clock,
    };
  }

  /** Makes the fakes the globals of this Node process (for unit tests of src/gas without the bundle). */
  installGlobals(): void {
    Object.assign(globalThis, this.globals());
  }

  /**
   * Apps Script fires every installable trigger of `eventType` on `sourceId` — every user's, each run as
   * its creator (https://developers.google.com/apps-script/guides/triggers/installable: "Installable
   * triggers always run under the account of the person who created them"). A handler that throws is
   * recorded in `triggerFailures` and the others still run. Returns the handlers run, in order.
   */
  fireInstallable(
    bundle: Bundle,
    eventType: 'ON_EDIT' | 'ON_FORM_SUBMIT',
    sourceId: string,
    event: object,
  ): string[] {
    const ran: string[] = [];
    for (const record of this.script.triggersFor(eventType, sourceId)) {
      this.runTrigger(bundle, record, { ...event, triggerUid: record.id });
      ran.push(record.handler);
    }
    return ran;
  }

  /**
   * Runs one trigger's handler as its creator, in an execution of its own. A time-driven trigger gets
   * Google's time-driven event object (https://developers.google.com/apps-script/guides/triggers/events:
   * authMode, day-of-month, day-of-week, hour, minute, month, second, timezone, triggerUid, week-of-year, year).
   */
  runTrigger(bundle: Bundle, record: TriggerRecord, event?: object): void {
    if (event === undefined && record.eventType === 'CLOCK') event = this.timeEvent(record);
    const fn = bundle[record.handler];
    try {
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${record.handler}`);
      // A trigger has no UI: SpreadsheetApp.getUi() throws there, as on Google.
      this.ui.inContext('trigger', () =>
        this.script.asCreator(record, () => (event === undefined ? fn() : fn(event))),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.triggerFailures.push({ handler: record.handler, user: record.installedBy, message });
    } finally {
      this.locks.endExecution();
    }
  }

  private timeEvent(record: TriggerRecord): object {
    const at = this.clock.now();
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      })
        .formatToParts(at)
        .map((p) => [p.type, Number(p.value)]),
    );
    return {
      authMode: 'FULL',
      triggerUid: record.id,
      timezone: 'UTC',
      year: parts.year,
      month: parts.month,
      'day-of-month': parts.day,
      'day-of-week': at.getUTCDay() === 0 ? 7 : at.getUTCDay(),
      hour: parts.hour,
      minute: parts.minute,
      second: parts.second,
    };
  }

  /**
   * A person types into a cell of `ss` (as `user`): the value is stored, the simple `onEdit` of the bound
   * tracker runs, then every installable edit trigger of that spreadsheet, each as its creator.
   */
  userEdit(
    bundle: Bundle,
    ss: FakeSpreadsheetT,
    sheetName: string,
    row: number,
    column: number,
    value: unknown,
  ): string[] {
    const range = ss.sheet(sheetName).getRange(row, column);
    const oldValue = range.getValue();
    range.setValue(value as string);
    const event = { authMode: 'LIMITED', range, source: ss, value, oldValue, user: { getEmail: () => '' } };
    const onEdit = bundle.onEdit;
    if (ss.getId() === this.tracker.getId() && typeof onEdit === 'function') {
      this.ui.inContext('simpleTrigger', () => onEdit(event));
      this.locks.endExecution();
    }
    return this.fireInstallable(bundle, 'ON_EDIT', ss.getId(), { ...event, authMode: 'FULL' });
  }

  /**
   * A respondent submits a form: the response is stored; if the form writes to a spreadsheet, the row
   * lands in its `Form Responses 1` sheet and that spreadsheet's form-submit triggers fire with the
   * Sheets event shape (`namedValues`, `values`, `range`); the form's own form-submit triggers fire with
   * the Forms shape (`response`, `source`). A spreadsheet the form does not write to hears nothing.
   */
  submitForm(
    bundle: Bundle,
    formId: string,
    answers: Record<string, string | string[]>,
    respondentEmail = '',
  ): string[] {
    const sub = this.forms.submit(formId, answers, respondentEmail);
    const ran = this.fireInstallable(bundle, 'ON_FORM_SUBMIT', formId, {
      authMode: 'FULL',
      response: sub.response,
      source: sub.form,
    });
    if (sub.destination) {
      const dest = this.harnessSheets.openById(sub.destination.spreadsheetId);
      const headers = Object.keys(sub.destination.namedValues);
      const sheet = dest.getSheetByName(RESPONSES_SHEET) ?? dest.insertSheet(RESPONSES_SHEET);
      if (sheet.getLastRow() === 0) sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
      const row = sheet.getLastRow() + 1;
      const range = sheet.getRange(row, 1, 1, sub.destination.values.length);
      range.setValues([sub.destination.values.map((v) => `'${v}`)]);
      ran.push(
        ...this.fireInstallable(bundle, 'ON_FORM_SUBMIT', sub.destination.spreadsheetId, {
          authMode: 'FULL',
          namedValues: sub.destination.namedValues,
          values: sub.destination.values,
          range: this.spreadsheets
            .fake(sub.destination.spreadsheetId)
            .sheet(RESPONSES_SHEET)
            .getRange(row, 1, 1, sub.destination.values.length),
        }),
      );
    }
    return ran;
  }
}

/**
 * The bundle's entry points, as loaded by gas-local: its globals by name. Values are `unknown`: a caller checks a function is there before
 * calling it (as Apps Script does), and tests call entry points through test/helpers/bundle.ts's typed
 * `EntryBundle`, where a misspelt or renamed entry point does not compile.
 */
export type { Bundle } from './html';

/** Loads build/*.js into a fresh V8 context whose globals are this workspace's services. */
export function loadBundle(ws: Workspace, buildDir: string): Bundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gas = require('gas-local') as { require: (dir: string, globals: object) => Bundle };
  return gas.require(buildDir, ws.globals());
}
