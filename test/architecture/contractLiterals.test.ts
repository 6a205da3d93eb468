/**
 * Every sheet name and header is declared once, in src/domain/contract.ts (docs/RULES.md R2), so a rename
 * is one edit. This scanner finds the same strings typed as literals anywhere else in src/ — exact matches
 * of the names and headers of every sheet the contract module exports (each `defineSheet` declaration,
 * found by its shape, plus the derived `SHEET`, `TRACKER`, `*_SHEET`, `*_HEADERS` lists), read from the
 * module itself. The bar is 0 in every folder; the test log lists any, by file and line.
 */
import * as contract from '../../src/domain/contract';
import { type Finding, literalsNamed, report, tsFiles } from './sourceScan';

const CONTRACT_FILE = 'src/domain/contract.ts';

function isSheetContract(value: unknown): value is contract.AnySheet {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<contract.AnySheet>;
  return (
    typeof v.name === 'string' && Array.isArray(v.columns) && !!v.headers && typeof v.headers === 'object'
  );
}

/** Every SheetContract among the contract's exports, also inside an exported group (`WORKBOOK.tracker`). */
export function declaredSheets(): contract.AnySheet[] {
  const sheets: contract.AnySheet[] = [];
  for (const value of Object.values(contract)) {
    if (isSheetContract(value)) sheets.push(value);
    else if (value && typeof value === 'object' && !Array.isArray(value))
      sheets.push(...Object.values(value).filter(isSheetContract));
  }
  return sheets;
}

/** The strings contract.ts declares as sheet names or headers. */
function contractNames(): Set<string> {
  const names = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') names.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const sheet of declaredSheets()) {
    names.add(sheet.name);
    collect(sheet.columns);
  }
  collect(contract.attendanceCheckHeaders());
  for (const [name, value] of Object.entries(contract)) {
    if (/SHEET|HEADERS/.test(name) || name === 'TRACKER') collect(value);
  }
  return names;
}

describe('sheet names and headers live in src/domain/contract.ts only', () => {
  const names = contractNames();

  it('finds every declared sheet, of the workbook and of the progress report', () => {
    expect(declaredSheets().map((s) => s.name)).toEqual(
      expect.arrayContaining([
        ...Object.values(contract.WORKBOOK).map((s) => s.name),
        ...Object.values(contract.PROGRESS_REPORT).map((s) => s.name),
      ]),
    );
    expect(declaredSheets().map((s) => s.name)).toEqual(
      expect.arrayContaining(['Pace', 'Tick Log', 'Mail Outbox', 'Mail Queue', 'Progress', 'Dashboard']),
    );
  });

  it('reads the names from the contract module itself (every sheet, its headers, the attendance checks)', () => {
    for (const sample of [
      contract.SHEET.tracker,
      contract.SHEET.alertLog,
      contract.TRACKER.oid,
      contract.WORKBOOK.alertLog.headers.dedupeKey,
      contract.WORKBOOK.coachingLog.headers.documentedBy,
      contract.WORKBOOK.pace.headers.finishBasedOn,
      contract.WORKBOOK.mailOutbox.headers.outboxKey,
      contract.WORKBOOK.mailQueue.headers.htmlBody,
      contract.PROGRESS_REPORT.tickLog.headers.checked,
      contract.PROGRESS_REPORT.progress.headers.blockers,
      contract.PROGRESS_REPORT.progress.name,
      contract.attendanceCheckHeaders()[0],
    ])
      expect(names.has(sample)).toBe(true);
    expect(names.has(contract.STATUS_VALUES[0])).toBe(false);
  });

  it('finds header literals where they are typed (the scanner can fail): the contract itself is full of them', () => {
    expect(literalsNamed([CONTRACT_FILE], names).length).toBeGreaterThan(names.size / 2);
  });

  it('no file of src/ outside the contract types a header or sheet name as a literal', () => {
    const found: Finding[] = literalsNamed(
      tsFiles().filter((file) => file !== CONTRACT_FILE),
      names,
    );
    const byFolder: Record<string, number> = {};
    for (const f of found) {
      const folder = f.file.split('/').slice(0, -1).slice(0, 2).join('/');
      byFolder[folder] = (byFolder[folder] ?? 0) + 1;
    }
    console.log(
      `Header/sheet-name literals outside ${CONTRACT_FILE}: ${found.length} ${JSON.stringify(byFolder)}\n` +
        report(found),
    );
    expect(report(found)).toBe('');
  });
});
