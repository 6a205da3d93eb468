import { FakeClock } from '../../workspace/clock';
import { Meter } from '../../workspace/meter';
import { FakeScriptApp, TOO_MANY_TRIGGERS } from '../../workspace/script';
import { FakeSession } from '../../workspace/session';

function setup() {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z')); // Thu 08:00 in Denver
  const session = new FakeSession({ meter, activeUser: 'tl@example.com' });
  return { meter, clock, session, script: new FakeScriptApp({ meter, clock, session }) };
}

describe('FakeScriptApp triggers', () => {
  test('create, list, inspect and delete', () => {
    const { script } = setup();
    const sweep = script.newTrigger('nightlySweep').timeBased().everyDays(1).atHour(19).create();
    const edit = script.newTrigger('onTrackerEdit').forSpreadsheet('ss-1').onEdit().create();
    script
      .newTrigger('onCompletionFormSubmit')
      .forSpreadsheet({ getId: () => 'ss-1' })
      .onFormSubmit()
      .create();

    const all = script.getProjectTriggers();
    expect(all.map((t) => t.getHandlerFunction())).toEqual([
      'nightlySweep',
      'onTrackerEdit',
      'onCompletionFormSubmit',
    ]);
    expect(sweep.getEventType()).toBe(script.EventType.CLOCK);
    expect(sweep.getTriggerSource()).toBe(script.TriggerSource.CLOCK);
    expect(sweep.getTriggerSourceId()).toBeNull();
    expect(edit.getEventType()).toBe(script.EventType.ON_EDIT);
    expect(edit.getTriggerSource()).toBe(script.TriggerSource.SPREADSHEETS);
    expect(edit.getTriggerSourceId()).toBe('ss-1');
    expect(String(script.EventType.ON_FORM_SUBMIT)).toBe('ON_FORM_SUBMIT');
    expect(new Set(all.map((t) => t.getUniqueId())).size).toBe(3);
    expect(script.getUserTriggers({ getId: () => 'ss-1' })).toHaveLength(2);
    expect(script.handlersFor('ON_EDIT', 'ss-1')).toEqual(['onTrackerEdit']);
    expect(script.list()[1].installedBy).toBe('tl@example.com');

    script.deleteTrigger(all[1]);
    expect(script.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual([
      'nightlySweep',
      'onCompletionFormSubmit',
    ]);
    script.deleteTrigger(all[1]); // deleting twice is harmless
    expect(script.getProjectTriggers()).toHaveLength(2);
  });

  test('at most 20 triggers per user per script', () => {
    const { script } = setup();
    for (let i = 0; i < 20; i++) script.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => script.newTrigger('one_more').forSpreadsheet('ss').onOpen().create()).toThrow(
      TOO_MANY_TRIGGERS,
    );
    expect(script.getProjectTriggers()).toHaveLength(20);
    script.deleteTrigger(script.getProjectTriggers()[0]);
    script.newTrigger('one_more').forSpreadsheet('ss').onOpen().create();
  });

  test('builder validation', () => {
    const { script } = setup();
    expect(() => script.newTrigger('f').timeBased().create()).toThrow('no schedule');
    expect(() => script.newTrigger('f').timeBased().everyHours(3)).toThrow('1, 2, 4, 6, 8 or 12');
    expect(() => script.newTrigger('f').timeBased().atHour(24)).toThrow('Invalid argument: hour');
    expect(() => script.newTrigger('f').forSpreadsheet('ss').create()).toThrow('no event type');
    expect(script.getProjectTriggers()).toHaveLength(0);
  });

  test('dueTimeTriggers: a daily trigger fires at its local hour, once per day, across DST', () => {
    const { script, clock } = setup();
    script.newTrigger('nightlySweep').timeBased().everyDays(1).atHour(19).nearMinute(30).create();
    expect(script.list()[0].nextRun?.toISOString()).toBe('2026-01-09T02:30:00.000Z'); // 19:30 MST
    expect(script.dueTimeTriggers(new Date('2026-01-09T02:29:00Z'))).toHaveLength(0);
    const due = script.dueTimeTriggers(new Date('2026-01-09T02:30:00Z'));
    expect(due.map((t) => t.getHandlerFunction())).toEqual(['nightlySweep']);
    expect(script.dueTimeTriggers(new Date('2026-01-09T03:00:00Z'))).toHaveLength(0);
    expect(script.list()[0].nextRun?.toISOString()).toBe('2026-01-10T02:30:00.000Z');

    clock.set(new Date('2026-03-07T12:00:00Z'));
    script.dueTimeTriggers(clock.now()); // skipped days are not replayed
    expect(script.list()[0].nextRun?.toISOString()).toBe('2026-03-08T02:30:00.000Z'); // Mar 7, MST
    script.dueTimeTriggers(new Date('2026-03-08T02:30:00Z'));
    expect(script.list()[0].nextRun?.toISOString()).toBe('2026-03-09T01:30:00.000Z'); // Mar 8, MDT
  });

  test('hourly, weekly and one-shot triggers', () => {
    const { script, clock } = setup();
    script.newTrigger('hourly').timeBased().everyHours(2).create();
    script.newTrigger('weekly').timeBased().onWeekDay(script.WeekDay.MONDAY).atHour(9).create();
    script
      .newTrigger('once')
      .timeBased()
      .after(10 * 60_000)
      .create();
    script.newTrigger('capCheck').timeBased().at(new Date('2026-01-12T20:00:00Z')).inTimezone('UTC').create();
    const next = Object.fromEntries(script.list().map((r) => [r.handler, r.nextRun?.toISOString()]));
    expect(next).toEqual({
      hourly: '2026-01-08T17:00:00.000Z',
      weekly: '2026-01-12T16:00:00.000Z', // Mon 09:00 MST
      once: '2026-01-08T15:10:00.000Z',
      capCheck: '2026-01-12T20:00:00.000Z',
    });
    clock.advanceMinutes(10);
    expect(script.dueTimeTriggers().map((t) => t.getHandlerFunction())).toEqual(['once']);
    expect(script.dueTimeTriggers(new Date('2026-01-09T00:00:00Z'))).toHaveLength(1); // hourly only
    expect(script.list().find((r) => r.handler === 'once')?.nextRun).toBeNull();
  });

  test('misc API', () => {
    const { script, meter } = setup();
    expect(script.getScriptId()).toBe('script-local-0001');
    expect(script.getService().getUrl()).toContain('script-local-0001');
    expect(script.getOAuthToken()).toBeTruthy();
    expect(script.AuthMode.FULL).toBe('FULL');
    expect(meter.count('ScriptApp.getScriptId')).toBe(1);
  });
});
