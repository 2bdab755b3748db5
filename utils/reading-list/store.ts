// The reading list in extension storage. THIS MODULE OWNS EVERY READING-LIST ENTRY KEY: nothing else reads or
// writes them (the popup, the page, the options page and the background all call these functions). The one other
// key, a derived preview of the top of the list for the popup, is ./preview.ts's.
//
// Design for "no lost updates": ONE STORAGE KEY PER ENTRY (`kvl-item:<key>` in storage.local, key = document id or
// `<id>#vraag-N`) plus one schema-version value (`kvl-schema`), and ONE WRITER: every change is an operation on one
// entry (see ListOp below) that the background applies in that key's queue, on the entry as stored at that moment.
// Saves of different entries never touch each other's keys; edits of the same entry from the popup, a page and
// another popup at the same moment are applied one after the other, each changing only its own field, so both land.
// Pages and extension pages send their operations to the background by message (./writer.ts); a service worker
// that is asleep is woken by the message. A write that fails is reported to the control that asked for it.
//
// storage.local is the source of truth and keeps everything; storage.sync (when the user turns it on) is a mirror
// managed by ./sync.ts.

import { browser } from '#imports';
import { getKeys, removeKeys, setKeys, snapshot, storedValue } from '../stored';
import { completeEntry, type DocumentFacts, entryProblem, isEntry, type ReadingEntry } from './entry';
import { GONE_PREFIX, ITEM_PREFIX, SCHEMA_KEY, SCHEMA_VERSION } from './keys';

export { GONE_PREFIX, ITEM_PREFIX, SCHEMA_VERSION };

const itemKey = (key: string) => ITEM_PREFIX + key;
const goneKey = (key: string) => GONE_PREFIX + key;

export const schemaVersion = storedValue<number | null>(SCHEMA_KEY, null);

/**
 * Migrations from version n to n+1, each given every stored entry value (unvalidated) and returning the new value
 * (or null to drop one that cannot be carried over, which a migration must never do to a valid entry).
 * Version 1 is the first version; later versions add their step here, e.g. `1: (old) => ({ ...old, tags: [] })`.
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown> | null;
export const MIGRATIONS: Record<number, Migration> = {};

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
        if (typeof v === 'object' && v !== null) raw.set(k, step(v as Record<string, unknown>));
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

/** Every valid entry (newest first). Invalid stored values are skipped, never deleted. */
export async function listEntries(): Promise<ReadingEntry[]> {
  await ensureSchema();
  const raw = await rawItems();
  const entries: ReadingEntry[] = [];
  for (const [k, v] of raw) {
    if (isEntry(v) && v.key === k) entries.push(v);
    else console.warn('[Kamervragen Lezer] skipped stored reading-list value', k, entryProblem(v));
  }
  return entries.sort((a, b) => b.addedAt - a.addedAt);
}

export async function getEntry(key: string): Promise<ReadingEntry | null> {
  await ensureSchema();
  const v = (await getKeys('local', [itemKey(key)]))[itemKey(key)];
  return isEntry(v) ? v : null;
}

// Per-key queue: edits of the same entry from this page run one after the other.
const queues = new Map<string, Promise<unknown>>();
function queued<T>(key: string, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(job, job);
  const tail = run.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/** Read-modify-write of one entry. `change` returns the new entry, or null to leave it as it is. */
function update(
  key: string,
  change: (old: ReadingEntry | null) => ReadingEntry | null,
): Promise<ReadingEntry | null> {
  return queued(key, async () => {
    await ensureSchema();
    const old = await getEntry(key);
    const next = change(old);
    if (!next) return old;
    if (!isEntry(next) || next.key !== key)
      throw new Error(`invalid reading-list entry: ${entryProblem(next)}`);
    await setKeys('local', { [itemKey(key)]: next });
    if (!old) await removeKeys('local', goneKey(key)); // saved again: no longer removed
    return next;
  });
}

/**
 * Saves an entry. Saving again is a no-op (no duplicates; the user's read state and note stay), except that a
 * partial entry (saved from a link) is completed by a full one.
 */
async function localAdd(entry: ReadingEntry): Promise<{ entry: ReadingEntry; added: boolean }> {
  let added = false;
  const result = await update(entry.key, (old) => {
    if (!old) {
      added = true;
      return entry;
    }
    if (old.partial && !entry.partial) {
      return { ...entry, addedAt: old.addedAt, read: old.read, readAt: old.readAt, note: old.note };
    }
    return null;
  });
  return { entry: result ?? entry, added };
}

function localSetRead(key: string, read: boolean, now: number): Promise<ReadingEntry | null> {
  return update(key, (old) =>
    old && old.read !== read ? { ...old, read, readAt: read ? now : null, updatedAt: now } : null,
  );
}

function localSetNote(key: string, note: string, now: number): Promise<ReadingEntry | null> {
  return update(key, (old) => (old && old.note !== note ? { ...old, note, updatedAt: now } : null));
}

/** Fills in a partial entry of this document (saved from a link) now that the document is open. */
function localComplete(doc: DocumentFacts, now: number): Promise<ReadingEntry | null> {
  const id = doc.id;
  if (!id) return Promise.resolve(null);
  return update(id, (old) => (old?.partial ? completeEntry(old, doc, now) : null));
}

/** Removes an entry and returns it (for undo). */
function localRemove(key: string, now: number): Promise<ReadingEntry | null> {
  return queued(key, async () => {
    await ensureSchema();
    const old = await getEntry(key);
    await removeKeys('local', itemKey(key));
    if (old) await setKeys('local', { [goneKey(key)]: now });
    return old;
  });
}

/**
 * Undo of a removal: puts the entry back as it was (its changed-time moves to now, so it is newer than the removal
 * everywhere sync carried that), unless it was saved again meanwhile.
 */
async function localRestore(entry: ReadingEntry, now: number): Promise<void> {
  await update(entry.key, (old) => (old ? null : { ...entry, updatedAt: Math.max(now, entry.updatedAt) }));
}

/** Writes many entries at once (import, sync): each key on its own, so nothing else is touched. */
async function localPut(entries: ReadingEntry[]): Promise<void> {
  await ensureSchema();
  for (const e of entries) if (!isEntry(e)) throw new Error(`invalid reading-list entry: ${entryProblem(e)}`);
  if (!entries.length) return;
  await setKeys('local', Object.fromEntries(entries.map((e) => [itemKey(e.key), e])));
  await removeKeys(
    'local',
    entries.map((e) => goneKey(e.key)),
  );
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

/** Removal that came from another device: applies only when the entry here did not change after it. */
export function removeIfNotNewer(key: string, removedAt: number): Promise<boolean> {
  return queued(key, async () => {
    await ensureSchema();
    const old = await getEntry(key);
    if (old && old.updatedAt > removedAt) return false;
    if (old) await removeKeys('local', itemKey(key));
    await setKeys('local', { [goneKey(key)]: removedAt });
    return old !== null;
  });
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
      const v = change.newValue;
      changed.set(k.slice(ITEM_PREFIX.length), isEntry(v) ? v : null);
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
    const value = values[itemKey(k)];
    out.set(k, isEntry(value) && value.key === k ? value : null);
  }
  return out;
}

// ONE WRITER. Every change of the list is an operation on one entry (or a batch of whole entries: import), applied
// by the background, one key at a time, each on the entry as it is stored then: a note saved in the popup and "read"
// clicked in a page at the same moment both land. The popup, the options page and the content scripts send their
// operations to the background (writeThroughBackground); the background, and unit tests, apply them here.

export type ListOp =
  | { op: 'add'; entry: ReadingEntry }
  | { op: 'read'; key: string; read: boolean; now: number }
  | { op: 'note'; key: string; note: string; now: number }
  | { op: 'complete'; doc: DocumentFacts; now: number }
  | { op: 'remove'; key: string; now: number }
  | { op: 'restore'; entry: ReadingEntry; now: number }
  | { op: 'put'; entries: ReadingEntry[] };

/** Applies an operation here (the background; unit tests). Throws on a malformed one. */
export function applyOp(op: ListOp): Promise<unknown> {
  switch (op.op) {
    case 'add':
      return localAdd(op.entry);
    case 'read':
      return localSetRead(op.key, op.read, op.now);
    case 'note':
      return localSetNote(op.key, op.note, op.now);
    case 'complete':
      return localComplete(op.doc, op.now);
    case 'remove':
      return localRemove(op.key, op.now);
    case 'restore':
      return localRestore(op.entry, op.now);
    case 'put':
      return localPut(op.entries);
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
export function addEntry(entry: ReadingEntry): Promise<{ entry: ReadingEntry; added: boolean }> {
  return send({ op: 'add', entry }) as Promise<{ entry: ReadingEntry; added: boolean }>;
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

/** Writes many entries at once (import): each key on its own, so nothing else is touched. */
export async function putEntries(entries: ReadingEntry[]): Promise<void> {
  await send({ op: 'put', entries });
}

/**
 * Takes an entry from another device when it is newer than the one here, decided on the entry as stored at that
 * moment (in its key's queue): an edit made here meanwhile is never overwritten by an older copy. Background only.
 */
export function takeIfNewer(entry: ReadingEntry, removedAt: number): Promise<boolean> {
  let taken = false;
  return update(entry.key, (old) => {
    if (entry.updatedAt <= removedAt || (old && entry.updatedAt <= old.updatedAt)) return null;
    taken = true;
    return entry;
  }).then(() => taken);
}
