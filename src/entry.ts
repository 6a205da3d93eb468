/**
 * Global entry points. Every function exported here becomes a top-level `function` in build/Code.js
 * (scripts/build.mjs reads this module's export list), which is all Apps Script can call: triggers,
 * menu items and `google.script.run`. Each area keeps its entry points in src/entries/, a few lines
 * each that hand over to src/gas. Only functions may be exported.
 */
export * from './entries/workbook';
export * from './entries/report';
export * from './entries/sweep';
export * from './entries/screens';
