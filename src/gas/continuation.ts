/**
 * Staying inside Apps Script's 6-minute execution limit. Long runs measure their own time with a
 * RunBudget, stop at a safe point (work not done is saved — e.g. unsent mail waits in the Mail Outbox)
 * and schedule a one-off continuation trigger, instead of being killed half-way.
 */
import { now } from './clock';

/** Leave a margin for logging and saving state after the budget is hit. */
export const DEFAULT_BUDGET_SECONDS = 270;
export const CONTINUATION_HANDLER = 'continueMail';

export class RunBudget {
  private readonly startMs = now().getTime();

  constructor(private readonly limitSeconds: number = DEFAULT_BUDGET_SECONDS) {}

  elapsedSeconds(): number {
    return (now().getTime() - this.startMs) / 1000;
  }

  exceeded(): boolean {
    return this.elapsedSeconds() >= this.limitSeconds;
  }
}

/** Schedules `handler` to run once in a minute, unless such a trigger is already waiting. */
export function scheduleContinuation(handler: string = CONTINUATION_HANDLER, afterMs = 60_000): boolean {
  const waiting = ScriptApp.getProjectTriggers().some(
    (t) =>
      t.getHandlerFunction() === handler && String(t.getEventType()) === String(ScriptApp.EventType.CLOCK),
  );
  if (waiting) return false;
  ScriptApp.newTrigger(handler).timeBased().after(afterMs).create();
  return true;
}

/** A one-off continuation removes its own trigger first, so a finished chain leaves nothing behind. */
export function clearContinuation(handler: string = CONTINUATION_HANDLER): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === handler) ScriptApp.deleteTrigger(t);
  }
}
