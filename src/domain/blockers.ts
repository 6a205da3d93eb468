/**
 * Blockers within the hour (RULES: alerts exactly once), pure. What agents type in the report's Blockers
 * cell and the tracker's Payment Issue / Login Issue set to Open reach the TL at the next hourly run. This
 * module decides what is NEW since the last run, from the previous run's memory (`AlertedState`, kept
 * by src/usecases/blockers.ts in the tracker's document properties) and what the run sees now:
 *
 *  - A blocker is one agent's Blockers text. Its identity is the text with spaces collapsed and case
 *    folded ("Card declined" = "card  declined"); any other change makes a new blocker. Each distinct
 *    text is alerted once for that agent: clearing it alerts nothing, and typing an earlier text again
 *    does not alert it again. Blank and "none"-like texts ("none", "n/a", "-", …) are no blocker.
 *  - An issue (Payment, Login) is alerted once per opening: the run that first sees it Open alerts it;
 *    a run that sees it not Open closes it, so the next Open is a new opening, alerted again. Openings are
 *    numbered per agent and issue, so the same opening always gets the same id (a re-run builds the same
 *    dedupe key and the mailer sends nothing twice).
 */

/** One agent as the run sees it now. */
export interface AgentObservation {
  /** Lowercased OID: the agent's identity in the state. */
  oid: string;
  /** The Blockers text as shown in the agent's own report row ('' when none or not readable). */
  blocker: string;
  paymentOpen: boolean;
  loginOpen: boolean;
}

/** Per agent: ids of blocker texts already alerted, and [openings seen, open now (1) or not (0)] per issue. */
export interface AgentAlertMemory {
  b?: string[];
  p?: [number, number];
  l?: [number, number];
}

export type AlertedState = Record<string, AgentAlertMemory>;

export type NewItemKind = 'blocker' | 'payment' | 'login';

export interface NewItem {
  oid: string;
  kind: NewItemKind;
  /** Stable id: `b:<oid>:<text hash>`, `p:<oid>:<opening>`, `l:<oid>:<opening>`. */
  id: string;
  /** The blocker text (blockers only). */
  text: string;
}

/** Blocker texts remembered per agent (oldest forgotten first): bounds the state's size. */
export const MAX_REMEMBERED_BLOCKERS = 10;
/** Characters of a blocker text shown in an email (a cell holds 50,000). */
export const MAX_BLOCKER_CHARS = 500;

const NO_BLOCKER = new Set([
  '',
  '-',
  '--',
  'none',
  'n/a',
  'na',
  'no',
  'nope',
  'nothing',
  'no blockers',
  'no blocker',
]);

/** The text with runs of white space collapsed and trimmed (as shown to the TL). */
export function cleanBlocker(text: string): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text says there is no blocker. */
export function isNoBlocker(text: string): boolean {
  return NO_BLOCKER.has(
    cleanBlocker(text)
      .toLowerCase()
      .replace(/[.!]+$/, ''),
  );
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable id for a text. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The identity of a blocker text (spaces collapsed, case folded). */
export function blockerId(text: string): string {
  return textHash(cleanBlocker(text).toLowerCase());
}

/** The text as an email shows it: cleaned and cut to MAX_BLOCKER_CHARS. */
export function blockerForEmail(text: string): string {
  const clean = cleanBlocker(text);
  return clean.length <= MAX_BLOCKER_CHARS ? clean : `${clean.slice(0, MAX_BLOCKER_CHARS - 1)}…`;
}

function issueStep(
  memory: [number, number] | undefined,
  open: boolean,
): { next: [number, number] | undefined; opening: number | null } {
  const [count, isOpen] = memory ?? [0, 0];
  if (open && !isOpen) return { next: [count + 1, 1], opening: count + 1 };
  if (!open && isOpen) return { next: [count, 0], opening: null };
  return { next: memory, opening: null };
}

/**
 * What is new now, and the state to keep once the alerts are safely queued. Agents not observed keep
 * their memory unchanged. `changed` is false when nothing needs writing.
 */
export function diffAlerts(
  previous: Readonly<AlertedState>,
  observed: readonly AgentObservation[],
): { items: NewItem[]; next: AlertedState; changed: boolean } {
  const next: AlertedState = { ...previous };
  const items: NewItem[] = [];
  let changed = false;
  for (const agent of observed) {
    const oid = agent.oid.toLowerCase();
    const before = previous[oid] ?? {};
    const after: AgentAlertMemory = { ...before };
    if (!isNoBlocker(agent.blocker)) {
      const id = blockerId(agent.blocker);
      if (!(before.b ?? []).includes(id)) {
        after.b = [...(before.b ?? []), id].slice(-MAX_REMEMBERED_BLOCKERS);
        items.push({ oid, kind: 'blocker', id: `b:${oid}:${id}`, text: blockerForEmail(agent.blocker) });
      }
    }
    for (const [kind, open, key] of [
      ['payment', agent.paymentOpen, 'p'],
      ['login', agent.loginOpen, 'l'],
    ] as const) {
      const step = issueStep(before[key], open);
      if (step.next) after[key] = step.next;
      if (step.opening !== null) items.push({ oid, kind, id: `${key}:${oid}:${step.opening}`, text: '' });
    }
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      next[oid] = after;
      changed = true;
    }
  }
  return { items, next, changed };
}
