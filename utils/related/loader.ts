// The related documents of one page: loaded once asked for (the navigator in view, "compare" opened) and never before
// the view is ready; from the cache when fresh, else fetched, at most 3 at a time. Components subscribe to its states.

import type { RelatedFacts } from './facts';
import type { Loaded } from './fetch';
import { limiter } from './limit';

export type RelatedState = { state: 'loading' } | Loaded;

/** Where facts come from and go to (the real ones in ./source.ts; tests give their own). */
export interface RelatedSource {
  readCached(ids: readonly string[]): Promise<Map<string, RelatedFacts>>;
  fetchFacts(id: string): Promise<Loaded>;
  /** Keep fetched facts for other tabs and later views */
  remember(facts: RelatedFacts): void;
}

export interface RelatedLoader {
  /** The related documents, in the order they are listed */
  readonly ids: readonly string[];
  /** null until loading was asked for */
  state(id: string): RelatedState | null;
  /** Loads every document (once). Before `allow()` it only notes that it was asked. */
  load(): void;
  /** The view is ready: from now on `load()` loads (and a load asked for before starts now). */
  allow(): void;
  /** Calls `cb` after every change of state; returns the unsubscribe. */
  subscribe(cb: () => void): () => void;
  /** The page's view is gone: no more changes. */
  stop(): void;
}

/** At most this many requests to the site at a time. */
export const MAX_REQUESTS = 3;

export function relatedLoader(ids: readonly string[], source: RelatedSource): RelatedLoader {
  const states = new Map<string, RelatedState>();
  const listeners = new Set<() => void>();
  let allowed = false;
  let asked = false;
  let started = false;
  let stopped = false;
  const emit = () => {
    if (!stopped) for (const cb of listeners) cb();
  };
  const settle = (id: string, loaded: Loaded) => {
    if (stopped) return;
    states.set(id, loaded);
    emit();
  };
  const start = async () => {
    started = true;
    for (const id of ids) states.set(id, { state: 'loading' });
    emit();
    let cached = new Map<string, RelatedFacts>();
    try {
      cached = await source.readCached(ids);
    } catch {
      // No cache: fetch them all.
    }
    const run = limiter(MAX_REQUESTS);
    for (const id of ids) {
      const facts = cached.get(id);
      if (facts) {
        settle(id, { state: 'ok', facts });
        continue;
      }
      void run(() => (stopped ? Promise.resolve(null) : source.fetchFacts(id))).then((loaded) => {
        if (!loaded) return;
        if (loaded.state === 'ok') source.remember(loaded.facts);
        settle(id, loaded);
      });
    }
  };
  return {
    ids,
    state: (id) => states.get(id) ?? null,
    load() {
      asked = true;
      if (allowed && !started && !stopped) void start();
    },
    allow() {
      allowed = true;
      if (asked) this.load();
    },
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    stop() {
      stopped = true;
      listeners.clear();
    },
  };
}
