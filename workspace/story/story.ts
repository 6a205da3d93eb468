/**
 * The local story engine: a workspace, the built bundle loaded into it, the sample cohort, and a
 * timeline. Chapters move the clock, act as TLs and agents (edits fire the same triggers Sheets
 * would), run entry points exactly as Apps Script would call them, and note what happened.
 * `writeOut()` renders everything into out/ for a person to open.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intlZone } from '../../src/domain/timeZone';
import { escapeHtml } from '../../src/domain/values';
import { DEFAULT_DAY_TIMES, WorkingClock } from '../../src/domain/workingClock';
import { page, renderSpreadsheet } from '../render';
import type { FakeSpreadsheetT } from '../spreadsheet';
import { type Bundle, loadBundle, Workspace } from '../workspace';
import { AGENTS, COHORT, TLS } from './sampleCohort';

export interface TimelineEntry {
  at: string;
  text: string;
}

/**
 * One scene of the story: it starts at a local time on a working day (0 = the day before Day 1,
 * 5 = the first working day after Day 4). Scenes from every area are merged and played in time order,
 * so each area adds its own file of scenes without touching the others.
 */
export interface Scene {
  day: number;
  /** `HH:mm`, local time; the clock is set to it before the scene runs. */
  time: string;
  title: string;
  run(story: Story): void;
}

export interface StoryOptions {
  buildDir: string;
  outDir: string;
  /** Print the timeline as it happens (npm start); tests keep it quiet. */
  print?: boolean;
}

export class Story {
  readonly ws: Workspace;
  readonly bundle: Bundle;
  readonly cohort = COHORT;
  readonly agents = AGENTS;
  readonly tls = TLS;
  readonly zone = intlZone(COHORT.timeZone);
  /** The default working calendar of the sample cohort (Day 1 Thursday, weekend skipped). */
  readonly calendar = new WorkingClock({
    zone: this.zone,
    day1: COHORT.day1,
    holidays: [],
    times: DEFAULT_DAY_TIMES,
  });
  readonly timeline: TimelineEntry[] = [];
  /** Extra pages chapters add to out/ (name → HTML), linked from index.html. */
  readonly pages = new Map<string, { title: string; html: string }>();
  private readonly snapshots: { title: string; html: string }[] = [];
  private uiSeen = 0;
  private pendingTitle = '';

  constructor(readonly options: StoryOptions) {
    // Day 0: the afternoon before the cohort's first day, at 2 pm local time.
    const start = this.zone.fromLocal('2026-12-02', '14:00');
    this.ws = new Workspace({ now: start, timeZone: COHORT.timeZone, htmlDir: options.buildDir });
    this.bundle = loadBundle(this.ws, options.buildDir);
  }

  get tracker(): FakeSpreadsheetT {
    return this.ws.tracker;
  }

  /** Sets the clock to Day `n` (working days; 0 = the day before Day 1) at a local time. */
  atDay(n: number, hhmm: string): void {
    const ymd = n === 0 ? '2026-12-02' : this.calendar.workingDate(n);
    this.ws.clock.set(this.zone.fromLocal(ymd, hhmm));
  }

  /** Sets the clock to a local date and time. */
  at(ymd: string, hhmm: string): void {
    this.ws.clock.set(this.zone.fromLocal(ymd, hhmm));
  }

  now(): string {
    const t = this.zone.toLocal(this.ws.clock.now());
    const day = this.calendar.dayNumberOf(this.ws.clock.now());
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][t.weekday];
    const label = day && day > 0 ? `Day ${day}` : day === 0 ? 'Day 0' : 'off day';
    return `${weekday} ${t.month}/${t.day} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')} (${label})`;
  }

  /** Adds a line to the timeline (and prints it when running npm start). */
  note(text: string): void {
    if (this.pendingTitle) {
      // A scene's title is shown only once the scene has something to say.
      this.timeline.push({ at: '', text: this.pendingTitle });
      if (this.options.print) console.log(`\n=== ${this.pendingTitle} ===`);
      this.pendingTitle = '';
    }
    const entry = { at: this.now(), text };
    this.timeline.push(entry);
    if (this.options.print) console.log(`${entry.at.padEnd(22)} ${text}`);
  }

  /** Calls an entry point as Apps Script would; records any dialog it showed. */
  run(entryPoint: string, ...args: unknown[]): unknown {
    const fn = this.bundle[entryPoint];
    if (typeof fn !== 'function') throw new Error(`The built bundle has no global function ${entryPoint}.`);
    const result = fn(...args);
    this.ws.locks.endExecution();
    this.flushUi();
    return result;
  }

  /** New lines in the Ui transcript (alerts, prompts, sidebars) go onto the timeline. */
  private flushUi(): void {
    for (const line of this.ws.ui.log.slice(this.uiSeen)) {
      const flat = line.replace(/\n/g, ' ');
      this.note(`  ↳ ${flat.length > 240 ? `${flat.slice(0, 237)}…` : flat}`);
    }
    this.uiSeen = this.ws.ui.log.length;
  }

  /**
   * A person types into a cell: the value is stored as Sheets would, then the simple `onEdit` and
   * every installable edit trigger of that spreadsheet fire with a real-shaped event object.
   */
  userEdit(
    ss: FakeSpreadsheetT,
    sheetName: string,
    row: number,
    column: number,
    value: unknown,
    user = '',
  ): void {
    const range = ss.sheet(sheetName).getRange(row, column);
    const oldValue = range.getValue();
    range.setValue(value as string);
    const event = {
      authMode: 'LIMITED',
      range,
      source: ss,
      value,
      oldValue,
      user: { getEmail: () => user },
      triggerUid: '',
    };
    if (ss.getId() === this.tracker.getId())
      this.ws.ui.inContext('simpleTrigger', () => this.run('onEdit', event));
    for (const handler of this.ws.script.handlersFor('ON_EDIT', ss.getId()))
      this.ws.ui.inContext('trigger', () => this.run(handler, { ...event, authMode: 'FULL' }));
  }

  /** 1-based column of a header in row 1 of a sheet (stories address cells by header, like the code). */
  column(ss: FakeSpreadsheetT, sheetName: string, header: string): number {
    const headers = ss.sheet(sheetName).getRange(1, 1, 1, ss.sheet(sheetName).getLastColumn()).getValues()[0];
    const col = headers.findIndex((h) => String(h).trim() === header);
    if (col < 0) throw new Error(`No "${header}" column in ${sheetName}.`);
    return col + 1;
  }

  /** Fires every time trigger that is due now, as Apps Script's scheduler would. */
  fireDueTriggers(): string[] {
    const fired: string[] = [];
    for (const trigger of this.ws.script.dueTimeTriggers(this.ws.clock.now())) {
      const handler = trigger.getHandlerFunction();
      this.note(`⏰ time trigger → ${handler}`);
      this.ws.ui.inContext('trigger', () => this.run(handler));
      fired.push(handler);
    }
    return fired;
  }

  /** Keeps a rendering of a spreadsheet as it is now, shown in out/index.html. */
  snapshot(title: string, ss: FakeSpreadsheetT = this.tracker): void {
    this.snapshots.push({ title: `${title} — ${this.now()}`, html: renderSpreadsheet(ss) });
  }

  /** Plays scenes in time order (stable for scenes at the same time). */
  play(scenes: readonly Scene[]): void {
    const ordered = [...scenes].sort((a, b) => a.day - b.day || a.time.localeCompare(b.time));
    for (const scene of ordered) {
      this.atDay(scene.day, scene.time);
      this.pendingTitle = scene.title;
      scene.run(this);
      this.pendingTitle = '';
    }
  }

  /** Shared facts between scenes of different areas (e.g. the progress report's ID). */
  readonly state = new Map<string, unknown>();

  /** Writes out/: index.html (timeline, snapshots, links), every email as its own page, extra pages. */
  writeOut(): string {
    const out = this.options.outDir;
    mkdirSync(join(out, 'emails'), { recursive: true });
    const emailLinks: string[] = [];
    this.ws.mail.outbox.forEach((mail, i) => {
      const file = `emails/${String(i + 1).padStart(3, '0')}.html`;
      const header =
        `<table class="mailhead"><tr><th>To</th><td>${escapeHtml(mail.recipients.join(', '))}</td></tr>` +
        `<tr><th>Subject</th><td>${escapeHtml(mail.subject)}</td></tr>` +
        `<tr><th>Sent</th><td>${escapeHtml(mail.sentAt.toISOString())}</td></tr></table><hr>`;
      // The body is the mailer's own HTML (already escaped by the templates) shown as a mail client would.
      writeFileSync(
        join(out, file),
        page(mail.subject, header + (mail.htmlBody ?? `<pre>${escapeHtml(mail.body)}</pre>`)),
      );
      const link = `<a href="${file}">${escapeHtml(mail.recipients.join(', '))}</a>`;
      const previous = i > 0 ? this.ws.mail.outbox[i - 1] : undefined;
      // Runs of the same message to many people (invitations, reminders) are listed under one subject.
      if (previous?.subject === mail.subject) emailLinks[emailLinks.length - 1] += `, ${link}`;
      else emailLinks.push(`<li>${escapeHtml(mail.subject)} → ${link}`);
    });
    const pageLinks = [...this.pages.entries()].map(([name, p]) => {
      writeFileSync(join(out, name), p.html);
      return `<li><a href="${escapeHtml(name)}">${escapeHtml(p.title)}</a></li>`;
    });
    const timeline = this.timeline
      .map((e) =>
        e.at
          ? `<li><code>${escapeHtml(e.at)}</code> ${escapeHtml(e.text)}</li>`
          : `<li><h3>${escapeHtml(e.text)}</h3></li>`,
      )
      .join('\n');
    const snapshots = this.snapshots
      .map(
        (s, i) =>
          `<details${i === this.snapshots.length - 1 ? ' open' : ''}><summary>${escapeHtml(s.title)}</summary>${s.html}</details>`,
      )
      .join('\n');
    const body =
      `<p>${escapeHtml(this.cohort.name)} — ${this.agents.length} agents, ${this.tls.length} TLs. Generated by <code>npm start</code> from the built bundle running on the in-memory workspace.</p>` +
      (pageLinks.length ? `<h2>Pages</h2><ul>${pageLinks.join('')}</ul>` : '') +
      `<h2>Emails (${this.ws.mail.outbox.length})</h2><ul>${emailLinks.map((l) => `${l}</li>`).join('\n') || '<li>none yet</li>'}</ul>` +
      `<h2>Timeline</h2><ul class="timeline">${timeline}</ul>` +
      `<h2>Spreadsheets</h2>${snapshots}`;
    const index = join(out, 'index.html');
    writeFileSync(index, page('ESP Licensing Tracker — local story', body));
    return index;
  }
}
