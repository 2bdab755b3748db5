// Watched questions: a reading-list entry for a kv document (questions not answered yet) is watched unless the reader
// turned that off. The background checks watched documents now and then (alarms), with the same fetch and parse as
// the reading view's related documents: when the kv page lists an answer, the entry says who answered and when, and
// the toolbar badge counts it until the popup has been opened. A mededeling (a delay) is shown, and the watch goes on.
//
// Stored in one storage.local value that only the background writes (the popup asks it by message): a check that
// runs for seconds can never overwrite a toggle made meanwhile. Per device, not synced: each device's background
// checks its own.

import { answererText } from '../format';
import type { DocumentKind } from '../kamervraag/model';
import { idParts, isKamervraagId } from '../site/ids';
import { WATCHES } from '../storage';
import { storedValue } from '../stored';
import type { RelatedFacts } from './facts';
import type { Loaded } from './fetch';

export type WatchState = 'waiting' | 'answered' | 'mededeling';

export interface WatchAnswer {
  id: string;
  kind: DocumentKind;
  /** ISO date received */
  date: string | null;
  /** "Minister-President Rutte (Algemene Zaken)" */
  by: string | null;
}

export interface Watch {
  /** The reader turned the watch off */
  off: boolean;
  state: WatchState;
  /** The answers and mededelingen the kv page lists, as far as they could be read */
  answers: WatchAnswer[];
  /** When the check first found an answer (epoch ms): "recently answered" */
  answeredFoundAt: number | null;
  /** Found answered and not yet seen in the popup: the badge counts these */
  unseen: boolean;
  /** Last check (epoch ms), and how many in a row failed (each doubles the wait) */
  checkedAt: number | null;
  failures: number;
}

export const watches = storedValue(WATCHES);

function isWatch(v: unknown): v is Watch {
  if (typeof v !== 'object' || v === null) return false;
  const w = v as Record<string, unknown>;
  const numOrNull = (x: unknown) => x === null || typeof x === 'number';
  return (
    typeof w.off === 'boolean' &&
    (w.state === 'waiting' || w.state === 'answered' || w.state === 'mededeling') &&
    Array.isArray(w.answers) &&
    w.answers.every(
      (a) =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as WatchAnswer).id === 'string' &&
        typeof (a as WatchAnswer).kind === 'string' &&
        (typeof (a as WatchAnswer).date === 'string' || (a as WatchAnswer).date === null) &&
        (typeof (a as WatchAnswer).by === 'string' || (a as WatchAnswer).by === null),
    ) &&
    numOrNull(w.answeredFoundAt) &&
    typeof w.unseen === 'boolean' &&
    numOrNull(w.checkedAt) &&
    typeof w.failures === 'number'
  );
}

/** The watches as stored, without any that are damaged or of another shape (they start again as new). */
export function validWatches(value: unknown): Record<string, Watch> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([, w]) => isWatch(w))) as Record<string, Watch>;
}

/** How often a watched document is checked (the alarm's period) */
export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;
/** Documents fetched at most per check (kv pages and the answers they list together) */
export const MAX_FETCHES = 20;
/** "Recently answered": found answered this long ago at most */
export const RECENT_MS = 14 * 24 * 60 * 60 * 1000;
/** The alarm fires a little early or late: a document checked this much less than CHECK_EVERY_MS ago is due too */
const SLACK_MS = 10 * 60 * 1000;

/** Is this document watched by default: a kv document (questions without answer when saved) */
export const isWatchable = (id: string, kind: DocumentKind | null) =>
  kind === 'vragen' || id.startsWith('kv-');

/** The watch of a document not checked yet */
export const newWatch = (): Watch => ({
  off: false,
  state: 'waiting',
  answers: [],
  answeredFoundAt: null,
  unseen: false,
  checkedAt: null,
  failures: 0,
});

/** Due for a check: never checked, or CHECK_EVERY_MS since (doubled per failure in a row, at most 8×). */
export function isDue(w: Watch | undefined, now: number): boolean {
  if (!w?.checkedAt) return true;
  const wait = CHECK_EVERY_MS * 2 ** Math.min(w.failures, 3) - SLACK_MS;
  return now - w.checkedAt >= wait;
}

function stateOf(answers: WatchAnswer[]): WatchState {
  if (answers.some((a) => a.kind === 'antwoord')) return 'answered';
  if (answers.some((a) => a.kind === 'mededeling')) return 'mededeling';
  return 'waiting';
}

function answerOf(f: RelatedFacts): WatchAnswer {
  return { id: f.id, kind: f.kind, date: f.date, by: f.answeredBy ? answererText(f.answeredBy) : null };
}

export interface CheckOptions {
  /** kv documents in the reading list */
  ids: readonly string[];
  now: number;
  /** Document `id`; `listedBy` is the kv document that lists it, for an answer */
  load(id: string, listedBy?: string): Promise<Loaded>;
  /** Check every watched document now, due or not (the popup's "check now") */
  force?: boolean;
}

/**
 * Checks the due watched documents, at most MAX_FETCHES documents fetched, and returns the new watches (those of
 * documents no longer in the list are dropped; a watch turned off keeps its place so it stays off). An answered
 * document is not checked again; a mededeling is (the answer is still to come). The first check of a document
 * records what it finds without calling it new: answers that were there when it was saved are not news. When the
 * browser goes offline during a check, the check stops there, and what was not checked stays due.
 */
export async function checkWatched(
  current: Record<string, Watch>,
  opts: CheckOptions,
): Promise<Record<string, Watch>> {
  const next: Record<string, Watch> = {};
  for (const id of opts.ids) next[id] = current[id] ?? newWatch();
  let budget = MAX_FETCHES;
  // Oldest check first: with more due than the budget allows, the rest come first next time.
  const due = opts.ids
    .filter(
      (id) => !next[id].off && next[id].state !== 'answered' && (opts.force || isDue(next[id], opts.now)),
    )
    .sort((a, b) => (next[a].checkedAt ?? 0) - (next[b].checkedAt ?? 0));
  check: for (const id of due) {
    if (budget < 1) break;
    budget--;
    const kv = await opts.load(id);
    if (kv.state === 'failed' && kv.reason === 'offline') break;
    const w = { ...next[id] };
    next[id] = w;
    const first = w.checkedAt === null;
    w.checkedAt = opts.now;
    if (kv.state === 'failed') {
      w.failures++;
      continue;
    }
    w.failures = 0;
    const known = new Set(w.answers.map((a) => a.id));
    const answers = [...w.answers];
    for (const linked of kv.facts.related) {
      // An answer or mededeling: an Aanhangsel, not another kv document.
      if (known.has(linked) || !isKamervraagId(linked) || idParts(linked).kind === 'vragen') continue;
      if (budget < 1) break;
      budget--;
      const doc = await opts.load(linked, id);
      if (doc.state === 'failed' && doc.reason === 'offline') {
        // Not checked after all: as it was, and due again.
        next[id] = current[id] ?? newWatch();
        break check;
      }
      // One that cannot be read now is tried again next time.
      if (doc.state === 'ok' && doc.facts.kind !== 'vragen') answers.push(answerOf(doc.facts));
    }
    w.answers = answers;
    const state = stateOf(answers);
    if (state === 'answered' && w.state !== 'answered' && !first) {
      w.answeredFoundAt = opts.now;
      w.unseen = true;
    }
    w.state = state;
  }
  return next;
}

/** Documents of the list (`ids`) found answered and not yet seen: the badge's count. */
export function unseenCount(all: Record<string, Watch>, ids: ReadonlySet<string>): number {
  return Object.entries(all).filter(([id, w]) => w.unseen && !w.off && ids.has(id)).length;
}

/**
 * A check's result merged into the watches as they are now (the popup may have turned a watch off, or seen the
 * news, while the check ran): the check's findings, the reader's switch and what the reader has seen since.
 */
export function mergeCheck(
  before: Record<string, Watch>,
  checked: Record<string, Watch>,
  now: Record<string, Watch>,
): Record<string, Watch> {
  const out: Record<string, Watch> = {};
  for (const [id, w] of Object.entries(checked)) {
    const latest = now[id];
    const news = w.unseen && !before[id]?.unseen;
    out[id] = { ...w, off: latest?.off ?? w.off, unseen: news || (latest?.unseen ?? false) };
  }
  return out;
}
