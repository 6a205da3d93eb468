/**
 * The one email layout. Templates describe an email as data (title, paragraphs, sections of lists, tables
 * and facts) and this file renders it twice: inline-styled HTML that Gmail shows as sent (no <style>
 * blocks, no external CSS) and the plain-text alternative. Escaping happens here and only here, on every
 * piece of text, so a template cannot forget it: mail bodies are not sandboxed, and an agent named
 * `<img src=x onerror=…>` must arrive as text.
 */
import { type Zone, formatMdy, formatTime12h, formatHhmm } from './timeZone';
import { escapeHtml } from './values';

/** Text, a link, or emphasised text. Links other than http(s)/mailto render as plain text. */
export type Inline = string | { text: string; href: string } | { strong: string };

/** One list item: a piece of text, or a line of pieces (e.g. a linked agent name, then the details). */
export type ListItem = Inline | readonly Inline[];

export type Block =
  | { kind: 'paragraph'; parts: readonly Inline[] }
  | { kind: 'list'; items: readonly ListItem[] }
  | { kind: 'table'; headers: readonly string[]; rows: readonly (readonly Inline[])[] }
  /** Label/value pairs, e.g. Agent, OID, TL. */
  | { kind: 'facts'; rows: readonly (readonly [string, Inline])[] };

/** Colours the section's left rule: alert (red), warn (amber), ok (green), info (blue). */
export type Tone = 'alert' | 'warn' | 'ok' | 'info';

export interface Section {
  heading: string;
  tone?: Tone;
  blocks: readonly Block[];
}

export interface EmailDoc {
  subject: string;
  title: string;
  intro?: readonly (readonly Inline[])[];
  sections: readonly Section[];
  footer?: string;
}

export interface EmailContent {
  subject: string;
  htmlBody: string;
  body: string;
}

// Small constructors so templates read as content, not markup.
export const para = (...parts: Inline[]): Block => ({ kind: 'paragraph', parts });
export const list = (items: readonly ListItem[]): Block => ({ kind: 'list', items });
export const table = (headers: readonly string[], rows: readonly (readonly Inline[])[]): Block => ({
  kind: 'table',
  headers,
  rows,
});
export const facts = (rows: readonly (readonly [string, Inline])[]): Block => ({ kind: 'facts', rows });
export const link = (text: string, href: string): Inline => ({ text, href });
export const strong = (text: string): Inline => ({ strong: text });
export const section = (heading: string, blocks: readonly Block[], tone: Tone = 'info'): Section => ({
  heading,
  tone,
  blocks,
});

const TONE_COLOR: Readonly<Record<Tone, string>> = {
  alert: '#d93025',
  warn: '#f9ab00',
  ok: '#1e8e3e',
  info: '#1a73e8',
};

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124';
/**
 * Phones (375 px) must never scroll sideways: text wraps anywhere it has to (long addresses and links
 * included) and tables take the width they are given instead of their content's.
 */
const WRAP = 'overflow-wrap:anywhere;word-break:break-word';
const CELL = `padding:6px 8px;border:1px solid #dadce0;text-align:left;vertical-align:top;${WRAP}`;
const TABLE = `border-collapse:collapse;margin:0 0 12px;width:100%;max-width:100%;${FONT}`;

function safeHref(href: string): string | null {
  const url = href.trim();
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(url) ? url : null;
}

function inlineHtml(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
  const href = safeHref(part.href);
  return href
    ? `<a href="${escapeHtml(href)}" style="color:#1a73e8">${escapeHtml(part.text)}</a>`
    : escapeHtml(part.text);
}

function itemParts(item: ListItem): readonly Inline[] {
  return Array.isArray(item) ? (item as readonly Inline[]) : [item as Inline];
}

function inlineText(part: Inline): string {
  if (typeof part === 'string') return part;
  if ('strong' in part) return part.strong;
  const same = part.href === part.text || part.href === `mailto:${part.text}`;
  return same ? part.text : `${part.text} (${part.href})`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 12px">${block.parts.map(inlineHtml).join('')}</p>`;
    case 'list':
      return `<ul style="margin:0 0 12px;padding-left:20px">${block.items.map((i) => `<li style="margin:0 0 4px">${itemParts(i).map(inlineHtml).join('')}</li>`).join('')}</ul>`;
    case 'table': {
      const head = block.headers
        .map((h) => `<th style="${CELL};background:#f1f3f4">${escapeHtml(h)}</th>`)
        .join('');
      const rows = block.rows
        .map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${inlineHtml(c)}</td>`).join('')}</tr>`)
        .join('');
      return `<table style="${TABLE}"><tr>${head}</tr>${rows}</table>`;
    }
    case 'facts': {
      const rows = block.rows
        .map(
          ([label, value]) =>
            `<tr><th style="${CELL};background:#f1f3f4;width:30%">${escapeHtml(label)}</th>` +
            `<td style="${CELL}">${inlineHtml(value)}</td></tr>`,
        )
        .join('');
      return `<table style="${TABLE}">${rows}</table>`;
    }
  }
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.parts.map(inlineText).join('');
    case 'list':
      return block.items.map((i) => `- ${itemParts(i).map(inlineText).join('')}`).join('\n');
    case 'table':
      return block.rows
        .map((r) => `- ${r.map((c, i) => `${block.headers[i] ?? ''}: ${inlineText(c)}`).join('; ')}`)
        .join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${inlineText(value)}`).join('\n');
  }
}

function sectionHtml(s: Section): string {
  const color = TONE_COLOR[s.tone ?? 'info'];
  return (
    `<h3 style="margin:20px 0 8px;padding-left:8px;border-left:4px solid ${color};font-size:16px">` +
    `${escapeHtml(s.heading)}</h3>${s.blocks.map(blockHtml).join('')}`
  );
}

/** Subjects are headers: no line breaks (header injection), trimmed, capped to what mail clients show. */
function cleanSubject(subject: string): string {
  return subject
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .slice(0, 250);
}

/** Renders an email model to the subject, HTML body and plain-text body. */
export function renderEmail(doc: EmailDoc): EmailContent {
  const intro = (doc.intro ?? []).map((parts) => para(...parts));
  const footer = doc.footer ?? 'Sent by the ESP Licensing Tracker.';
  const htmlBody =
    `<div style="${FONT};max-width:680px;${WRAP}">` +
    `<h2 style="margin:0 0 12px;font-size:20px">${escapeHtml(doc.title)}</h2>` +
    intro.map(blockHtml).join('') +
    doc.sections.map(sectionHtml).join('') +
    `<p style="margin:24px 0 0;font-size:12px;color:#5f6368">${escapeHtml(footer)}</p></div>`;
  const body = [
    doc.title,
    ...intro.map(blockText),
    ...doc.sections.map((s) => `${s.heading.toUpperCase()}\n${s.blocks.map(blockText).join('\n\n')}`),
    footer,
  ].join('\n\n');
  return { subject: cleanSubject(doc.subject), htmlBody, body };
}

/** `Mon 1/12/2026 3:00 PM` in the cohort's zone: the form TLs read dates and times in. */
export function formatWhen(zone: Zone, instant: Date): string {
  const local = zone.toLocal(instant);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][local.weekday];
  return `${day} ${formatMdy(zone.ymd(instant))} ${formatTime12h(formatHhmm(local.hour * 60 + local.minute))}`;
}

/** Hours with one decimal, e.g. `4.3 h`. */
export function formatHours(hours: number): string {
  return `${(Math.round(hours * 10) / 10).toFixed(1)} h`;
}
