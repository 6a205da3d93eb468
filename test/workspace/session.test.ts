import { Meter } from '../../workspace/meter';
import { FakeSession } from '../../workspace/session';

describe('FakeSession', () => {
  test('active and effective users, time zone, temporary key', () => {
    const meter = new Meter();
    const session = new FakeSession({
      meter,
      activeUser: 'tl@example.com',
      effectiveUser: 'owner@example.com',
    });
    expect(session.getActiveUser().getEmail()).toBe('tl@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(session.getScriptTimeZone()).toBe('America/Denver');
    const key = session.getTemporaryActiveUserKey();
    expect(key).toBe(session.getTemporaryActiveUserKey());
    expect(key).not.toContain('tl@');
    expect(meter.count('Session.getActiveUser')).toBe(1);
  });

  test('an empty active user simulates a simple trigger that does not know the user', () => {
    const session = new FakeSession({ meter: new Meter(), activeUser: 'tl@example.com' });
    session.setActiveUser('');
    expect(session.getActiveUser().getEmail()).toBe('');
    expect(session.getEffectiveUser().getEmail()).toBe('tl@example.com');
  });
});
