// The one writer's side of the reading list: applies operations (store.ts ListOp) to what is stored, each in its
// key's queue, on the entry as stored at that moment, by the rules of ./merge.ts. Only the background (and unit
// tests) import this module; importing it makes this context apply its own operations.

import { getKeys, removeKeys, setKeys } from '../stored';
import { completeEntry, entryProblem, isEntry, type ReadingEntry, readEntry, sameData } from './entry';
import {
  addTo,
  completeIn,
  mergeSlot,
  noteIn,
  readIn,
  removeFrom,
  restoreIn,
  type Slot,
  sameSlot,
  tagIn,
} from './merge';
import {
  ensureSchema,
  goneKey,
  itemKey,
  type ListOp,
  type MergeCounts,
  onResetForTests,
  sendOperationsTo,
} from './store';

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
 * (a newer version's record) is left as it is: `change` is not asked about it. A new slot whose entry is not a valid
 * one throws, unless `refuse` is given: then that key keeps what is stored, `refuse` is told, and the other keys are
 * written (one entry that cannot be merged never stops a batch). Returns the new slots (the stored one for a key
 * refused).
 */
function update(
  keys: string[],
  change: (key: string, slot: Slot) => Slot,
  refuse?: (key: string, problem: string) => void,
): Promise<Map<string, Slot>> {
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
      if (next.entry && (!isEntry(next.entry) || next.entry.key !== k)) {
        const problem = entryProblem(next.entry) ?? 'key';
        if (!refuse) throw new Error(`invalid reading-list entry: ${problem}`);
        refuse(k, problem);
        out.set(k, old);
        continue;
      }
      out.set(k, next);
      if (sameSlot(old, next)) continue;
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
 * (key → when) with what is stored, each on its key as stored at that moment (./merge.ts). Returns what changed. A key
 * whose merge would not be a valid entry keeps what is stored (both copies stay: the other one where it came from),
 * is counted as `refused` and warned about; the others are merged.
 */
async function localMerge(
  entries: ReadingEntry[],
  removals: Record<string, number> = {},
): Promise<MergeCounts> {
  const incoming = new Map<string, Slot>();
  for (const e of entries) {
    if (!isEntry(e)) throw new Error(`invalid reading-list entry: ${entryProblem(e)}`);
    // read as stored ones are: its tags in their canonical form
    incoming.set(e.key, { entry: readEntry(e) as ReadingEntry, gone: null });
  }
  for (const [k, at] of Object.entries(removals)) {
    if (typeof at !== 'number') continue;
    incoming.set(k, { entry: incoming.get(k)?.entry ?? null, gone: at });
  }
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, removed: 0, removedLater: 0 };
  if (!incoming.size) return counts;
  type Count = 'added' | 'updated' | 'unchanged' | 'removed' | 'removedLater';
  const counted = new Map<string, Count>();
  let refused = 0;
  await update(
    [...incoming.keys()],
    (k, old) => {
      const theirs = incoming.get(k) as Slot;
      const next = mergeSlot(old, theirs);
      if (!old.entry && next.entry) counted.set(k, 'added');
      else if (old.entry && !next.entry) counted.set(k, 'removed');
      else if (theirs.entry && !next.entry) counted.set(k, 'removedLater');
      else if (theirs.entry && !sameData(old.entry, next.entry)) counted.set(k, 'updated');
      else if (theirs.entry) counted.set(k, 'unchanged');
      return next;
    },
    (k, problem) => {
      counted.delete(k);
      refused++;
      console.warn('[Kamervragen Lezer] reading-list merge refused, the stored entry kept:', k, problem);
    },
  );
  for (const c of counted.values()) counts[c]++;
  if (refused) counts.refused = refused;
  return counts;
}

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

/** Applies an operation here (the background; unit tests). Throws on a malformed one. */
export function applyOp(op: ListOp): Promise<unknown> {
  switch (op.op) {
    case 'add':
      return localAdd(op.entry, op.now);
    case 'read':
      return entryAfter(op.key, (slot) => readIn(slot, op.read, op.now));
    case 'note':
      return entryAfter(op.key, (slot) => noteIn(slot, op.note, op.now));
    case 'tag':
      return typeof op.tag === 'string' && typeof op.on === 'boolean'
        ? entryAfter(op.key, (slot) => tagIn(slot, op.tag, op.on, op.now))
        : Promise.reject(new Error('reading list: malformed tag operation'));
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

sendOperationsTo(applyOp);
onResetForTests(() => queues.clear());
