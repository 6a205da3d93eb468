/**
 * Global entry points. Every function exported here becomes a top-level `function` in build/Code.js
 * (scripts/build.mjs reads this module's export list), which is all Apps Script can call. One file per
 * kind, a few lines each that hand over to src/gas: menu items, triggers, and the pages'
 * `google.script.run` calls. Only functions may be exported.
 */
export * from './entries/menu';
export * from './entries/triggers';
export * from './entries/pages';
