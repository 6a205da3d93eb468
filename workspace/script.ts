/**
 * Fake `ScriptApp`: trigger builders (time-based, spreadsheet, document, form, calendar), the project's
 * trigger list with Google's 20-triggers-per-user limit, and a non-API scheduler view
 * (`dueTimeTriggers`, `handlersFor`, `triggersFor`, `asCreator`) the harness uses to fire triggers on
 * the FakeClock.
 *
 * Installable triggers belong to their creator (Google: "Installable triggers always run under the
 * account of the person who created them" and "A given account can't see triggers installed from a
 * second account, even though the first account can still activate those triggers" —
 * https://developers.google.com/apps-script/guides/triggers/installable): `getProjectTriggers()` and
 * `getUserTriggers()` list only the effective user's triggers, `deleteTrigger` cannot remove another
 * user's, the 20-trigger limit is per user, and `asCreator()` runs a handler as the trigger's creator.
 */
import type { FakeClock } from './clock';
import type { Meter } from './meter';
import type { FakeSession } from './session';
import { gasEnum, isDateLike, zonedFields, zonedToUtc } from './utilities';

type EventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE' | 'ON_EVENT_UPDATED';
type TriggerSourceName = 'SPREADSHEETS' | 'CLOCK' | 'FORMS' | 'DOCUMENTS' | 'CALENDAR';
type WeekdayName = 'SUNDAY' | 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY';
type HasId = { getId(): string };

const WEEKDAYS: WeekdayName[] = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];

export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const MAX_TRIGGERS = 20;
/** Not a documented Google text: another user's trigger is invisible, so Apps Script cannot find it. */
export const NOT_YOUR_TRIGGER = 'Trigger not found: it belongs to another user of this script.';

export interface ClockSchedule {
  timeZone: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  weekDay?: WeekdayName;
  monthDay?: number;
  /** One-shot: milliseconds after creation. */
  afterMs?: number;
  /** One-shot: at this instant. */
  at?: Date;
  /** One-shot: on this local date (month 1-12). */
  atDate?: { year: number; month: number; day: number };
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  schedule?: ClockSchedule;
  installedBy: string;
  createdAt: Date;
  /** Next time a CLOCK trigger fires (null once a one-shot has fired). */
  nextRun: Date | null;
  lastRun: Date | null;
  /** Local day number (days since epoch) of the first run, for every-N-days/weeks cadence. */
  anchorDay?: number;
}

export class FakeTrigger implements GoogleAppsScript.Script.Trigger {
  constructor(
    private readonly meter: Meter,
    readonly record: TriggerRecord,
  ) {}

  /** Unmetered id, for the harness and deleteTrigger. */
  get id(): string {
    return this.record.id;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    this.meter.call('ScriptApp', 'getEventType');
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getHandlerFunction(): string {
    this.meter.call('ScriptApp', 'getHandlerFunction');
    return this.record.handler;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.meter.call('ScriptApp', 'getTriggerSource');
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  /** The spreadsheet/document/form id; null for time-driven triggers (as in Apps Script). */
  getTriggerSourceId(): string {
    this.meter.call('ScriptApp', 'getTriggerSourceId');
    return this.record.sourceId as string;
  }

  getUniqueId(): string {
    this.meter.call('ScriptApp', 'getUniqueId');
    return this.record.id;
  }
}

type Spec = Omit<TriggerRecord, 'id' | 'installedBy' | 'createdAt' | 'nextRun' | 'lastRun'>;

class FakeClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private readonly s: ClockSchedule;

  constructor(
    private readonly app: FakeScriptApp,
    private readonly meter: Meter,
    private readonly handler: string,
    timeZone: string,
  ) {
    this.s = { timeZone };
  }

  private step(method: string, apply: () => void): this {
    this.meter.call('ScriptApp', method);
    apply();
    return this;
  }

  after(durationMilliseconds: number): this {
    return this.step('after', () => (this.s.afterMs = Number(durationMilliseconds)));
  }

  at(date: GoogleAppsScript.Base.Date): this {
    return this.step('at', () => {
      if (!isDateLike(date)) throw new Error('Invalid argument: date');
      this.s.at = new Date(date.getTime());
    });
  }

  atDate(year: number, month: number, day: number): this {
    return this.step('atDate', () => (this.s.atDate = { year, month, day }));
  }

  atHour(hour: number): this {
    return this.step('atHour', () => {
      if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
      this.s.atHour = hour;
    });
  }

  everyDays(n: number): this {
    return this.step('everyDays', () => {
      if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: days');
      this.s.everyDays = n;
    });
  }

  everyHours(n: number): this {
    return this.step('everyHours', () => {
      if (![1, 2, 4, 6, 8, 12].includes(n)) {
        throw new Error('The number of hours between triggers must be 1, 2, 4, 6, 8 or 12.');
      }
      this.s.everyHours = n;
    });
  }

  everyMinutes(n: number): this {
    return this.step('everyMinutes', () => {
      if (![1, 5, 10, 15, 30].includes(n)) {
        throw new Error('The number of minutes between triggers must be 1, 5, 10, 15 or 30.');
      }
      this.s.everyMinutes = n;
    });
  }

  everyWeeks(n: number): this {
    return this.step('everyWeeks', () => {
      if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: weeks');
      this.s.everyWeeks = n;
    });
  }

  inTimezone(timezone: string): this {
    return this.step('inTimezone', () => (this.s.timeZone = timezone));
  }

  nearMinute(minute: number): this {
    return this.step('nearMinute', () => {
      if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new Error('Invalid argument: minute');
      this.s.nearMinute = minute;
    });
  }

  onMonthDay(day: number): this {
    return this.step('onMonthDay', () => {
      if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error('Invalid argument: day');
      this.s.monthDay = day;
    });
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    return this.step('onWeekDay', () => {
      const name = String(day).toUpperCase();
      const byName = WEEKDAYS.find((w) => w === name);
      const byIndex = typeof day === 'number' ? WEEKDAYS[day] : undefined;
      const wd = byName ?? byIndex;
      if (!wd) throw new Error('Invalid argument: day');
      this.s.weekDay = wd;
    });
  }

  create(): FakeTrigger {
    this.meter.call('ScriptApp', 'create');
    const s = this.s;
    const oneShot = s.afterMs !== undefined || s.at !== undefined || s.atDate !== undefined;
    const repeating =
      s.everyMinutes !== undefined ||
      s.everyHours !== undefined ||
      s.everyDays !== undefined ||
      s.everyWeeks !== undefined ||
      s.weekDay !== undefined ||
      s.monthDay !== undefined;
    if (!oneShot && !repeating) {
      throw new Error('The trigger has no schedule: call everyMinutes/everyHours/everyDays/after/at first.');
    }
    if (s.atHour !== undefined && (s.everyMinutes !== undefined || s.everyHours !== undefined)) {
      throw new Error('atHour() can only be used with daily, weekly or monthly triggers.');
    }
    return this.app.register({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: { ...s },
    });
  }
}

/** Spreadsheet, document and form builders: choose one event type, then create(). */
class FakeSourceTriggerBuilder
  implements
    GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
    GoogleAppsScript.Script.DocumentTriggerBuilder,
    GoogleAppsScript.Script.FormTriggerBuilder,
    GoogleAppsScript.Script.CalendarTriggerBuilder
{
  private eventType: EventTypeName | null = null;

  constructor(
    private readonly app: FakeScriptApp,
    private readonly meter: Meter,
    private readonly handler: string,
    private readonly source: TriggerSourceName,
    private readonly sourceId: string,
  ) {}

  private on(method: string, type: EventTypeName): this {
    this.meter.call('ScriptApp', method);
    this.eventType = type;
    return this;
  }

  onOpen(): this {
    return this.on('onOpen', 'ON_OPEN');
  }

  onEdit(): this {
    return this.on('onEdit', 'ON_EDIT');
  }

  onChange(): this {
    return this.on('onChange', 'ON_CHANGE');
  }

  onFormSubmit(): this {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  onEventUpdated(): this {
    return this.on('onEventUpdated', 'ON_EVENT_UPDATED');
  }

  create(): FakeTrigger {
    this.meter.call('ScriptApp', 'create');
    if (!this.eventType)
      throw new Error('The trigger has no event type: call onEdit/onOpen/onChange/… first.');
    return this.app.register({
      handler: this.handler,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
    });
  }
}

function idOf(target: string | HasId): string {
  return typeof target === 'string' ? target : target.getId();
}

class FakeTriggerBuilder implements GoogleAppsScript.Script.TriggerBuilder {
  constructor(
    private readonly app: FakeScriptApp,
    private readonly meter: Meter,
    private readonly handler: string,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    this.meter.call('ScriptApp', 'timeBased');
    return new FakeClockTriggerBuilder(this.app, this.meter, this.handler, this.app.timeZone);
  }

  forSpreadsheet(sheet: string | HasId): FakeSourceTriggerBuilder {
    this.meter.call('ScriptApp', 'forSpreadsheet');
    return new FakeSourceTriggerBuilder(this.app, this.meter, this.handler, 'SPREADSHEETS', idOf(sheet));
  }

  forDocument(document: string | HasId): FakeSourceTriggerBuilder {
    this.meter.call('ScriptApp', 'forDocument');
    return new FakeSourceTriggerBuilder(this.app, this.meter, this.handler, 'DOCUMENTS', idOf(document));
  }

  forForm(form: string | HasId): FakeSourceTriggerBuilder {
    this.meter.call('ScriptApp', 'forForm');
    return new FakeSourceTriggerBuilder(this.app, this.meter, this.handler, 'FORMS', idOf(form));
  }

  forUserCalendar(emailId: string): FakeSourceTriggerBuilder {
    this.meter.call('ScriptApp', 'forUserCalendar');
    return new FakeSourceTriggerBuilder(this.app, this.meter, this.handler, 'CALENDAR', emailId);
  }
}

class FakeService implements GoogleAppsScript.Script.Service {
  constructor(
    private readonly meter: Meter,
    private readonly url: string,
  ) {}

  getUrl(): string {
    this.meter.call('ScriptApp', 'getUrl');
    return this.url;
  }

  /** @deprecated Apps Script keeps it for old scripts. */
  disable(): void {
    this.meter.call('ScriptApp', 'disable');
  }

  isEnabled(): boolean {
    this.meter.call('ScriptApp', 'isEnabled');
    return true;
  }
}

export interface FakeScriptAppOptions {
  meter: Meter;
  clock: FakeClock;
  /** Records who installed each trigger (its effective user). */
  session?: FakeSession;
  scriptId?: string;
  /** Default time zone of clock triggers (appsscript.json). Default America/Denver. */
  timeZone?: string;
  serviceUrl?: string;
  maxTriggers?: number;
}

const DAY_MS = 86_400_000;

export class FakeScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
  | 'getScriptId'
  | 'getService'
  | 'getOAuthToken'
> {
  readonly AuthMode = gasEnum<typeof GoogleAppsScript.Script.AuthMode>([
    'NONE',
    'CUSTOM_FUNCTION',
    'LIMITED',
    'FULL',
  ]);
  readonly AuthorizationStatus = gasEnum<typeof GoogleAppsScript.Script.AuthorizationStatus>([
    'REQUIRED',
    'NOT_REQUIRED',
  ]);
  readonly EventType = gasEnum<typeof GoogleAppsScript.Script.EventType>([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  readonly InstallationSource = gasEnum<typeof GoogleAppsScript.Script.InstallationSource>([
    'APPS_MARKETPLACE_DOMAIN_ADD_ON',
    'NONE',
    'WEB_STORE_ADD_ON',
  ]);
  readonly TriggerSource = gasEnum<typeof GoogleAppsScript.Script.TriggerSource>([
    'SPREADSHEETS',
    'CLOCK',
    'FORMS',
    'DOCUMENTS',
    'CALENDAR',
  ]);
  readonly WeekDay = gasEnum<typeof GoogleAppsScript.Base.Weekday>(WEEKDAYS);

  readonly timeZone: string;
  private readonly meter: Meter;
  private readonly clock: FakeClock;
  private readonly session?: FakeSession;
  private readonly scriptId: string;
  private readonly serviceUrl: string;
  private readonly maxTriggers: number;
  private readonly triggers: FakeTrigger[] = [];
  private seq = 0;

  constructor(options: FakeScriptAppOptions) {
    this.meter = options.meter;
    this.clock = options.clock;
    this.session = options.session;
    this.scriptId = options.scriptId ?? 'script-local-0001';
    this.timeZone = options.timeZone ?? 'America/Denver';
    this.serviceUrl = options.serviceUrl ?? `https://script.google.com/macros/s/${this.scriptId}/exec`;
    this.maxTriggers = options.maxTriggers ?? MAX_TRIGGERS;
  }

  // ---- non-API helpers -----------------------------------------------------------------------------

  /** Every installed trigger's record (unmetered). */
  list(): TriggerRecord[] {
    return this.triggers.map((t) => t.record);
  }

  /** Handler names of installable triggers for an event (e.g. 'ON_EDIT' on a spreadsheet id). */
  handlersFor(eventType: EventTypeName, sourceId?: string): string[] {
    return this.triggers
      .filter(
        (t) => t.record.eventType === eventType && (sourceId === undefined || t.record.sourceId === sourceId),
      )
      .map((t) => t.record.handler);
  }

  /** Installable triggers (every user's) for an event on a source id, for the harness to fire. */
  triggersFor(eventType: EventTypeName, sourceId: string): TriggerRecord[] {
    return this.list().filter((r) => r.eventType === eventType && r.sourceId === sourceId);
  }

  /**
   * Runs `fn` as Apps Script runs a trigger's handler: as the trigger's creator. During it
   * `Session.getEffectiveUser()` (and so the owner of quotas, triggers and properties reads) is the
   * creator; the active user is the creator too when the creator is the one acting, else unknown ('').
   */
  asCreator<T>(record: TriggerRecord, fn: () => T): T {
    const session = this.session;
    if (!session) return fn();
    const before = { active: session.activeEmail, effective: session.effectiveEmail };
    session.setEffectiveUser(record.installedBy);
    if (before.active !== record.installedBy) session.setActiveUser('');
    try {
      return fn();
    } finally {
      session.setEffectiveUser(before.effective);
      session.setActiveUser(before.active);
    }
  }

  /** Who is running now (the effective user), unmetered. */
  private currentUser(): string {
    return this.session?.effectiveEmail ?? 'lead@example.com';
  }

  private mine(): FakeTrigger[] {
    const me = this.currentUser();
    return this.triggers.filter((t) => t.record.installedBy === me);
  }

  /**
   * CLOCK triggers due at `now` (next run ≤ now), oldest first. Marks them as run and schedules their
   * next run after `now` (missed runs are not replayed, as in Apps Script; one-shots fire once).
   */
  dueTimeTriggers(now: Date = this.clock.now()): FakeTrigger[] {
    const nowMs = now.getTime();
    const due = this.triggers
      .filter((t) => t.record.nextRun !== null && t.record.nextRun.getTime() <= nowMs)
      .sort((a, b) => a.record.nextRun!.getTime() - b.record.nextRun!.getTime());
    for (const t of due) {
      t.record.lastRun = t.record.nextRun;
      const next = this.isOneShot(t.record) ? null : this.computeNext(t.record, nowMs);
      t.record.nextRun = next === null ? null : new Date(next);
    }
    return due;
  }

  /** Removes every trigger (unmetered), e.g. between scenarios. */
  clearTriggers(): void {
    this.triggers.length = 0;
  }

  register(spec: Spec): FakeTrigger {
    if (this.mine().length >= this.maxTriggers) throw new Error(TOO_MANY_TRIGGERS);
    this.seq++;
    const record: TriggerRecord = {
      ...spec,
      id: String(1_000_000 + this.seq),
      installedBy: this.currentUser(),
      createdAt: this.clock.now(),
      nextRun: null,
      lastRun: null,
    };
    if (record.eventType === 'CLOCK') {
      const first = this.computeFirst(record);
      record.nextRun = first === null ? null : new Date(first);
    }
    const trigger = new FakeTrigger(this.meter, record);
    this.triggers.push(trigger);
    return trigger;
  }

  private isOneShot(r: TriggerRecord): boolean {
    const s = r.schedule!;
    return s.afterMs !== undefined || s.at !== undefined || s.atDate !== undefined;
  }

  private computeFirst(r: TriggerRecord): number | null {
    const s = r.schedule!;
    const created = r.createdAt.getTime();
    if (s.afterMs !== undefined) return created + s.afterMs;
    if (s.at !== undefined) return s.at.getTime();
    if (s.atDate !== undefined) {
      const { year, month, day } = s.atDate;
      return zonedToUtc(s.timeZone, year, month, day, s.atHour ?? 0, s.nearMinute ?? 0).getTime();
    }
    return this.computeNext(r, created);
  }

  /** First scheduled instant strictly after `fromMs`. */
  private computeNext(r: TriggerRecord, fromMs: number): number | null {
    const s = r.schedule!;
    if (s.everyMinutes !== undefined) {
      const period = s.everyMinutes * 60_000;
      const base = (r.lastRun ?? r.createdAt).getTime();
      return base + Math.max(1, Math.ceil((fromMs - base + 1) / period)) * period;
    }
    if (s.everyHours !== undefined) {
      const period = s.everyHours * 3_600_000;
      let base = (r.lastRun ?? r.createdAt).getTime();
      if (r.lastRun === null && s.nearMinute !== undefined) {
        const f = zonedFields(base, s.timeZone);
        base = zonedToUtc(s.timeZone, f.year, f.month, f.day, f.hour, s.nearMinute).getTime();
      }
      return base + Math.max(1, Math.ceil((fromMs - base + 1) / period)) * period;
    }
    // Day-based: daily / weekly / monthly at a local hour.
    const created = zonedFields(r.createdAt.getTime(), s.timeZone);
    const hour = s.atHour ?? created.hour;
    const minute = s.nearMinute ?? 0;
    const step =
      s.everyDays ?? (s.everyWeeks !== undefined || s.weekDay !== undefined ? 7 * (s.everyWeeks ?? 1) : 1);
    const start = zonedFields(fromMs, s.timeZone);
    const startDay = Math.floor(Date.UTC(start.year, start.month - 1, start.day) / DAY_MS);
    for (let i = 0; i < 800; i++) {
      const dayNum = startDay + i;
      const d = new Date(dayNum * DAY_MS);
      if (s.weekDay !== undefined && WEEKDAYS[d.getUTCDay()] !== s.weekDay) continue;
      if (s.monthDay !== undefined && d.getUTCDate() !== s.monthDay) continue;
      if (s.monthDay === undefined && r.anchorDay !== undefined && (dayNum - r.anchorDay) % step !== 0)
        continue;
      const t = zonedToUtc(
        s.timeZone,
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        hour,
        minute,
      ).getTime();
      if (t <= fromMs) continue;
      if (r.anchorDay === undefined) r.anchorDay = dayNum;
      return t;
    }
    return null;
  }

  // ---- API -----------------------------------------------------------------------------------------

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.meter.call('ScriptApp', 'newTrigger');
    return new FakeTriggerBuilder(this, this.meter, String(functionName));
  }

  getProjectTriggers(): FakeTrigger[] {
    this.meter.call('ScriptApp', 'getProjectTriggers');
    return this.mine();
  }

  getUserTriggers(container: HasId): FakeTrigger[] {
    this.meter.call('ScriptApp', 'getUserTriggers');
    const id = container.getId();
    return this.mine().filter((t) => t.record.sourceId === id);
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.meter.call('ScriptApp', 'deleteTrigger');
    const id = (trigger as Partial<FakeTrigger>).record?.id ?? trigger.getUniqueId();
    const i = this.triggers.findIndex((t) => t.record.id === id);
    if (i < 0) return;
    if (this.triggers[i].record.installedBy !== this.currentUser()) throw new Error(NOT_YOUR_TRIGGER);
    this.triggers.splice(i, 1);
  }

  getScriptId(): string {
    this.meter.call('ScriptApp', 'getScriptId');
    return this.scriptId;
  }

  getService(): FakeService {
    this.meter.call('ScriptApp', 'getService');
    return new FakeService(this.meter, this.serviceUrl);
  }

  getOAuthToken(): string {
    this.meter.call('ScriptApp', 'getOAuthToken');
    return 'ya29.local-fake-oauth-token';
  }
}
