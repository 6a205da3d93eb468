/**
 * Compile-time proof that `SheetTable` is typed by the contract (RULES R2): a table accepts only its own
 * sheet's headers. Typechecked by workspace/tsconfig.json (`npm run typecheck`): each `@ts-expect-error`
 * line must be an error, or the typecheck fails. sheetTableTypes.test.ts compiles this file again with the
 * directives removed and checks each line gives the error it names. Never run, only compiled.
 */
import { COACHING_LOG, PROGRESS_REPORT, SHEET, TRACKER, WORKBOOK } from '../../src/domain/contract';
import { type Sheet, SheetTable, type Spreadsheet } from '../../src/gas/sheetTable';

export function trackerTable(ss: Spreadsheet): void {
  const tracker = SheetTable.of(ss, WORKBOOK.tracker, [TRACKER.oid]);
  tracker.text(0, TRACKER.oid);
  tracker.set(0, TRACKER.capLevel, 'Written CAP');
  // @ts-expect-error a misspelt header
  tracker.text(0, 'OlD');
  // @ts-expect-error a header of another sheet (the Coaching Log's)
  tracker.value(0, COACHING_LOG.policy);
  // @ts-expect-error a misspelt required header
  SheetTable.of(ss, WORKBOOK.tracker, ['Agent name ']);
  // @ts-expect-error a misspelt column in an appended row
  tracker.append({ [TRACKER.oid]: 'o1', 'Agent Nmae': 'Ana' });
}

export function generatedHeaders(ss: Spreadsheet, progressSheet: Sheet): void {
  const attendance = SheetTable.of(ss, WORKBOOK.attendance);
  attendance.value(0, 'D3 After Lunch');
  // @ts-expect-error not a hands check: the Attendance check headers are `D<n> <check>`
  attendance.value(0, 'D3 After Dinner');
  const progress = SheetTable.read(progressSheet, PROGRESS_REPORT.progress);
  progress.value(0, progress.dynamic('AHIP Final'));
  // @ts-expect-error a Schedule item column is named through `dynamic`, the one explicit widening
  progress.value(0, 'AHIP Final');
}

export function tableByName(ss: Spreadsheet): void {
  const log = SheetTable.open(ss, SHEET.coachingLog);
  log.text(0, COACHING_LOG.documentedBy);
  // @ts-expect-error a tracker header on the Coaching Log
  log.text(0, TRACKER.exemption);
}

export function noUntypedTable(sheet: Sheet, table: SheetTable): void {
  // @ts-expect-error there is no untyped read: every read names its sheet's contract
  SheetTable.read(sheet, [TRACKER.oid]);
  // @ts-expect-error a table typed by no contract accepts no header at all
  table.text(0, TRACKER.oid);
}
