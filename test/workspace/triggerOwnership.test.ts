/**
 * Installable triggers belong to their creator — the fake follows Google:
 * - https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers() —
 *   "Gets all installable triggers associated with the current project and current user."
 * - https://developers.google.com/apps-script/guides/triggers/installable (Restrictions) —
 *   "Installable triggers always run under the account of the person who created them… the email is
 *   always sent from your account" and "A given account can't see triggers installed from a second
 *   account, even though the first account can still activate those triggers."
 * - https://developers.google.com/apps-script/guides/services/quotas — "Triggers: 20 / user / script".
 */
import { FakeClock } from '../../workspace/clock';
import { Meter } from '../../workspace/meter';
import { FakeScriptApp, NOT_YOUR_TRIGGER, TOO_MANY_TRIGGERS } from '../../workspace/script';
import { FakeSession } from '../../workspace/session';
import { Workspace } from '../../workspace/workspace';

function setup() {
  const meter = new Meter();
  const clock = new FakeClock(new Date('2026-01-08T15:00:00Z'));
  const session = new FakeSession({ meter, activeUser: 'tl1@example.com' });
  return { session, script: new FakeScriptApp({ meter, clock, session }) };
}

describe('installable triggers belong to their creator', () => {
  test('getProjectTriggers and getUserTriggers list only the current user’s triggers', () => {
    const { session, script } = setup();
    script.newTrigger('onTrackerEdit').forSpreadsheet('ss-1').onEdit().create();
    session.actAs('tl2@example.com');
    expect(script.getProjectTriggers()).toHaveLength(0);
    expect(script.getUserTriggers({ getId: () => 'ss-1' })).toHaveLength(0);
    script.newTrigger('onTrackerEdit').forSpreadsheet('ss-1').onEdit().create();
    expect(script.getProjectTriggers().map((t) => t.record.installedBy)).toEqual(['tl2@example.com']);
    // Both still fire: the harness sees every user's trigger for the event.
    expect(script.triggersFor('ON_EDIT', 'ss-1').map((r) => r.installedBy)).toEqual([
      'tl1@example.com',
      'tl2@example.com',
    ]);
  });

  test('nobody can delete another user’s trigger', () => {
    const { session, script } = setup();
    const first = script.newTrigger('nightlySweep').timeBased().everyDays(1).create();
    session.actAs('tl2@example.com');
    expect(() => script.deleteTrigger(first)).toThrow(NOT_YOUR_TRIGGER);
    expect(script.list()).toHaveLength(1);
    session.actAs('tl1@example.com');
    script.deleteTrigger(first);
    expect(script.list()).toHaveLength(0);
  });

  test('the 20-trigger limit counts per user', () => {
    const { session, script } = setup();
    for (let i = 0; i < 20; i++) script.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => script.newTrigger('more').timeBased().everyHours(1).create()).toThrow(TOO_MANY_TRIGGERS);
    session.actAs('tl2@example.com');
    script.newTrigger('more').timeBased().everyHours(1).create();
    expect(script.list()).toHaveLength(21);
  });

  test('a handler runs as the trigger’s creator, whoever caused the event', () => {
    const ws = new Workspace({ user: 'tl1@example.com' });
    ws.script.newTrigger('handler').forSpreadsheet(ws.tracker).onEdit().create();
    ws.session.actAs('tl2@example.com'); // tl2 types into the tracker
    const seen: string[] = [];
    const bundle = {
      handler: () => {
        seen.push(ws.session.getEffectiveUser().getEmail());
        ws.mail.sendEmail('ops@example.com', 's', 'b');
      },
    };
    ws.fireInstallable(bundle, 'ON_EDIT', ws.tracker.getId(), { range: null });
    expect(seen).toEqual(['tl1@example.com']);
    expect(ws.session.getEffectiveUser().getEmail()).toBe('tl2@example.com'); // restored afterwards
    expect(ws.triggerFailures).toEqual([]);
  });

  test('a trigger that throws is recorded as a failure with its owner; the others still run', () => {
    const ws = new Workspace({ user: 'tl1@example.com' });
    ws.script.newTrigger('boom').forSpreadsheet(ws.tracker).onEdit().create();
    ws.script.newTrigger('fine').forSpreadsheet(ws.tracker).onEdit().create();
    let ran = 0;
    const bundle = {
      boom: () => {
        throw new Error('bad');
      },
      fine: () => void ran++,
    };
    expect(ws.fireInstallable(bundle, 'ON_EDIT', ws.tracker.getId(), {})).toEqual(['boom', 'fine']);
    expect(ran).toBe(1);
    expect(ws.triggerFailures).toEqual([{ handler: 'boom', user: 'tl1@example.com', message: 'bad' }]);
  });
});
