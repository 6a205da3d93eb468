/**
 * RULES R1 — "an edit that arrives while another run holds the lock is queued for the next run,
 * never dropped". A trigger that cannot get the document lock (an evening sweep holds it) writes its
 * event here WITHOUT the lock: document properties, one key per event (agents, who never see the
 * tracker's script, cannot reach them), split into chunks because a property value holds at most ~9 KB.
 * The next run that holds the lock (the edit trigger's next run, the hourly capCheck, the nightly sweep)
 * drains the queue: processes each event, then deletes it — so a run that dies half-way leaves the
 * event for the one after (processing is idempotent: the mailer dedupes by key).
 */
import { type DocumentProperties, documentProperties } from './tableCache';
import { now } from './clock';

export type Answer = { question: string; answer: string };

export type PendingEvent =
  | { kind: 'tracker-edit'; row: number; numRows: number; column: number; numColumns: number; at: number }
  | { kind: 'completion'; responseId: string; submittedAt: number; answers: Answer[] }
  /** A row typed straight into the `AHIP Exam Attempts` ledger (RULES R20): the whole ledger is processed. */
  | { kind: 'exam-edit'; at: number };

export interface QueuedEvent {
  id: string;
  event: PendingEvent;
  keys: string[];
}

export const PENDING_PREFIX = 'esp.pending.';
/** 2,000 UTF-16 code units are at most 8,000 UTF-8 bytes: safely under the ~9 KB value limit. */
const CHUNK_CHARS = 2000;

function store(): DocumentProperties {
  return documentProperties();
}

/** Writes one event (one setProperties call, whatever its size). Returns its id. */
export function queueEvent(event: PendingEvent): string {
  const json = JSON.stringify(event);
  const id = `${String(now().getTime()).padStart(15, '0')}.${Utilities.getUuid()}`;
  const n = Math.max(1, Math.ceil(json.length / CHUNK_CHARS));
  const entries: Record<string, string> = {};
  for (let k = 0; k < n; k++) {
    entries[`${PENDING_PREFIX}${id}.${k}/${n}`] = json.slice(k * CHUNK_CHARS, (k + 1) * CHUNK_CHARS);
  }
  store().setProperties(entries);
  return id;
}

/** Every complete queued event, oldest first (one getProperties call). Incomplete ones are left alone. */
export function readQueue(): QueuedEvent[] {
  const all = store().getProperties();
  const groups = new Map<string, { n: number; parts: Map<number, string>; keys: string[] }>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PENDING_PREFIX)) continue;
    const m = /^(.*)\.(\d+)\/(\d+)$/.exec(key.slice(PENDING_PREFIX.length));
    if (!m) continue;
    const g = groups.get(m[1]) ?? { n: Number(m[3]), parts: new Map<number, string>(), keys: [] as string[] };
    g.parts.set(Number(m[2]), value);
    g.keys.push(key);
    groups.set(m[1], g);
  }
  const out: QueuedEvent[] = [];
  for (const [id, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (g.parts.size !== g.n) continue;
    const json = Array.from({ length: g.n }, (_, k) => g.parts.get(k) ?? '').join('');
    try {
      out.push({ id, event: JSON.parse(json) as PendingEvent, keys: g.keys });
    } catch {
      continue; // half-written: its writer's setProperties failed; nothing to process
    }
  }
  return out;
}

export function forget(queued: QueuedEvent): void {
  const props = store();
  for (const key of queued.keys) props.deleteProperty(key);
}

/**
 * Runs `work` under the document lock; when another run holds it past `waitMs`, queues `event` instead
 * (never throws "busy" at a trigger). Returns what `work` returned, or null when the event was queued.
 */
export function runOrQueue<T>(event: PendingEvent, waitMs: number, work: () => T): T | null {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) {
    queueEvent(event);
    console.log(`The tracker was busy: ${event.kind} queued for the next run.`);
    return null;
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
