/**
 * The attendance rule on the installed fakes (src/usecases/attendanceRule.ts, handsCheck.ts, attendanceView.ts):
 * which checks count as recorded when some agents are excused, who documents an excuse, and the sidebar's
 * view of returned and excused agents.
 */
import { SHEET, TRACKER } from '../../src/domain/contract';
import { syncAttendanceRoster } from '../../src/usecases/attendanceRoster';
import { applyAttendanceRule, RETURNED_CODE } from '../../src/usecases/attendanceRule';
import { attendanceSidebarView } from '../../src/usecases/attendanceView';
import { readConfig } from '../../src/gas/config';
import { saveHandsCheck } from '../../src/usecases/handsCheck';
import { parseNoteCell } from '../../src/domain/nameDateNote';
import { SheetTable } from '../../src/gas/sheetTable';
import type { Workspace } from '../../workspace/workspace';
import { cohortSettings, setUpWorkspace } from '../helpers/workbook';

const at = (iso: string) => new Date(iso);
const B1 = at('2026-12-03T17:00:00Z'); // D1 Before Break 1, 10:00 Denver
const A1 = at('2026-12-03T17:15:00Z');
const BL = at('2026-12-03T19:00:00Z');

function workspace(agents: number): Workspace {
  const ws = setUpWorkspace(agents, B1);
  cohortSettings(ws);
  syncAttendanceRoster(ws.tracker);
  ws.mail.clearOutbox();
  return ws;
}

function save(
  ws: Workspace,
  when: Date,
  header: string,
  present: string[],
  excused: { oid: string; reason: string }[] = [],
) {
  ws.clock.set(when);
  return saveHandsCheck(
    ws.tracker,
    readConfig(ws.tracker),
    header,
    present,
    undefined,
    excused,
    'tl1@example.com',
  );
}

function note(ws: Workspace, agent: number): string {
  const t = SheetTable.open(ws.tracker, SHEET.tracker);
  return t.text(agent, TRACKER.attendanceNote);
}

describe('applyAttendanceRule with excuses', () => {
  it('a check where the only entries are excuses still counts as recorded (nobody else was due)', () => {
    const ws = workspace(2);
    save(
      ws,
      B1,
      'D1 Before Break 1',
      [],
      [
        { oid: 'OID1000', reason: 'HR approved' },
        { oid: 'OID1001', reason: 'HR approved' },
      ],
    );
    const outcome = applyAttendanceRule(ws.tracker, readConfig(ws.tracker), B1);
    expect(outcome.lastTaken).toBe('D1 Before Break 1');
    expect(outcome.atOneMiss).toEqual([]);
  });

  it("documents the excuse with the saving TL's name from the tracker", () => {
    const ws = workspace(3);
    save(ws, B1, 'D1 Before Break 1', ['OID1001'], [{ oid: 'OID1000', reason: '  HR approved:\n dentist ' }]);
    expect(note(ws, 0)).toBe('TL 1 - 12/3/2026 - Excused D1 Before Break 1: HR approved: dentist');
    // Saving the same excuse again adds nothing.
    save(ws, B1, 'D1 Before Break 1', ['OID1001'], [{ oid: 'OID1000', reason: 'HR approved: dentist' }]);
    expect(note(ws, 0).split('\n')).toHaveLength(1);
  });

  it('keeps what a TL already wrote in Attendance Note; a user who leads nobody signs with their email', () => {
    const ws = workspace(1);
    const t = SheetTable.open(ws.tracker, SHEET.tracker);
    t.setText(0, TRACKER.attendanceNote, 'Jo Lead - 12/2/2026 - Camera issue');
    t.flush();
    save(ws, B1, 'D1 Before Break 1', [], [{ oid: 'OID1000', reason: 'HR approved' }]);
    expect(note(ws, 0).split('\n')).toEqual([
      'Jo Lead - 12/2/2026 - Camera issue',
      'tl1@example.com - 12/3/2026 - Excused D1 Before Break 1: HR approved',
    ]);
    expect(parseNoteCell(note(ws, 0), '2026-12-03').ok).toBe(true);
  });
});

describe('the attendance sidebar view', () => {
  it('shows present / absent / excused per check, MIA now, and returned with the check', () => {
    const ws = workspace(3);
    save(ws, B1, 'D1 Before Break 1', ['OID1000'], [{ oid: 'OID1001', reason: 'HR approved' }]);
    save(ws, A1, 'D1 After Break 1', ['OID1000', 'OID1001']);
    let view = attendanceSidebarView(ws.tracker, readConfig(ws.tracker), 'all', '', 'D1 Before Break 1');
    expect(view.agents.map((a) => [a.oid, a.state, a.excuseReason])).toEqual([
      ['OID1000', 'present', ''],
      ['OID1001', 'excused', 'HR approved'],
      ['OID1002', 'absent', ''],
    ]);
    view = attendanceSidebarView(ws.tracker, readConfig(ws.tracker), 'all', '', 'D1 After Break 1');
    expect(view.agents[2]).toMatchObject({ mia: true, returnedAt: '' });
    save(ws, BL, 'D1 Before Lunch', ['OID1000', 'OID1001', 'OID1002']);
    view = attendanceSidebarView(ws.tracker, readConfig(ws.tracker), 'all', '', 'D1 Before Lunch');
    expect(view.agents[2]).toMatchObject({ mia: false, returnedAt: 'D1 Before Lunch', state: 'present' });
    const t = SheetTable.open(ws.tracker, SHEET.tracker);
    expect(t.text(2, TRACKER.attendance)).toBe(RETURNED_CODE);
  });
});
