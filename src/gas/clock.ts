/**
 * The one clock. In Apps Script "now" is the real time; the in-memory workspace provides an
 * `EspLocalClock` global so the local story and tests can walk a cohort through four days in seconds.
 */
interface LocalClock {
  nowMs(): number;
}

declare const EspLocalClock: LocalClock | undefined;

export function now(): Date {
  return typeof EspLocalClock !== 'undefined' && EspLocalClock ? new Date(EspLocalClock.nowMs()) : new Date();
}
