import { FakeCalendarApp } from '../../workspace/calendar';
import { FakeClock } from '../../workspace/clock';
import { Meter } from '../../workspace/meter';

function setup() {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z'));
  return { meter, cal: new FakeCalendarApp({ meter, clock, owner: 'lead@example.com' }) };
}

describe('FakeCalendarApp', () => {
  test('createEvent with options; getEvents by overlap', () => {
    const { cal, meter } = setup();
    const calendar = cal.getDefaultCalendar();
    expect(calendar.getId()).toBe('lead@example.com');
    const ev = calendar.createEvent(
      'OT session 1',
      new Date('2026-01-12T16:00:00Z'),
      new Date('2026-01-12T19:00:00Z'),
      {
        description: 'Final CAP',
        guests: 'tl@example.com, agent@example.com',
        sendInvites: true,
      },
    );
    expect(ev.getTitle()).toBe('OT session 1');
    expect(ev.getDescription()).toBe('Final CAP');
    expect(ev.getStartTime().toISOString()).toBe('2026-01-12T16:00:00.000Z');
    expect(ev.getEndTime().toISOString()).toBe('2026-01-12T19:00:00.000Z');
    expect(ev.getGuestList().map((g) => g.getEmail())).toEqual(['tl@example.com', 'agent@example.com']);
    expect(cal.invitations.map((i) => i.email)).toEqual(['tl@example.com', 'agent@example.com']);

    cal.createEvent('Other', new Date('2026-01-13T16:00:00Z'), new Date('2026-01-13T17:00:00Z'));
    expect(
      cal.getEvents(new Date('2026-01-12T18:00:00Z'), new Date('2026-01-13T00:00:00Z')).map((e) => e.getId()),
    ).toEqual([ev.getId()]);
    expect(
      calendar.getEvents(new Date('2026-01-12T00:00:00Z'), new Date('2026-01-14T00:00:00Z')),
    ).toHaveLength(2);
    expect(cal.getEventById(ev.getId()).getTitle()).toBe('OT session 1');
    ev.deleteEvent();
    expect(cal.allEvents()).toHaveLength(1);
    expect(meter.count('CalendarApp.createEvent')).toBe(2);
  });

  test('unknown calendars are null; end before start throws', () => {
    const { cal } = setup();
    expect(cal.getCalendarById('nobody@example.com')).toBeNull();
    cal.addCalendar('team@example.com');
    expect(cal.getCalendarById('team@example.com').getId()).toBe('team@example.com');
    expect(() => cal.createEvent('x', new Date('2026-01-02'), new Date('2026-01-01'))).toThrow(
      'before event end',
    );
  });
});
