/**
 * Installs and removes this project's triggers, idempotently: a trigger that exists is never created
 * twice, and only this project's handlers are touched. The nightly sweep runs daily in the hour after
 * Day End (Apps Script picks the minute); the CAP check hourly; the edit trigger on the tracker; the
 * completion trigger on the Carrier Cert Completion Form itself; the tick stamper on the progress report.
 *
 * Installable triggers belong to the person who creates them: they run as that person (their mail quota
 * sends the alerts), and nobody else can see or delete them (`getProjectTriggers()` lists only the
 * caller's). So the project records who installed them (document properties): a second TL who clicks
 * Install is told who runs them and creates nothing (otherwise every handler would run twice), and
 * Remove says what it removed and which triggers only their owner can remove.
 */
import { parseHhmm } from '../domain/timeZone';
import { COMPLETION_WATERMARK_KEY } from './catchUp';
import { formIdFromSetting } from './completionForm';
import type { Config } from '../gas/config';
import { now } from '../gas/clock';
import { CONTINUATION_HANDLER } from '../gas/continuation';
import { ensureReportTrigger, REPORT_EDIT_HANDLER } from './tickLog';
import { openForm } from '../gas/open';

export const HANDLERS = {
  sweep: 'nightlySweep',
  cap: 'capCheck',
  trackerEdit: 'onTrackerEdit',
  formSubmit: 'onCompletionFormSubmit',
} as const;

/** Document property: who installed the project's triggers, and when (JSON `{ email, at }`). */
export const TRIGGER_OWNER_KEY = 'esp.triggers.owner';

/** Document property: when each user's hourly capCheck trigger last ran (JSON `{ email: ms }`). */
export const HEARTBEAT_KEY = 'esp.triggers.heartbeat';
/** capCheck runs hourly: three silent hours mean the recorded owner's triggers no longer run. */
const DEAD_AFTER_MS = 3 * 3_600_000;

const OURS = new Set<string>([...Object.values(HANDLERS), REPORT_EDIT_HANDLER, CONTINUATION_HANDLER]);

export interface TriggerOwner {
  email: string;
  at: string;
}

export function triggerOwner(): TriggerOwner | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(TRIGGER_OWNER_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<TriggerOwner>;
    return parsed.email ? { email: parsed.email, at: parsed.at ?? '' } : null;
  } catch {
    return null;
  }
}

function heartbeats(): Record<string, number> {
  const raw = PropertiesService.getDocumentProperties().getProperty(HEARTBEAT_KEY);
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * Called by the hourly capCheck when a time trigger runs it (never from the menu): proof that its
 * creator's triggers still run. One timestamp per user, so nobody's run overwrites another's.
 */
export function recordHeartbeat(): void {
  const user = me().toLowerCase();
  if (!user) return;
  PropertiesService.getDocumentProperties().setProperty(
    HEARTBEAT_KEY,
    JSON.stringify({ ...heartbeats(), [user]: now().getTime() }),
  );
}

/** True when the recorded owner's hourly trigger ran (or they installed) within the last three hours. */
function ownersTriggersAlive(owner: TriggerOwner): boolean {
  const beat = heartbeats()[owner.email.toLowerCase()];
  const last = Math.max(Number(beat) || 0, Date.parse(owner.at) || 0);
  return now().getTime() - last < DEAD_AFTER_MS;
}

function me(): string {
  return Session.getEffectiveUser().getEmail();
}

export interface InstallOutcome {
  /** What was created or changed now. */
  installed: string[];
  /** Problems the TL must fix (a setting), each naming the setting and value. */
  problems: string[];
  /** Set when another person's triggers run this tracker: nothing was created. */
  ownedBy: TriggerOwner | null;
  /** Set when the recorded owner's triggers had stopped running and this user took over. */
  tookOverFrom: TriggerOwner | null;
}

function describeOwner(owner: TriggerOwner): string {
  return `${owner.email}${owner.at ? ` (installed ${owner.at.slice(0, 10)})` : ''}`;
}

export function installTriggers(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: Config,
): InstallOutcome {
  const outcome: InstallOutcome = { installed: [], problems: [], ownedBy: null, tookOverFrom: null };
  const user = me();
  const owner = triggerOwner();
  const mine = ScriptApp.getProjectTriggers().filter((t) => OURS.has(t.getHandlerFunction()));
  if (owner && user && owner.email.toLowerCase() !== user.toLowerCase()) {
    if (ownersTriggersAlive(owner)) {
      outcome.ownedBy = owner;
      return outcome;
    }
    outcome.tookOverFrom = owner;
  }
  const find = (handler: string, sourceId?: string) =>
    mine.find(
      (t) =>
        t.getHandlerFunction() === handler && (sourceId === undefined || t.getTriggerSourceId() === sourceId),
    );
  const endHour = Math.floor((parseHhmm(config.settings.dayEnd) ?? 16 * 60) / 60);
  if (!find(HANDLERS.sweep)) {
    ScriptApp.newTrigger(HANDLERS.sweep)
      .timeBased()
      .everyDays(1)
      .atHour(Math.min(endHour + 1, 23))
      .inTimezone(config.zone.id)
      .create();
    outcome.installed.push(
      `Nightly sweep: daily between ${Math.min(endHour + 1, 23)}:00 and ${Math.min(endHour + 2, 24)}:00 (${config.zone.id}).`,
    );
  }
  if (!find(HANDLERS.cap)) {
    ScriptApp.newTrigger(HANDLERS.cap).timeBased().everyHours(1).create();
    outcome.installed.push(
      'CAP check: every hour (it also sends anything queued while the tracker was busy).',
    );
  }
  if (!find(HANDLERS.trackerEdit, ss.getId())) {
    ScriptApp.newTrigger(HANDLERS.trackerEdit).forSpreadsheet(ss).onEdit().create();
    outcome.installed.push('Immediate alerts: on every tracker edit.');
  }
  installCompletionTrigger(ss, config, mine, outcome);
  if (config.settings.progressReportId && ensureReportTrigger(config.settings.progressReportId)) {
    outcome.installed.push('Tick stamping: on every progress report edit.');
  }
  if (user) {
    PropertiesService.getDocumentProperties().setProperty(
      TRIGGER_OWNER_KEY,
      JSON.stringify({ email: user, at: now().toISOString() }),
    );
  }
  return outcome;
}

/**
 * The completion trigger goes on the form itself: the team's form writes its responses to a spreadsheet
 * of its own, and a spreadsheet form-submit trigger fires only for forms that write to that spreadsheet.
 */
function installCompletionTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  config: Config,
  mine: GoogleAppsScript.Script.Trigger[],
  outcome: InstallOutcome,
): void {
  const form = formIdFromSetting(config.settings.completionFormUrl ?? '');
  if ('problem' in form) {
    outcome.problems.push(`Completion form: not connected. ${form.problem}`);
    return;
  }
  let title: string;
  try {
    title = openForm(form.id).getTitle();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outcome.problems.push(
      `Completion form: not connected. Settings › Completion Form URL is "${config.settings.completionFormUrl}", but form ${form.id} cannot be opened (${reason}). Check the link and that you can edit the form.`,
    );
    return;
  }
  let present = false;
  for (const t of mine) {
    if (t.getHandlerFunction() !== HANDLERS.formSubmit) continue;
    if (!present && t.getTriggerSourceId() === form.id) {
      present = true;
      continue;
    }
    // A trigger on the tracker (it never hears the team's form) or on a form no longer configured.
    ScriptApp.deleteTrigger(t);
    outcome.installed.push(
      `Completion form: removed the old trigger on ${t.getTriggerSourceId() === ss.getId() ? 'the tracker' : `form ${t.getTriggerSourceId()}`}.`,
    );
  }
  if (present) return;
  ScriptApp.newTrigger(HANDLERS.formSubmit).forForm(form.id).onFormSubmit().create();
  // The sweep's safety net re-reads this form's responses from now on (never older ones).
  PropertiesService.getDocumentProperties().setProperty(COMPLETION_WATERMARK_KEY, String(now().getTime()));
  outcome.installed.push(`Completion form: on every submission of "${title}".`);
}

export interface RemoveOutcome {
  removed: string[];
  /** Someone else's triggers, which only they can remove. */
  notYours: TriggerOwner | null;
}

export function removeTriggers(): RemoveOutcome {
  const removed: string[] = [];
  for (const t of ScriptApp.getProjectTriggers()) {
    const handler = t.getHandlerFunction();
    if (!OURS.has(handler)) continue;
    ScriptApp.deleteTrigger(t);
    removed.push(handler);
  }
  const owner = triggerOwner();
  const user = me();
  if (owner && user && owner.email.toLowerCase() !== user.toLowerCase()) return { removed, notYours: owner };
  PropertiesService.getDocumentProperties().deleteProperty(TRIGGER_OWNER_KEY);
  return { removed, notYours: null };
}

export function describeInstall(outcome: InstallOutcome): string {
  if (outcome.ownedBy) {
    const who = describeOwner(outcome.ownedBy);
    return (
      `This tracker's triggers are already installed by ${who}. They run as ${outcome.ownedBy.email}, ` +
      `whose mail quota sends the alerts. Nothing was installed: a second set would run every handler twice.\n` +
      `To take them over, ${outcome.ownedBy.email} clicks ESP Licensing › Remove triggers, then you click Install triggers. ` +
      `(If their triggers stop running — e.g. they leave — Install works for you after 3 hours without an hourly check.)`
    );
  }
  const lines: string[] = [];
  if (outcome.tookOverFrom) {
    lines.push(
      `The triggers installed by ${describeOwner(outcome.tookOverFrom)} have not run for over 3 hours, so you now run them. ` +
        `If ${outcome.tookOverFrom.email} still has any, they should click ESP Licensing › Remove triggers.`,
    );
  }
  lines.push(
    outcome.installed.length
      ? `Installed (they run as you, and your mail quota sends the alerts):\n• ${outcome.installed.join('\n• ')}`
      : 'Every trigger was already installed: nothing changed.',
  );
  if (outcome.problems.length) lines.push(`Needs attention:\n• ${outcome.problems.join('\n• ')}`);
  return lines.join('\n\n');
}

export function describeRemove(outcome: RemoveOutcome): string {
  const lines: string[] = [];
  lines.push(
    outcome.removed.length
      ? `Removed ${outcome.removed.length} trigger(s) of yours: ${outcome.removed.join(', ')}.`
      : 'You have no triggers of this project: nothing was removed.',
  );
  if (outcome.notYours) {
    lines.push(
      `Not removed: the triggers installed by ${describeOwner(outcome.notYours)} keep running. Apps Script ` +
        `lets only their owner see or delete them: ask ${outcome.notYours.email} to click ESP Licensing › Remove triggers.`,
    );
  }
  return lines.join('\n');
}
