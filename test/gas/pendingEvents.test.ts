/**
 * The queue of events that arrived while the document lock was held (src/gas/pendingEvents.ts): one key
 * per event in document properties, split into chunks so a long form submission fits Google's per-value
 * limit (the fake enforces it), read back whole and in arrival order, forgotten only when processed.
 */
import { forget, PENDING_PREFIX, queueEvent, readQueue, runOrQueue } from '../../src/gas/pendingEvents';
import { setUpWorkspace } from '../helpers/workbook';

describe('pending events queue', () => {
  test('a 30 KB form submission is stored in chunks under the value limit and read back intact', () => {
    const ws = setUpWorkspace();
    const long = 'é'.repeat(15_000); // 30 KB in UTF-8
    queueEvent({
      kind: 'completion',
      responseId: 'r1',
      submittedAt: 1,
      answers: [{ question: 'Comments', answer: long }],
    });
    const keys = [...ws.properties.document.data.keys()].filter((k) => k.startsWith(PENDING_PREFIX));
    expect(keys.length).toBeGreaterThan(3);
    for (const k of keys)
      expect(Buffer.byteLength(ws.properties.document.data.get(k)!, 'utf8')).toBeLessThan(9 * 1024);
    const [q] = readQueue();
    expect(q.event).toEqual({
      kind: 'completion',
      responseId: 'r1',
      submittedAt: 1,
      answers: [{ question: 'Comments', answer: long }],
    });
    forget(q);
    expect(readQueue()).toEqual([]);
    expect(ws.properties.document.data.size).toBe(0);
  });

  test('events come back oldest first; a half-written event is left alone', () => {
    const ws = setUpWorkspace();
    queueEvent({ kind: 'tracker-edit', row: 2, numRows: 1, column: 3, numColumns: 1, at: 1 });
    ws.clock.set(new Date(ws.clock.nowMs() + 1000));
    queueEvent({ kind: 'tracker-edit', row: 3, numRows: 1, column: 3, numColumns: 1, at: 2 });
    ws.properties.document.data.set(`${PENDING_PREFIX}999999999999999.x.0/2`, '{"kind":');
    expect(readQueue().map((q) => (q.event.kind === 'tracker-edit' ? q.event.row : 0))).toEqual([2, 3]);
  });

  test('runOrQueue runs the work under the lock, or queues the event when the lock stays busy', () => {
    const ws = setUpWorkspace();
    const event = { kind: 'tracker-edit' as const, row: 2, numRows: 1, column: 3, numColumns: 1, at: 1 };
    expect(runOrQueue(event, 1000, () => 'ran')).toBe('ran');
    expect(readQueue()).toEqual([]);
    ws.locks.holdExternally('document', 60_000);
    expect(runOrQueue(event, 1000, () => 'ran')).toBeNull();
    expect(readQueue().map((q) => q.event)).toEqual([event]);
  });
});
