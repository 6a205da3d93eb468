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
import { DriveStore } from './driveStore';
import { FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { FakeMailApp } from './mail';
import { Meter } from './meter';
import { FakePropertiesService } from './properties';
import { FakeScriptApp } from './script';
import { FakeSession } from './session';
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
  readonly tracker: FakeSpreadsheetT;
  readonly logs: string[] = [];

  constructor(options: WorkspaceOptions = {}) {
    const user = options.user ?? 'lead@example.com';
    this.timeZone = options.timeZone ?? 'America/Denver';
    this.clock = new FakeClock(options.now);
    const { meter, clock, timeZone } = this;
    this.store = new DriveStore(user);
    this.session = new FakeSession({ meter, activeUser: user, timeZone });
    const activeUser = () => this.session.getEffectiveUser().getEmail() || user;
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
    this.mail = new FakeMailApp({ meter, clock, dailyQuota: options.mailQuota });
    this.script = new FakeScriptApp({ meter, clock, session: this.session, timeZone });
    this.properties = new FakePropertiesService({ meter });
    this.locks = new FakeLockService({ meter, clock });
    this.cache = new FakeCacheService({ meter, clock });
    this.utilities = new FakeUtilities({ meter, clock });
    this.html = new FakeHtmlService({ meter, dir: options.htmlDir });
    this.calendar = new FakeCalendarApp({ meter, clock, owner: user, timeZone });
    this.documents = new FakeDocumentApp({ meter, store: this.store, clock });
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
}

/** The bundle's entry points, as loaded by gas-local. */
export type Bundle = Record<string, (...args: unknown[]) => unknown>;

/** Loads build/*.js into a fresh V8 context whose globals are this workspace's services. */
export function loadBundle(ws: Workspace, buildDir: string): Bundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gas = require('gas-local') as { require: (dir: string, globals: object) => Bundle };
  return gas.require(buildDir, ws.globals());
}
