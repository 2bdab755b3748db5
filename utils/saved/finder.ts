// The search index over the saved copies as it is kept: stored with what it holds (each document's id and when its
// copy was saved), and caught up with the copies whenever it is opened, so a copy written while the index was not
// (a background stopped before it stored the index) is found all the same. Derived data: it can always be rebuilt.

import type { SavedCopy } from './copy';
import { copyStamps, getCopies, getSearchIndex, putSearchIndex } from './db';
import { type CopyIndex, indexCopy, loadIndex, newIndex, unindex } from './search';

interface StoredFinder {
  /** The index's JSON: one string reads back from IndexedDB far faster than the same data as objects */
  index: string;
  stamps: Record<string, number>;
}

export interface Finder {
  index: CopyIndex;
  /** What the index holds: document id → the savedAt of the copy it indexed */
  stamps: Map<string, number>;
}

/** Copies read at a time while catching up (each is tens of KB). */
const BATCH = 50;

function isStoredFinder(v: unknown): v is StoredFinder {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<StoredFinder>;
  return typeof f.index === 'string' && typeof f.stamps === 'object' && f.stamps !== null;
}

/** The stored index, brought up to date with the copies; `changed` when it had to be. */
export async function openFinder(): Promise<{ finder: Finder; changed: boolean }> {
  const [stored, copies] = await Promise.all([getSearchIndex(), copyStamps()]);
  const finder: Finder = isStoredFinder(stored)
    ? { index: await loadIndex(stored.index), stamps: new Map(Object.entries(stored.stamps)) }
    : { index: newIndex(), stamps: new Map() };
  return { finder, changed: await catchUp(finder, copies) };
}

/** Brings the index up to date with the copies as they are now (`copies`: copyStamps()); whether it changed. */
export async function catchUp(finder: Finder, copies: Map<string, number>): Promise<boolean> {
  const gone = [...finder.stamps.keys()].filter((id) => !copies.has(id));
  for (const id of gone) forgetCopy(finder, id);
  const stale = [...copies].filter(([id, at]) => finder.stamps.get(id) !== at).map(([id]) => id);
  for (let i = 0; i < stale.length; i += BATCH) {
    for (const copy of (await getCopies(stale.slice(i, i + BATCH))).values()) noteCopy(finder, copy);
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
    index: JSON.stringify(finder.index),
    stamps: Object.fromEntries(finder.stamps),
  };
  return putSearchIndex(stored);
}
