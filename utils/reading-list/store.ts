// The reading list in extension storage. THIS MODULE OWNS EVERY READING-LIST ENTRY KEY: nothing else reads or
// writes them (the popup, the page, the options page and the background all call these functions). The one other
// key, a derived preview of the top of the list for the popup, is ./preview.ts's.
//
// Design for "no lost updates": ONE STORAGE KEY PER ENTRY (`kvl-item:<key>` in storage.local, key = document id or
// `<id>#vraag-N`) plus one schema-version value (`kvl-schema`), and ONE WRITER: every change is an operation on one
// entry (see ListOp below) that the background applies (./apply.ts) in that key's queue, on the entry as stored then,
// by the rules of ./merge.ts. Saves of different entries never touch each other's keys; edits of the same entry from
// the popup, a page and another popup at the same moment are applied one after the other, each changing only its own
// field group, so both land. Copies from elsewhere (another device, an import) are merged group by group on their
// change times, never written over what is stored; a removal leaves a tombstone (`kvl-gone:<key>` = when).
// Pages and extension pages send their operations to the background by message (./writer.ts); a service worker
// that is asleep is woken by the message. A write that fails is reported to the control that asked for it.
//
// storage.local is the source of truth and keeps everything; storage.sync (when the user turns it on) is a mirror
// managed by ./sync.ts.

import { browser } from '#imports';
import { GONE_PREFIX, ITEM_PREFIX, SCHEMA, SCHEMA_VERSION } from '../storage';
import { getKeys, setKeys, snapshot, storedValue } from '../stored';
import {
  type DocumentFacts,
  entryProblem,
  isNewerRecord,
  type ReadingEntry,
  readEntry,
  upgradeEntry,
} from './entry';

export const itemKey = (key: string) => ITEM_PREFIX + key;
export const goneKey = (key: string) => GONE_PREFIX + key;

export const schemaVersion = storedValue(SCHEMA);

/**
 * Migrations from version n to n+1, each given every stored entry value (unvalidated) and returning the new value
 * (or null to drop one that cannot be carried over, which a migration must never do to a valid entry).
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown> | null;
const MIGRATIONS: Record<number, Migration> = {
  // 1 → 2: every group of fields changed when the entry last changed (entry.ts upgradeEntry).
  1: (old) => upgradeEntry(old) as Record<string, unknown>,
};

/** Brings stored entries up to `target`; idempotent, safe to run from several places at once. */
export async function migrate(
  migrations: Record<number, Migration> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): Promise<number> {
  const stored = await schemaVersion.getValue();
  let version = stored ?? 1;
  if (version > target) return version; // written by a newer version of the extension: leave it alone
  if (version < target) {
    const raw = await rawItems();
    while (version < target) {
      const step = migrations[version];
      if (!step) throw new Error(`No reading-list migration from version ${version}`);
      for (const [k, v] of raw) {
        if (typeof v === 'object' && v !== null && !isNewerRecord(v))
          raw.set(k, step(v as Record<string, unknown>));
      }
      version++;
    }
    const values: Record<string, unknown> = {};
    for (const [k, v] of raw) if (v !== null) values[itemKey(k)] = v;
    await setKeys('local', values);
  }
  if (stored !== version) await schemaVersion.setValue(version);
  return version;
}

let ready: Promise<unknown> | null = null;
/** Migrates once per context before the first read or write. */
export function ensureSchema(): Promise<unknown> {
  ready ??= migrate().catch((err) => {
    ready = null;
    throw err;
  });
  return ready;
}

/** Test hook: forget that this context already migrated (fakeBrowser.reset() clears storage under it). */
export function resetForTests(): void {
  ready = null;
  for (const reset of resetHooks) reset();
}
const resetHooks: (() => void)[] = [];
/** For ./apply.ts: forget its queues too on resetForTests. */
export function onResetForTests(reset: () => void): void {
  resetHooks.push(reset);
}

async function rawItems(): Promise<Map<string, unknown>> {
  const all = await snapshot('local');
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(ITEM_PREFIX) && !k.endsWith('$')) out.set(k.slice(ITEM_PREFIX.length), v);
  }
  return out;
}

/** Every stored value this version cannot read (a newer version's, or damaged): kept as it is, key → value. */
export async function listUnreadable(): Promise<Map<string, unknown>> {
  await ensureSchema();
  const out = new Map<string, unknown>();
  for (const [k, v] of await rawItems()) if (!readEntry(v, k)) out.set(k, v);
  return out;
}

/** Every valid entry (newest first). Values this version cannot read are skipped, never deleted. */
export async function listEntries(): Promise<ReadingEntry[]> {
  await ensureSchema();
  const raw = await rawItems();
  const entries: ReadingEntry[] = [];
  for (const [k, v] of raw) {
    const e = readEntry(v, k);
    if (e) entries.push(e);
    else
      console.warn('[Kamervragen Lezer] skipped stored reading-list value', k, entryProblem(upgradeEntry(v)));
  }
  return entries.sort((a, b) => b.addedAt - a.addedAt);
}

export async function getEntry(key: string): Promise<ReadingEntry | null> {
  await ensureSchema();
  return readEntry((await getKeys('local', [itemKey(key)]))[itemKey(key)], key);
}

/** When entries were removed here (key → time), for sync. */
export async function listRemoved(): Promise<Map<string, number>> {
  const all = await snapshot('local');
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(GONE_PREFIX) && typeof v === 'number') out.set(k.slice(GONE_PREFIX.length), v);
  }
  return out;
}

/**
 * Calls `cb` whenever entries change anywhere (any tab, the popup, the background, another device via sync), with
 * their new values (null: removed, or not a valid entry).
 */
export function watchEntries(cb: (changed: Map<string, ReadingEntry | null>) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed = new Map<string, ReadingEntry | null>();
    for (const [k, change] of Object.entries(changes)) {
      if (!k.startsWith(ITEM_PREFIX) || k.endsWith('$')) continue;
      const key = k.slice(ITEM_PREFIX.length);
      changed.set(key, readEntry(change.newValue, key));
    }
    if (changed.size) cb(changed);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Several entries in one storage read (the page's save controls: one read for all pairs of a document). */
export async function getEntries(keys: string[]): Promise<Map<string, ReadingEntry | null>> {
  await ensureSchema();
  const values = await getKeys('local', keys.map(itemKey));
  const out = new Map<string, ReadingEntry | null>();
  for (const k of keys) {
    out.set(k, readEntry(values[itemKey(k)], k));
  }
  return out;
}

// ONE WRITER. Every change of the list is an operation on one entry (or a batch of whole entries: import), applied
// by the background, one key at a time, each on the entry as it is stored then: a note saved in the popup and "read"
// clicked in a page at the same moment both land. The popup, the options page and the content scripts send their
// operations to the background (writeThroughBackground); the background, and unit tests, apply them here.

export type ListOp =
  | { op: 'add'; entry: ReadingEntry; now: number }
  | { op: 'read'; key: string; read: boolean; now: number }
  | { op: 'note'; key: string; note: string; now: number }
  | { op: 'tag'; key: string; tag: string; on: boolean; now: number }
  | { op: 'complete'; doc: DocumentFacts; now: number }
  | { op: 'remove'; key: string; now: number }
  | { op: 'restore'; entry: ReadingEntry; now: number }
  | { op: 'merge'; entries: ReadingEntry[]; removals?: Record<string, number> }
  | { op: 'keep'; records: { key: string; value: unknown }[] };

/**
 * Where operations go: the background applies them (./apply.ts, which registers itself where it is imported: the
 * background, unit tests); a page, the popup and the options page send them there (./writer.ts).
 */
let send: (op: ListOp) => Promise<unknown> = () =>
  Promise.reject(new Error('reading list: no writer in this context (import ./apply or ./writer)'));

/** Where this context's changes of the list go. */
export function sendOperationsTo(sender: (op: ListOp) => Promise<unknown>): void {
  send = sender;
}

/**
 * Saves an entry. Saving again is a no-op (no duplicates; the user's read state and note stay), except that a
 * partial entry (saved from a link) is completed by a full one.
 */
export function addEntry(
  entry: ReadingEntry,
  now = entry.updatedAt,
): Promise<{ entry: ReadingEntry; added: boolean }> {
  return send({ op: 'add', entry, now }) as Promise<{ entry: ReadingEntry; added: boolean }>;
}

export function setRead(key: string, read: boolean, now = Date.now()): Promise<ReadingEntry | null> {
  return send({ op: 'read', key, read, now }) as Promise<ReadingEntry | null>;
}

export function setNote(key: string, note: string, now = Date.now()): Promise<ReadingEntry | null> {
  return send({ op: 'note', key, note, now }) as Promise<ReadingEntry | null>;
}

/**
 * Adds a tag to an entry (`on`) or removes it (./tags.ts: what a tag is; at most MAX_TAGS). Returns the changed entry,
 * or null when nothing changed (the tag was there already, or not there; the entry is full or gone).
 */
export function setTag(
  key: string,
  tag: string,
  on: boolean,
  now = Date.now(),
): Promise<ReadingEntry | null> {
  return send({ op: 'tag', key, tag, on, now }) as Promise<ReadingEntry | null>;
}

/** Fills in a partial entry of this document (saved from a link) now that the document is open. */
export function completeFromDocument(doc: DocumentFacts, now = Date.now()): Promise<ReadingEntry | null> {
  const { id, kind, subject, askers, answeredBy, dateSubmitted, dateReceived } = doc;
  const facts = { id, kind, subject, askers, answeredBy, dateSubmitted, dateReceived };
  return send({ op: 'complete', doc: facts, now }) as Promise<ReadingEntry | null>;
}

/** Removes an entry and returns it (for undo). */
export function removeEntry(key: string, now = Date.now()): Promise<ReadingEntry | null> {
  return send({ op: 'remove', key, now }) as Promise<ReadingEntry | null>;
}

/**
 * Undo of a removal: puts the entry back as it was (its changed-time moves to now, so it is newer than the removal
 * everywhere sync carried that), unless it was saved again meanwhile.
 */
export async function restoreEntry(entry: ReadingEntry, now = Date.now()): Promise<void> {
  await send({ op: 'restore', entry, now });
}

/**
 * Merges entries from elsewhere (an import; another device) and removals made elsewhere (key → when) into the list,
 * field group by field group: nothing newer here is overwritten, nothing removed later comes back (./merge.ts).
 */
/** What a merge changed (./apply.ts) */
export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries here removed by a removal from elsewhere */
  removed: number;
  /** Incoming entries not taken: removed here after they last changed */
  removedLater: number;
  /**
   * Incoming entries whose merge with the one here would not be a valid entry (./apply.ts): the one here kept as it
   * is, the other left where it came from. Only there when some were.
   */
  refused?: number;
}

export function mergeEntries(
  entries: ReadingEntry[],
  removals: Record<string, number> = {},
): Promise<MergeCounts> {
  return send({ op: 'merge', entries, removals }) as Promise<MergeCounts>;
}

/** Stores, as they are, records of a newer version (from an export) where nothing is stored under their keys. */
export function keepRecords(records: { key: string; value: unknown }[]): Promise<number> {
  return records.length ? (send({ op: 'keep', records }) as Promise<number>) : Promise.resolve(0);
}
