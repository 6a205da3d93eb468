/**
 * Compile-time proof that tests call the built bundle's entry points by their real names: `EntryBundle`
 * (test/helpers/bundle.ts) types each from src/entry.ts, and any other name is `unknown`, not callable.
 * Typechecked by workspace/tsconfig.json (`npm run typecheck`); never run.
 */
import type { EntryBundle } from '../helpers/bundle';

export function entryPoints(bundle: EntryBundle): void {
  const message: string = bundle.menuSetupWorkbook();
  void message;
  // @ts-expect-error a misspelt (or renamed) entry point
  bundle.menuSetupWorkbok();
  // @ts-expect-error a menu entry point's result is its message, not a number
  const count: number = bundle.menuSetupWorkbook();
  void count;
}
