/** The Alert Log (src/gas/alertLog.ts): dedupe memory and cell-sized rows. */
import { SHEET } from '../../src/domain/contract';
import { AlertLog, clip, MAX_CELL_CHARS } from '../../src/gas/alertLog';
import { setUpWorkspace } from '../helpers/workbook';

describe('AlertLog', () => {
  test('sent counts for good; a Dry Run preview counts only while Dry Run is on; deferred/failed do not', () => {
    const ws = setUpWorkspace(0);
    const log = AlertLog.open(ws.tracker);
    const at = new Date('2026-12-03T16:00:00Z');
    const entry = (key: string) => ({ kind: 'k', to: ['a@example.com'], subject: 's', dedupeKey: key });
    log.record(entry('a'), 'sent', at);
    log.record(entry('a'), 'failed', at, 'later failure does not undo a send');
    log.record(entry('b'), 'dry-run', at);
    log.record(entry('c'), 'deferred', at);
    log.record(entry('d'), 'failed', at);
    log.flush();
    const again = AlertLog.open(ws.tracker);
    expect(again.isDone('a', false)).toBe(true);
    expect(again.isDone('b', false)).toBe(false);
    expect(again.isDone('b', true)).toBe(true);
    expect(again.isDone('c', false)).toBe(false);
    expect(again.isDone('d', false)).toBe(false);
    expect(ws.tracker.sheet(SHEET.alertLog).getLastRow()).toBe(6);
  });

  test('a row never holds more than a cell can: long agent lists are clipped and say so', () => {
    const ws = setUpWorkspace(0);
    const log = AlertLog.open(ws.tracker);
    const agents = Array.from({ length: 5000 }, (_, i) => `Agent number ${i}`);
    log.record(
      { kind: 'tl-digest', to: ['tl@example.com'], subject: 'Digest', agents, dedupeKey: 'x' },
      'sent',
      new Date(),
    );
    log.flush();
    const cells = ws.tracker.sheet(SHEET.alertLog).getDataRange().getValues()[1].map(String);
    for (const cell of cells) expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cells.some((c) => /more characters\)$/.test(c))).toBe(true);
    expect(clip('short')).toBe('short');
  });
});
