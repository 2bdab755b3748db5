// The related documents of one page: loaded once asked for (the navigator in view, "compare" opened) and never before
// the view is ready; from the cache when fresh, else fetched, at most 3 at a time. Components subscribe to its states.

import type { RelatedFacts } from './facts';
import type { Loaded, RequestSlot } from './fetch';
import { limiter } from './limit';

export type RelatedState = { state: 'loading' } | Loaded;

/** Where facts come from and go to (the real ones in ./source.ts; tests give their own). */
export interface RelatedSource {
  readCached(ids: readonly string[]): Promise<Map<string, RelatedFacts>>;
  /** Its request waits for `slot` (at most MAX_REQUESTS at a time); its parse does not hold the slot */
  fetchFacts(id: string, slot: RequestSlot): Promise<Loaded>;
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
  /** The view is ready: from now on `load()` loads (and a load asked for before starts now). The cache is read now
   * (a storage read, no request), so that a load asked for later only waits for the network. */
  allow(): void;
  /** Calls `cb` after every change of state; returns the unsubscribe. */
  subscribe(cb: () => void): () => void;
  /** Counts the changes of state: a component that subscribes after rendering sees whether it missed one */
  version(): number;
  /** The page's view is gone: no more changes. */
  stop(): void;
}

/** At most this many requests to the site at a time. */
const MAX_REQUESTS = 3;

export function relatedLoader(ids: readonly string[], source: RelatedSource): RelatedLoader {
  const states = new Map<string, RelatedState>();
  const listeners = new Set<() => void>();
  let allowed = false;
  let asked = false;
  let started = false;
  let stopped = false;
  let changes = 0;
  const emit = () => {
    changes++;
    if (!stopped) for (const cb of listeners) cb();
  };
  const settle = (id: string, loaded: Loaded) => {
    if (stopped) return;
    states.set(id, loaded);
    emit();
  };
  let cache: Promise<Map<string, RelatedFacts>> | null = null;
  const readCache = () => {
    // No cache (unreadable): fetch them all.
    cache ??= source.readCached(ids).catch(() => new Map<string, RelatedFacts>());
    return cache;
  };
  const start = async () => {
    started = true;
    for (const id of ids) states.set(id, { state: 'loading' });
    emit();
    const cached = await readCache();
    const slot = limiter(MAX_REQUESTS);
    for (const id of ids) {
      const facts = cached.get(id);
      if (facts) {
        settle(id, { state: 'ok', facts });
        continue;
      }
      // Once the view is gone, a request still waiting for its slot is never made.
      const request: RequestSlot = (job) => slot(() => (stopped ? new Promise<never>(() => {}) : job()));
      void source.fetchFacts(id, request).then((loaded) => {
        settle(id, loaded);
        if (loaded.state === 'ok') source.remember(loaded.facts);
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
      void readCache();
      if (asked) this.load();
    },
    version: () => changes,
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
