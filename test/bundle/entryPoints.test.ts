import { MENU_ITEMS } from '../../src/gas/menu';
import * as entry from '../../src/entry';
import { builtSource, bundledWorkspace, topLevelFunctions } from '../helpers/bundle';

/** The entry points SPEC.md names, plus every menu item's function. */
const SPEC_ENTRY_POINTS = [
  'onOpen',
  'onEdit',
  'onTrackerEdit',
  'onReportEdit',
  'onCompletionFormSubmit',
  'nightlySweep',
  'capCheck',
  'installTriggers',
  'removeTriggers',
];
const MENU_FUNCTIONS = MENU_ITEMS.flatMap((item) => (item === 'separator' ? [] : [item.functionName]));

describe('the built bundle (build/Code.js)', () => {
  it('declares a top-level function for every SPEC entry point and menu item', () => {
    const globals = topLevelFunctions();
    for (const name of [...SPEC_ENTRY_POINTS, ...MENU_FUNCTIONS]) expect(globals).toContain(name);
  });

  it('declares exactly the functions src/entry.ts exports, each callable once loaded', () => {
    const exported = Object.keys(entry).sort();
    expect(topLevelFunctions().sort()).toEqual(exported);
    const { bundle } = bundledWorkspace();
    for (const name of exported) expect(typeof bundle[name]).toBe('function');
  });

  it('has no ES module syntax that would break clasp push', () => {
    expect(builtSource()).not.toMatch(/^\s*(export|import)\s/m);
  });
});
