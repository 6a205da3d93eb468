/**
 * The `ESP Licensing` menu. Each item names a global function exported by src/entry.ts; a bundle test
 * checks every one exists in the built file, so a menu item can never point at nothing.
 */
export const MENU_TITLE = 'ESP Licensing';

export type MenuEntry = { caption: string; functionName: string } | 'separator';

export const MENU_ITEMS: readonly MenuEntry[] = [
  { caption: 'Set up workbook', functionName: 'menuSetupWorkbook' },
  { caption: 'Check settings', functionName: 'menuCheckSettings' },
  { caption: 'Validate all Name - Date - Note entries', functionName: 'menuValidateNotes' },
  'separator',
  { caption: 'Create / update progress report', functionName: 'menuCreateProgressReport' },
  { caption: 'Send G2T invitation', functionName: 'menuSendInvitation' },
  { caption: 'Sync progress now', functionName: 'menuSyncProgress' },
  'separator',
  { caption: 'Take attendance (hands check)…', functionName: 'menuAttendanceSidebar' },
  { caption: 'Cohort status…', functionName: 'menuCohortStatus' },
  { caption: 'End-of-day checklist', functionName: 'menuChecklistSidebar' },
  { caption: 'Refresh dashboard', functionName: 'menuRefreshDashboard' },
  { caption: 'Generate CAP document…', functionName: 'menuGenerateCapDocument' },
  { caption: 'Confirm Final CAP issued…', functionName: 'menuConfirmFinalCapIssued' },
  { caption: 'Coaching & exams…', functionName: 'menuCoaching' },
  'separator',
  { caption: 'Run nightly sweep now', functionName: 'menuRunNightlySweep' },
  { caption: 'Run CAP check now', functionName: 'menuRunCapCheck' },
  'separator',
  { caption: 'Install triggers', functionName: 'installTriggers' },
  { caption: 'Remove triggers', functionName: 'removeTriggers' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}
