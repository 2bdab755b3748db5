// The reading list in extension storage. THIS MODULE OWNS EVERY READING-LIST ENTRY KEY: nothing else reads or
// writes them (the popup, the page, the options page and the background all call these functions). The one other
// key, a derived preview of the top of the list for the popup, is ./preview.ts's.
//
// Design for "no lost updates": ONE STORAGE KEY PER ENTRY (`kvl-item:<key>` in storage.local, key = document id or
// `<id>#vraag-N`) plus one schema-version value (`kvl-schema`), and ONE WRITER: every change is an operation on one
// entry (see ListOp below) that the background applies in that key's queue, on the entry as stored at that moment,
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
import { getKeys, removeKeys, setKeys, snapshot, storedValue } from '../stored';
import {
  completeEntry,
  type DocumentFacts,
  entryProblem,
  isEntry,
  isNewerRecord,
  type ReadingEntry,
  readEntry,
  upgradeEntry,
} from './entry';
import { GONE_PREFIX, ITEM_PREFIX, SCHEMA_KEY, SCHEMA_VERSION } from './keys';
import {
  addTo,
  completeIn,
  mergeSlot,
  noteIn,
  readIn,
  removeFrom,
  restoreIn,
  type Slot,
  sameData,
  sameSlot,
} from './merge';

export { GONE_PREFIX, ITEM_PREFIX, SCHEMA_VERSION };

const itemKey = (key: string) => ITEM_PREFIX + key;
const goneKey = (key: string) => GONE_PREFIX + key;

export const schemaVersion = storedValue<number | null>(SCHEMA_KEY, null);

/**
 * Migrations from version n to n+1, each given every stored entry value (unvalidated) and returning the new value
 * (or null to drop one that cannot be carried over, which a migration must never do to a valid entry).
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown> | null;
export const MIGRATIONS: Record<number, Migration> = {
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
function ensureSchema(): Promise<unknown> {
  ready ??= migrate().catch((err) => {
    ready = null;
    throw err;
  });
  return ready;
}

/** Test hook: forget that this context already migrated (fakeBrowser.reset() clears storage under it). */
export function resetForTests(): void {
  ready = null;
  queues.clear();
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

// Per-key queue: changes of the same entry in this context run one after the other; a batch waits for all its keys.
const queues = new Map<string, Promise<unknown>>();
function queued<T>(keys: string[], job: () => Promise<T>): Promise<T> {
  const before = keys.map((k) => queues.get(k)).filter(Boolean);
  const wait = before.length === 0 ? Promise.resolve() : Promise.all(before);
  const run = wait.then(job, job);
  const tail = run.catch(() => {});
  for (const k of keys) queues.set(k, tail);
  void tail.then(() => {
    for (const k of keys) if (queues.get(k) === tail) queues.delete(k);
  });
  return run;
}

/**
 * Read-modify-write of some entries' slots (the entry and its removal time), in their keys' queues: `change` is
 * given each key's slot as stored at that moment and returns the new one. A stored value this version cannot read
 * (a newer version's record) is left as it is: `change` is not asked about it. Returns the new slots.
 */
function update(keys: string[], change: (key: string, slot: Slot) => Slot): Promise<Map<string, Slot>> {
  return queued(keys, async () => {
    await ensureSchema();
    const stored = await getKeys(
      'local',
      keys.flatMap((k) => [itemKey(k), goneKey(k)]),
    );
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    const out = new Map<string, Slot>();
    for (const k of keys) {
      const raw = stored[itemKey(k)];
      const entry = readEntry(raw, k);
      if (raw !== undefined && !entry) continue;
      const at = stored[goneKey(k)];
      const old: Slot = { entry, gone: typeof at === 'number' ? at : null };
      const next = change(k, old);
      out.set(k, next);
      if (sameSlot(old, next)) continue;
      if (next.entry && (!isEntry(next.entry) || next.entry.key !== k))
        throw new Error(`invalid reading-list entry: ${entryProblem(next.entry)}`);
      if (next.entry) set[itemKey(k)] = next.entry;
      else if (old.entry) remove.push(itemKey(k));
      if (next.gone !== null) set[goneKey(k)] = next.gone;
      else if (old.gone !== null) remove.push(goneKey(k));
    }
    if (Object.keys(set).length) await setKeys('local', set);
    if (remove.length) await removeKeys('local', remove);
    return out;
  });
}

async function updateOne(key: string, change: (slot: Slot) => Slot): Promise<Slot | null> {
  return (await update([key], (_, slot) => change(slot))).get(key) ?? null;
}

/**
 * Saves an entry. Saving again is a no-op (no duplicates; the user's read state and note stay), except that a
 * partial entry (saved from a link) is completed by a full one.
 */
async function localAdd(entry: ReadingEntry, now: number): Promise<{ entry: ReadingEntry; added: boolean }> {
  let added = false;
  const slot = await updateOne(entry.key, (old) => {
    added = !old.entry;
    return addTo(old, entry, now);
  });
  return { entry: slot?.entry ?? entry, added };
}

async function entryAfter(key: string, change: (slot: Slot) => Slot): Promise<ReadingEntry | null> {
  let changed = false;
  const slot = await updateOne(key, (old) => {
    const next = change(old);
    changed = next !== old;
    return next;
  });
  return changed ? (slot?.entry ?? null) : null;
}

/** Removes an entry and returns it (for undo). */
async function localRemove(key: string, now: number): Promise<ReadingEntry | null> {
  let removed: ReadingEntry | null = null;
  await updateOne(key, (old) => {
    removed = old.entry;
    return removeFrom(old, now);
  });
  return removed;
}

/**
 * Merges copies of entries from elsewhere (an import, another device through sync) and removals made elsewhere
 * (key → when) with what is stored, each on its key as stored at that moment (./merge.ts). Returns what changed.
 */
async function localMerge(entries: ReadingEntry[], removals: Record<string, number> = {}) {
  const incoming = new Map<string, Slot>();
  for (const e of entries) {
    if (!isEntry(e)) throw new Error(`invalid reading-list entry: ${entryProblem(e)}`);
    incoming.set(e.key, { entry: e, gone: null });
  }
  for (const [k, at] of Object.entries(removals)) {
    if (typeof at !== 'number') continue;
    incoming.set(k, { entry: incoming.get(k)?.entry ?? null, gone: at });
  }
  const counts = { added: 0, updated: 0, unchanged: 0, removed: 0, removedLater: 0 };
  if (!incoming.size) return counts;
  await update([...incoming.keys()], (k, old) => {
    const theirs = incoming.get(k) as Slot;
    const next = mergeSlot(old, theirs);
    if (!old.entry && next.entry) counts.added++;
    else if (old.entry && !next.entry) counts.removed++;
    else if (theirs.entry && !next.entry) counts.removedLater++;
    else if (theirs.entry && !sameData(old.entry, next.entry)) counts.updated++;
    else if (theirs.entry) counts.unchanged++;
    return next;
  });
  return counts;
}

export type MergeCounts = Awaited<ReturnType<typeof localMerge>>;

/** Largest record kept unread (a newer version's entry), as JSON characters */
const MAX_KEPT_CHARS = 64_000;

/**
 * Stores records this version cannot read (a newer version's, from an export) under keys where nothing is stored,
 * as they are, so that a newer version finds them again. Returns how many were stored.
 */
async function localKeep(records: { key: string; value: unknown }[]): Promise<number> {
  const ok = records.filter(
    (r) =>
      typeof r.key === 'string' &&
      typeof r.value === 'object' &&
      r.value !== null &&
      (JSON.stringify(r.value)?.length ?? Infinity) <= MAX_KEPT_CHARS,
  );
  if (!ok.length) return 0;
  const keys = ok.map((r) => r.key);
  return queued(keys, async () => {
    await ensureSchema();
    const stored = await getKeys('local', keys.map(itemKey));
    const put: Record<string, unknown> = {};
    for (const r of ok) if (stored[itemKey(r.key)] === undefined) put[itemKey(r.key)] = r.value;
    if (Object.keys(put).length) await setKeys('local', put);
    return Object.keys(put).length;
  });
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
  | { op: 'complete'; doc: DocumentFacts; now: number }
  | { op: 'remove'; key: string; now: number }
  | { op: 'restore'; entry: ReadingEntry; now: number }
  | { op: 'merge'; entries: ReadingEntry[]; removals?: Record<string, number> }
  | { op: 'keep'; records: { key: string; value: unknown }[] };

/** Applies an operation here (the background; unit tests). Throws on a malformed one. */
export function applyOp(op: ListOp): Promise<unknown> {
  switch (op.op) {
    case 'add':
      return localAdd(op.entry, op.now);
    case 'read':
      return entryAfter(op.key, (slot) => readIn(slot, op.read, op.now));
    case 'note':
      return entryAfter(op.key, (slot) => noteIn(slot, op.note, op.now));
    case 'complete':
      return op.doc.id
        ? entryAfter(op.doc.id, (slot) =>
            completeIn(slot, (old) => completeEntry(old, op.doc, op.now), op.now),
          )
        : Promise.resolve(null);
    case 'remove':
      return localRemove(op.key, op.now);
    case 'restore':
      return entryAfter(op.entry.key, (slot) => restoreIn(slot, op.entry, op.now));
    case 'merge':
      return localMerge(op.entries, op.removals);
    case 'keep':
      return localKeep(op.records);
    default:
      return Promise.reject(new Error('unknown reading-list operation'));
  }
}

/** Where operations go: applied here, unless this context sends them to the background. */
let send: (op: ListOp) => Promise<unknown> = applyOp;

/** This context (a page, the popup, the options page) sends its changes of the list to the background. */
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
