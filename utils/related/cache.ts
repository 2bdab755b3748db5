// The cache of related documents' facts in storage.local: shared by every tab, valid for a day, bounded in size.
// Tabs read it; only the background writes it (one writer: the index of entries never races).
//   related:<id>    { at, facts }      one key per document: a page reads just the ones it names
//   related-index   { <id>: at }       what is cached, for evicting the oldest

import { RELATED_INDEX, RELATED_PREFIX } from '../storage';
import { getKeys, removeKeys, setKeys } from '../stored';
import { isRelatedFacts, type RelatedFacts } from './facts';

const INDEX = RELATED_INDEX.key;
/** Facts older than this are fetched again (an answer's facts do not change, a kv page's list of answers does) */
export const CACHE_MS = 24 * 60 * 60 * 1000;
/** Documents kept at most; the oldest go first. About 10 KB each (their answers' text): well within storage.local. */
export const MAX_ENTRIES = 200;

const keyOf = (id: string) => `${RELATED_PREFIX}${id}`;

interface Cached {
  at: number;
  facts: RelatedFacts;
}

function isCached(v: unknown): v is Cached {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Cached).at === 'number' &&
    isRelatedFacts((v as Cached).facts)
  );
}

/** The cached facts of those of `ids` that are fresh, in one storage read. */
export async function readCached(
  ids: readonly string[],
  now = Date.now(),
): Promise<Map<string, RelatedFacts>> {
  const got = await getKeys('local', ids.map(keyOf));
  const out = new Map<string, RelatedFacts>();
  for (const id of ids) {
    const v = got[keyOf(id)];
    if (isCached(v) && v.facts.id === id && now - v.at < CACHE_MS && v.at <= now) out.set(id, v.facts);
  }
  return out;
}

/** Writes one at a time (the index is read, changed and written back). */
let writes: Promise<unknown> = Promise.resolve();

/** Stores facts and drops what is expired, and the oldest beyond MAX_ENTRIES. Background only, one write at a time. */
export function writeCached(facts: RelatedFacts, now = Date.now()): Promise<void> {
  const run = writes.then(() => write(facts, now));
  writes = run.catch(() => {});
  return run;
}

async function write(facts: RelatedFacts, now: number): Promise<void> {
  const index = (await getKeys('local', [INDEX]))[INDEX];
  const entries: Record<string, number> =
    typeof index === 'object' && index !== null ? { ...(index as Record<string, number>) } : {};
  entries[facts.id] = now;
  const keep = Object.entries(entries)
    .filter(([, at]) => typeof at === 'number' && now - at < CACHE_MS && at <= now)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_ENTRIES);
  const kept = new Set(keep.map(([id]) => id));
  const gone = Object.keys(entries).filter((id) => !kept.has(id));
  await setKeys('local', { [keyOf(facts.id)]: { at: now, facts }, [INDEX]: Object.fromEntries(keep) });
  if (gone.length) await removeKeys('local', gone.map(keyOf));
}
