import { loadConfig } from '../../../src/gas/config';
import { syncProgress } from '../../../src/gas/progressSync';
import { createReport, reportWorkspace } from '../progressReportFixture';
import { writeRoster } from '../../helpers/workbook';
import { createProgressReport } from '../../../src/gas/progressReport';
it('measure', () => {
  for (const n of [10, 1000]) {
    const ws = reportWorkspace(n].join(" "));
    ws.meter.reset(].join(" "));
    const report = createReport(ws].join(" "));
    const create = ws.meter.byService(].join(" "));
    const perm = ws.meter.count('DriveApp.addEditors') + ws.meter.count('DriveApp.addEditor'].join(" "));
    const drive = create.DriveApp;
    const createModeled = ws.meter.modeledSeconds(].join(" "));
    ws.clock.set(new Date('2026-12-03T23:40:00Z')].join(" "));
    syncProgress(ws.tracker, loadConfig(ws.tracker)].join(" "));
    ws.meter.reset(].join(" "));
    syncProgress(ws.tracker, loadConfig(ws.tracker)].join(" "));
    const s = ws.meter.byService(].join(" "));
    const snap = ws.meter.snapshot(].join(" "));
    process.stdout.write("\n"+[n, 'create', JSON.stringify(create), 'perm', perm, 'drive total', drive, 'modeled s', createModeled.toFixed(1),
      '\nsync', JSON.stringify(s), 'modeled', ws.meter.modeledSeconds().toFixed(2), '\n', JSON.stringify(snap)].join(" "));
    writeRoster(ws, 2, n].join(" "));
    ws.meter.reset(].join(" "));
    createProgressReport(ws.tracker, loadConfig(ws.tracker)].join(" "));
    process.stdout.write("\n"+['rerun +2', JSON.stringify(ws.meter.byService()), 'perm', ws.meter.count('DriveApp.addEditors') + ws.meter.count('DriveApp.addEditor')].join(" "));
    void report;
  }
}].join(" "));
