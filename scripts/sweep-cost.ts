// Focused: one sweep's calls per Service.method at the sizes in SWEEP_SIZES (default 10,500).
import { join, resolve } from 'node:path';
import { loadBundle, Workspace } from '../workspace/workspace';
import type { EntryBundle } from '../test/helpers/bundle';
import { cohortSettings, writeRoster } from '../test/helpers/workbook';

const root = join(__dirname, '..');
const buildDir = resolve(root, process.env.ESP_BUILD_DIR ?? 'build');
const SIZES = (process.env.SWEEP_SIZES ?? '10,500').split(',').filter(Boolean).map(Number);
for (const n of SIZES) {
  const ws = new Workspace({ now: new Date('2026-12-01T19:00:00Z'), mailQuota: 1_000_000 });
  const bundle = loadBundle(ws, buildDir) as unknown as EntryBundle;
  bundle.menuSetupWorkbook();
  cohortSettings(ws, { 'Dry Run': true });
  writeRoster(ws, n);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  ws.clock.set(new Date('2026-12-04T00:10:00Z'));
  for (const [name, run] of [
    ['sync', () => bundle.menuSyncProgress()],
    ['sweep', () => bundle.nightlySweep()],
    ['sweep again', () => bundle.nightlySweep()],
  ] as const) {
    ws.meter.reset();
    run();
    console.log(`${name} @${n}: ${ws.meter.total()}`, JSON.stringify(ws.meter.snapshot()));
  }
  ws.clock.set(new Date('2026-12-08T19:05:00Z'));
  ws.meter.reset();
  bundle.capCheck();
  console.log(`cap @${n}: ${ws.meter.total()}`, JSON.stringify(ws.meter.snapshot()));
}
if (process.env.TRACE) {
  const ws = new Workspace({ now: new Date('2026-12-01T19:00:00Z'), mailQuota: 1_000_000 });
  const bundle = loadBundle(ws, buildDir) as unknown as EntryBundle;
  bundle.menuSetupWorkbook();
  cohortSettings(ws, { 'Dry Run': true });
  writeRoster(ws, 10);
  bundle.menuSetupWorkbook();
  bundle.menuCreateProgressReport();
  ws.clock.set(new Date('2026-12-04T00:10:00Z'));
  const meter = ws.meter as unknown as { call: (...a: unknown[]) => unknown };
  const orig = meter.call.bind(meter);
  meter.call = (...a: unknown[]) => {
    const fns = (new Error().stack ?? '')
      .split('\n')
      .slice(2)
      .map((l) => /at (?:Object\.)?([\w.$]+) \(/.exec(l)?.[1] ?? '')
      .filter((f) => f && !/^(Fake|Meter|Workspace|call|Ctx)/.test(f))
      .slice(0, 5);
    console.log(`${a[0]}.${a[1]}  <- ${fns.join(' < ')}`);
    return orig(...a);
  };
  bundle.nightlySweep();
}
