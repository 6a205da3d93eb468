/**
 * Fake `CalendarApp`: a default calendar (id = the owner's email) plus any calendars the harness adds,
 * `createEvent(title, start, end, {description, location, guests, sendInvites})` and `getEvents`.
 * Invitations Calendar would email are recorded in `invitations` (they do not spend MailApp quota).
 */
import type { FakeClock } from './clock';
import type { Meter } from './meter';
import { gasEnum, isDateLike } from './utilities';

type GasEvent = GoogleAppsScript.Calendar.CalendarEvent;
type GasCalendar = GoogleAppsScript.Calendar.Calendar;

export interface EventRecord {
  id: string;
  calendarId: string;
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  guests: string[];
  created: Date;
}

export interface Invitation {
  eventId: string;
  email: string;
  title: string;
  start: Date;
}

function toDate(v: unknown, name: string): Date {
  if (!isDateLike(v) || Number.isNaN(v.getTime())) throw new Error(`Invalid argument: ${name}`);
  return new Date(v.getTime());
}

class FakeEventGuest implements Pick<GoogleAppsScript.Calendar.EventGuest, 'getEmail' | 'getName'> {
  constructor(
    private readonly meter: Meter,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.meter.call('CalendarApp', 'getEmail');
    return this.email;
  }

  getName(): string {
    this.meter.call('CalendarApp', 'getName');
    return this.email;
  }
}

export class FakeCalendarEvent implements Pick<
  GasEvent,
  | 'getId'
  | 'getTitle'
  | 'getDescription'
  | 'getStartTime'
  | 'getEndTime'
  | 'getGuestList'
  | 'setTitle'
  | 'setDescription'
  | 'deleteEvent'
> {
  constructor(
    private readonly app: FakeCalendarApp,
    private readonly meter: Meter,
    readonly record: EventRecord,
  ) {}

  getId(): string {
    this.meter.call('CalendarApp', 'getId');
    return this.record.id;
  }

  getTitle(): string {
    this.meter.call('CalendarApp', 'getTitle');
    return this.record.title;
  }

  getDescription(): string {
    this.meter.call('CalendarApp', 'getDescription');
    return this.record.description;
  }

  getStartTime(): Date {
    this.meter.call('CalendarApp', 'getStartTime');
    return new Date(this.record.start.getTime());
  }

  getEndTime(): Date {
    this.meter.call('CalendarApp', 'getEndTime');
    return new Date(this.record.end.getTime());
  }

  getGuestList(_includeOwner?: boolean): GoogleAppsScript.Calendar.EventGuest[] {
    this.meter.call('CalendarApp', 'getGuestList');
    return this.record.guests.map(
      (g) => new FakeEventGuest(this.meter, g) as unknown as GoogleAppsScript.Calendar.EventGuest,
    );
  }

  setTitle(title: string): GasEvent {
    this.meter.call('CalendarApp', 'setTitle');
    this.record.title = String(title);
    return this as unknown as GasEvent;
  }

  setDescription(description: string): GasEvent {
    this.meter.call('CalendarApp', 'setDescription');
    this.record.description = String(description);
    return this as unknown as GasEvent;
  }

  deleteEvent(): void {
    this.meter.call('CalendarApp', 'deleteEvent');
    this.app.removeEvent(this.record.id);
  }
}

export class FakeCalendar implements Pick<
  GasCalendar,
  'getId' | 'getName' | 'getTimeZone' | 'createEvent' | 'getEvents' | 'getEventById'
> {
  constructor(
    private readonly app: FakeCalendarApp,
    private readonly meter: Meter,
    readonly id: string,
    readonly name: string,
    private readonly timeZone: string,
  ) {}

  getId(): string {
    this.meter.call('CalendarApp', 'getId');
    return this.id;
  }

  getName(): string {
    this.meter.call('CalendarApp', 'getName');
    return this.name;
  }

  getTimeZone(): string {
    this.meter.call('CalendarApp', 'getTimeZone');
    return this.timeZone;
  }

  createEvent(
    title: string,
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: { [key: string]: unknown },
  ): GasEvent {
    this.meter.call('CalendarApp', 'createEvent');
    return this.app.addEvent(this.id, title, startTime, endTime, options) as unknown as GasEvent;
  }

  getEvents(
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: { [key: string]: unknown },
  ): GasEvent[] {
    this.meter.call('CalendarApp', 'getEvents');
    return this.app.findEvents(this.id, startTime, endTime, options) as unknown as GasEvent[];
  }

  getEventById(iCalId: string): GasEvent {
    this.meter.call('CalendarApp', 'getEventById');
    return this.app.eventById(iCalId) as unknown as GasEvent;
  }
}

export interface FakeCalendarAppOptions {
  meter: Meter;
  clock: FakeClock;
  /** Owner of the default calendar (its id). Default lead@example.com. */
  owner?: string;
  timeZone?: string;
}

export class FakeCalendarApp implements Pick<
  GoogleAppsScript.Calendar.CalendarApp,
  'GuestStatus' | 'getDefaultCalendar' | 'getCalendarById' | 'createEvent' | 'getEvents' | 'getEventById'
> {
  readonly GuestStatus = gasEnum<typeof GoogleAppsScript.Calendar.GuestStatus>([
    'INVITED',
    'MAYBE',
    'NO',
    'OWNER',
    'YES',
  ]);
  /** Every event by id (non-API, unmetered). */
  readonly events = new Map<string, EventRecord>();
  /** Invitations Calendar would have emailed (sendInvites: true). */
  readonly invitations: Invitation[] = [];
  readonly calendars = new Map<string, FakeCalendar>();
  private readonly meter: Meter;
  private readonly clock: FakeClock;
  private readonly owner: string;
  private seq = 0;

  constructor(options: FakeCalendarAppOptions) {
    this.meter = options.meter;
    this.clock = options.clock;
    this.owner = options.owner ?? 'lead@example.com';
    const tz = options.timeZone ?? 'America/Denver';
    this.calendars.set(this.owner, new FakeCalendar(this, this.meter, this.owner, this.owner, tz));
  }

  // ---- non-API helpers -----------------------------------------------------------------------------

  /** Adds a secondary calendar the script can open with getCalendarById. */
  addCalendar(id: string, name = id, timeZone = 'America/Denver'): FakeCalendar {
    const cal = new FakeCalendar(this, this.meter, id, name, timeZone);
    this.calendars.set(id, cal);
    return cal;
  }

  /** All events, sorted by start (unmetered). */
  allEvents(): EventRecord[] {
    return [...this.events.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  addEvent(
    calendarId: string,
    title: string,
    start: unknown,
    end: unknown,
    options: { [key: string]: unknown } = {},
  ): FakeCalendarEvent {
    const s = toDate(start, 'startTime');
    const e = toDate(end, 'endTime');
    if (e.getTime() < s.getTime()) throw new Error('Event start date must be before event end date.');
    this.seq++;
    const guests = String(options.guests ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== '');
    const record: EventRecord = {
      id: `evt${String(this.seq).padStart(6, '0')}@google.com`,
      calendarId,
      title: String(title),
      description: String(options.description ?? ''),
      location: String(options.location ?? ''),
      start: s,
      end: e,
      guests,
      created: this.clock.now(),
    };
    this.events.set(record.id, record);
    if (options.sendInvites === true) {
      for (const email of guests)
        this.invitations.push({ eventId: record.id, email, title: record.title, start: s });
    }
    return new FakeCalendarEvent(this, this.meter, record);
  }

  findEvents(calendarId: string, start: unknown, end: unknown, options: { [key: string]: unknown } = {}) {
    const s = toDate(start, 'startTime').getTime();
    const e = toDate(end, 'endTime').getTime();
    const search = options.search === undefined ? null : String(options.search).toLowerCase();
    return this.allEvents()
      .filter((r) => r.calendarId === calendarId && r.start.getTime() < e && r.end.getTime() > s)
      .filter((r) => search === null || `${r.title} ${r.description}`.toLowerCase().includes(search))
      .map((r) => new FakeCalendarEvent(this, this.meter, r));
  }

  eventById(id: string): FakeCalendarEvent | null {
    const r = this.events.get(id);
    return r ? new FakeCalendarEvent(this, this.meter, r) : null;
  }

  removeEvent(id: string): void {
    this.events.delete(id);
  }

  // ---- API -----------------------------------------------------------------------------------------

  getDefaultCalendar(): GasCalendar {
    this.meter.call('CalendarApp', 'getDefaultCalendar');
    return this.calendars.get(this.owner) as unknown as GasCalendar;
  }

  /** null when no such calendar is visible, as in Apps Script. */
  getCalendarById(id: string): GasCalendar {
    this.meter.call('CalendarApp', 'getCalendarById');
    return (this.calendars.get(id) ?? null) as unknown as GasCalendar;
  }

  createEvent(
    title: string,
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: { [key: string]: unknown },
  ): GasEvent {
    this.meter.call('CalendarApp', 'createEvent');
    return this.addEvent(this.owner, title, startTime, endTime, options) as unknown as GasEvent;
  }

  getEvents(
    startTime: GoogleAppsScript.Base.Date,
    endTime: GoogleAppsScript.Base.Date,
    options?: { [key: string]: unknown },
  ): GasEvent[] {
    this.meter.call('CalendarApp', 'getEvents');
    return this.findEvents(this.owner, startTime, endTime, options) as unknown as GasEvent[];
  }

  getEventById(iCalId: string): GasEvent {
    this.meter.call('CalendarApp', 'getEventById');
    return this.eventById(iCalId) as unknown as GasEvent;
  }
}
