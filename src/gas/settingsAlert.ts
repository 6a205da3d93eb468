/**
 * Tells the licensing team, at most once a day, that Settings or Schedule hold values the tracker cannot
 * use (RULES R10). Called by `loadConfig` at the start of every run (every writing entry point
 * calls it under the document lock; read-only views should call `readConfig`, which never sends).
 * Through the Mailer: logged in the Alert Log, deduped by `settings-problems|<day>`, previewed in Dry Run
 * like every other email. Costs nothing when there is no issue; once the day's email is handed to the
 * Mailer (sent, previewed or waiting in its outbox), a document property remembers the day so later runs
 * that day cost one Properties read instead of a Mailer pass.
 */
import { dedupeKey } from '../domain/alerts';
import type { SettingIssue, Settings } from '../domain/settings';
import type { Zone } from '../domain/timeZone';
import { now } from './clock';
import { composed } from './mailRecipes';
import { Mailer } from './mailer';
import type { Spreadsheet } from './sheetTable';

export const SETTINGS_ALERT_KIND = 'settings-problems';
/** Document property: the dedupe key of the last settings email handed to the Mailer. */
const DONE_PROPERTY = 'settingsAlertDone';

/** The day's dedupe key: the spreadsheet's own zone, which is usable even when Time Zone is not. */
/** What the settings email needs of a run's config (the config module calls this: no import back). */
export interface SettingsAlertInput {
  issues: readonly SettingIssue[];
  settings: Settings;
  spreadsheetZone: Zone;
}

export function settingsAlertKey(config: Pick<SettingsAlertInput, 'spreadsheetZone'>): string {
  return dedupeKey(SETTINGS_ALERT_KIND, config.spreadsheetZone.ymd(now()));
}

/** Queues and sends the day's settings email when there are issues; returns true when one was queued. */
export function reportSettingIssues(ss: Spreadsheet, config: SettingsAlertInput): boolean {
  if (config.issues.length === 0) return false;
  const key = settingsAlertKey(config);
  // A Dry Run preview does not count once Dry Run is off: the real email must still go that day.
  const done = `${key}|${config.settings.dryRun ? 'dry-run' : 'live'}`;
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(DONE_PROPERTY) === done) return false;
  const licensing = config.settings.licensingTeamEmails;
  const to = licensing.length ? licensing : [Session.getEffectiveUser().getEmail()].filter(Boolean);
  const content = composed('settings-problems', {
    issues: config.issues,
    trackerName: ss.getName(),
    trackerUrl: ss.getUrl(),
    noLicensingAddress: licensing.length === 0,
  });
  const mailer = new Mailer(ss, config.settings);
  mailer.queue({
    kind: SETTINGS_ALERT_KIND,
    to,
    ...content,
    urgent: true,
    dedupeKey: key,
  });
  mailer.flush(); // throws before the property is set if the Mailer could not take the message
  props.setProperty(DONE_PROPERTY, done);
  return true;
}
