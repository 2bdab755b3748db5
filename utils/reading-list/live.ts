// Live entries for many small views at once (the save control of every pair on a page): the keys wanted in the
// same task are read in ONE storage call, and ONE storage listener serves them all.

import { warn } from '../warn';
import type { ReadingEntry } from './entry';
import { getEntries, watchEntries } from './store';

type Listener = (entry: ReadingEntry | null) => void;

const listeners = new Map<string, Set<Listener>>();
const known = new Map<string, ReadingEntry | null>();
let toRead = new Set<string>();
let unwatch: (() => void) | null = null;

function flush() {
  const keys = [...toRead];
  toRead = new Set();
  if (!keys.length) return;
  getEntries(keys)
    .then((found) => {
      for (const [k, e] of found) {
        if (known.has(k)) continue; // a change arrived first: it is newer
        known.set(k, e);
        for (const l of listeners.get(k) ?? []) l(e);
      }
    })
    .catch(warn);
}

/** Calls `cb` with the entry now and on every change; returns the unsubscribe function. */
export function subscribeEntry(key: string, cb: Listener): () => void {
  unwatch ??= watchEntries((changed) => {
    for (const [k, e] of changed) {
      if (!listeners.has(k)) continue;
      known.set(k, e);
      for (const l of listeners.get(k) ?? []) l(e);
    }
  });
  let set = listeners.get(key);
  if (!set) {
    set = new Set();
    listeners.set(key, set);
  }
  set.add(cb);
  if (known.has(key)) cb(known.get(key) ?? null);
  else {
    if (!toRead.size) queueMicrotask(flush);
    toRead.add(key);
  }
  return () => {
    set.delete(cb);
    if (set.size) return;
    listeners.delete(key);
    known.delete(key);
    if (!listeners.size) {
      unwatch?.();
      unwatch = null;
    }
  };
}
