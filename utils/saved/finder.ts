// The search index over the saved copies as it is kept: stored with what it holds (each document's id and when its
// copy was saved), and caught up with the copies whenever it is opened, so a copy written while the index was not
// (a background stopped before it stored the index) is found all the same. Derived data: it can always be rebuilt.

import type { SavedCopy } from './copy';
import { copyStamps, getCopies, getSearchIndex, putSearchIndex } from './db';
import { type CopyIndex, INDEX_VERSION, indexCopy, loadIndex, newIndex, unindex } from './search';

interface StoredFinder {
  version: number;
  /** The index's JSON: one string reads back from IndexedDB far faster than the same data as objects */
  index: string;
  stamps: Record<string, number>;
}

export interface Finder {
  index: CopyIndex;
  /** What the index has seen: document id → the savedAt of the stored record (only readable ones are indexed) */
  stamps: Map<string, number>;
}

/** Copies read at a time while catching up (each is tens of KB). */
const BATCH = 50;

function isStoredFinder(v: unknown): v is StoredFinder {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<StoredFinder>;
  return (
    f.version === INDEX_VERSION &&
    typeof f.index === 'string' &&
    typeof f.stamps === 'object' &&
    f.stamps !== null
  );
}

/** The stored index, brought up to date with the copies; `changed` when it had to be. */
export async function openFinder(): Promise<{ finder: Finder; changed: boolean }> {
  const [stored, copies] = await Promise.all([getSearchIndex(), copyStamps()]);
  // An index of another version, or one that cannot be read, is built again from the copies (its stamps go with it).
  const index = isStoredFinder(stored) ? await loadIndex(stored.index) : null;
  const finder: Finder =
    index && isStoredFinder(stored)
      ? { index, stamps: new Map(Object.entries(stored.stamps)) }
      : { index: newIndex(), stamps: new Map() };
  return { finder, changed: await catchUp(finder, copies) };
}

/** Brings the index up to date with the copies as they are now (`copies`: copyStamps()); whether it changed. */
export async function catchUp(finder: Finder, stored: Map<string, number>): Promise<boolean> {
  const gone = [...finder.stamps.keys()].filter((id) => !stored.has(id));
  for (const id of gone) forgetCopy(finder, id);
  const stale = [...stored].filter(([id, at]) => finder.stamps.get(id) !== at).map(([id]) => id);
  for (let i = 0; i < stale.length; i += BATCH) {
    const batch = stale.slice(i, i + BATCH);
    const copies = await getCopies(batch);
    for (const id of batch) {
      const copy = copies.get(id);
      if (copy) noteCopy(finder, copy);
      else {
        // A record this version cannot read (any more) is not searched: its old text leaves the index, and it is
        // marked seen at its time, not looked at again until it changes.
        unindex(finder.index, id);
        finder.stamps.set(id, stored.get(id) as number);
      }
    }
  }
  return gone.length > 0 || stale.length > 0;
}

export function noteCopy(finder: Finder, copy: SavedCopy): void {
  indexCopy(finder.index, copy);
  finder.stamps.set(copy.id, copy.savedAt);
}

export function forgetCopy(finder: Finder, id: string): void {
  unindex(finder.index, id);
  finder.stamps.delete(id);
}

export function storeFinder(finder: Finder): Promise<void> {
  const stored: StoredFinder = {
    version: INDEX_VERSION,
    index: JSON.stringify(finder.index),
    stamps: Object.fromEntries(finder.stamps),
  };
  return putSearchIndex(stored);
}
