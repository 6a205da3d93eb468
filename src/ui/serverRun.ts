/**
 * The pages' one way to call the server: `run('saveAttendance', header, present, shown, excused)`.
 *
 * The name is a key of the pages' entry module (src/entries/pages.ts), checked by the compiler, and the
 * result is that function's return type: the DTOs (AttendanceSidebarView, CohortStatus, AttendanceSaved…)
 * come from the server modules as TYPES only. `typeof import(…)` is erased, so no server code is ever
 * bundled into a page (scripts/build.mjs refuses a page whose bundle reads anything outside src/ui/).
 */
export type Server = typeof import('../entries/pages');
export type ServerName = keyof Server;

/** One method per server function: `google.script.run.name(...args)` (the result goes to the handlers). */
type Calls = { [K in ServerName]: (...args: Parameters<Server[K]>) => void };

/**
 * What `google.script.run` offers a page (developers.google.com/apps-script/guides/html/reference/run):
 * each method returns google.script.run; withFailureHandler: "An Error object is passed to the function
 * as the first argument".
 */
interface Runner extends Calls {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
}

/** Given by HtmlService to every page. */
declare const google: { script: { run: Runner } };

/**
 * Calls server function `name` with `args` through `google.script.run`; resolves with its result, or
 * rejects with the server's error (or google.script.run's own, e.g. a Date in an argument).
 */
export function run<K extends ServerName>(
  name: K,
  ...args: Parameters<Server[K]>
): Promise<ReturnType<Server[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<Server[K]>))
      .withFailureHandler(reject);
    const calls: Calls = runner;
    calls[name](...args);
  });
}

/** The text of a failure, whatever was thrown. */
export function failureText(error: unknown): string {
  return (error instanceof Error && error.message) || String(error);
}

/** The element with `id`; a page missing one of its own elements is a build defect, said plainly. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`This page has no element #${id}.`);
  return found as T;
}
