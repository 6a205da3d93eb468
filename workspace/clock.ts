/**
 * The workspace's controllable clock. The bundle asks for "now" through `src/gas/clock.ts`, which
 * reads the `EspLocalClock` global when the in-memory workspace provides one (real Apps Script has
 * none, so production uses the real time).
 */
export class FakeClock {
  private ms: number;

  constructor(start: Date = new Date('2026-01-08T15:00:00Z')) {
    this.ms = start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  set(date: Date): void {
    this.ms = date.getTime();
  }

  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }

  advanceHours(hours: number): void {
    this.advanceMinutes(hours * 60);
  }
}
