// Related answers: matching question numbers across differently grouped documents, the page's loader (cache first,
// at most 3 requests, nothing before the view is ready) and the shared cache (a day, bounded).

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CACHE_MS, MAX_ENTRIES, readCached, writeCached } from '../../utils/related/cache';
import { isRelatedFacts, type RelatedFacts } from '../../utils/related/facts';
import type { Loaded, RequestSlot } from '../../utils/related/fetch';
import { relatedLoader } from '../../utils/related/loader';
import { answersTo, labelNumbers, type RelatedPair } from '../../utils/related/match';

const pair = (
  label: string,
  numbers: number[],
  answer: string | null = `antwoord ${label}`,
): RelatedPair => ({
  label,
  numbers,
  answer,
});

describe('labelNumbers', () => {
  it.each([
    ['Antwoord 1 t/m 3', [1, 2, 3]],
    ['Antwoord op vraag 1, 2 en 5', [1, 2, 5]],
    ['Vraag 2a', [2]],
    ['Antwoord op vragen 2a en 2b', [2]],
    ['Vraag 7, 8, 9 10 en 11', [7, 8, 9, 10, 11]],
    ['Antwoord', []],
  ])('%s → %j', (label, numbers) => {
    expect(labelNumbers(label)).toEqual(numbers);
  });
});

describe('answersTo: one question matched across groupings', () => {
  // The Financiën sibling of the fixtures: 1 t/m 3 together, 4 and 5 together, no question 9.
  const fin = [
    pair('Antwoord 1 t/m 3', [1, 2, 3]),
    pair('Antwoord 4 en 5', [4, 5]),
    pair('Antwoord 6', [6]),
    pair('Antwoord 7', [7]),
    pair('Antwoord 8', [8]),
  ];
  const az = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => pair(`Antwoord ${n}`, [n]));

  it('shows a joint answer ("1 t/m 3") for each question it covers, marked joint', () => {
    for (const n of [1, 2, 3]) {
      expect(answersTo([n], fin)).toEqual([{ pair: fin[0], joint: true }]);
    }
  });

  it('a grouped question here ("1 en 2") gets each of the sibling\'s separate answers, not joint', () => {
    expect(answersTo([1, 2], az)).toEqual([
      { pair: az[0], joint: false },
      { pair: az[1], joint: false },
    ]);
  });

  it('the same grouping on both sides is not joint; a wider one is', () => {
    expect(answersTo([4, 5], fin)).toEqual([{ pair: fin[1], joint: false }]);
    expect(answersTo([6, 7], fin)).toEqual([
      { pair: fin[2], joint: false },
      { pair: fin[3], joint: false },
    ]);
    expect(answersTo([1, 2], fin)).toEqual([{ pair: fin[0], joint: true }]);
  });

  it('"1, 2 en 5" matches 1, 2 and 5 but not 3', () => {
    const sibling = [pair('Antwoord 1, 2 en 5', [1, 2, 5]), pair('Antwoord 3', [3])];
    expect(answersTo([5], sibling)).toEqual([{ pair: sibling[0], joint: true }]);
    expect(answersTo([3], sibling)).toEqual([{ pair: sibling[1], joint: false }]);
  });

  it('"2a" and "2b" (numbers from their labels) are both answers to question 2', () => {
    const sibling = [pair('Antwoord 1', [1]), pair('Antwoord 2a', []), pair('Antwoord 2b', [])];
    expect(answersTo([2], sibling).map((m) => m.pair.label)).toEqual(['Antwoord 2a', 'Antwoord 2b']);
    expect(answersTo([1], sibling).map((m) => m.pair.label)).toEqual(['Antwoord 1']);
  });

  it('a sibling with fewer questions has no answer to the ones it lacks', () => {
    expect(answersTo([9], fin)).toEqual([]);
  });

  it('pairs without an answer (a mededeling, questions only) are no answer', () => {
    expect(answersTo([1], [pair('Vraag 1', [1], null)])).toEqual([]);
  });
});

const facts = (id: string, over: Partial<RelatedFacts> = {}): RelatedFacts => ({
  id,
  kind: 'antwoord',
  answeredBy: { role: 'Minister', name: 'Helder', ministry: 'Volksgezondheid, Welzijn en Sport' },
  date: '2024-02-16',
  subject: 'bijeenkomsten',
  pairs: [pair('Antwoord 1', [1])],
  mededeling: null,
  related: [],
  ...over,
});

describe('the cache of related facts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives back fresh facts, and nothing older than a day', async () => {
    const f = facts('ah-tk-20232024-1047');
    await writeCached(f, 1000);
    expect((await readCached([f.id, 'ah-tk-20232024-1059'], 2000)).get(f.id)).toEqual(f);
    expect((await readCached([f.id], 1000 + CACHE_MS)).size).toBe(0);
  });

  it(`keeps at most ${MAX_ENTRIES} documents, dropping the oldest`, async () => {
    for (let i = 0; i <= MAX_ENTRIES; i++) await writeCached(facts(`ah-tk-20232024-${i + 1}`), 10 + i);
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).filter((k) => k.startsWith('related:'))).toHaveLength(MAX_ENTRIES);
    expect(all['related:ah-tk-20232024-1']).toBeUndefined();
    expect(all[`related:ah-tk-20232024-${MAX_ENTRIES + 1}`]).toBeDefined();
  });

  it('ignores what is not facts (an older version, a damaged value)', async () => {
    await fakeBrowser.storage.local.set({
      'related:ah-tk-20232024-1047': { at: 1, facts: { id: 'ah-tk-20232024-1047', kind: 'x' } },
    });
    expect((await readCached(['ah-tk-20232024-1047'], 2)).size).toBe(0);
    expect(isRelatedFacts(facts('ah-tk-20232024-1047'))).toBe(true);
    expect(isRelatedFacts({ ...facts('ah-tk-20232024-1047'), id: 'javascript:alert(1)' })).toBe(false);
  });
});

describe('the loader of one page', () => {
  const ids = [
    'ah-tk-20232024-1047',
    'ah-tk-20232024-1059',
    'ah-tk-20232024-1060',
    'ah-tk-20232024-1061',
    'ah-tk-20232024-1062',
  ];

  function source(cached: RelatedFacts[] = []) {
    let running = 0;
    let most = 0;
    const fetched: string[] = [];
    const remembered: string[] = [];
    const release: (() => void)[] = [];
    return {
      fetched,
      remembered,
      most: () => most,
      releaseAll: () => {
        while (release.length) release.shift()?.();
      },
      readCached: async (asked: readonly string[]) =>
        new Map(cached.filter((f) => asked.includes(f.id)).map((f) => [f.id, f])),
      // The request waits for its slot; "running" counts requests in flight.
      fetchFacts: (id: string, slot: RequestSlot) =>
        slot(
          () =>
            new Promise<Loaded>((resolve) => {
              fetched.push(id);
              running++;
              most = Math.max(most, running);
              release.push(() => {
                running--;
                resolve(
                  id.endsWith('1061')
                    ? { state: 'failed', reason: 'notFound' }
                    : { state: 'ok', facts: facts(id) },
                );
              });
            }),
        ),
      remember: (f: RelatedFacts) => remembered.push(f.id),
    };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('loads nothing before the view is ready, even when asked', async () => {
    const s = source();
    const loader = relatedLoader(ids, s);
    loader.load();
    await settle();
    expect(s.fetched).toEqual([]);
    expect(loader.state(ids[0])).toBeNull();
    loader.allow();
    await settle();
    expect(s.fetched).toEqual(ids.slice(0, 3));
  });

  it('takes fresh facts from the cache and fetches the rest, at most 3 at a time', async () => {
    const s = source([facts(ids[0])]);
    const loader = relatedLoader(ids, s);
    loader.allow();
    loader.load();
    await settle();
    expect(loader.state(ids[0])).toEqual({ state: 'ok', facts: facts(ids[0]) });
    expect(s.fetched).toEqual(ids.slice(1, 4));
    expect(loader.state(ids[4])).toEqual({ state: 'loading' });
    for (let i = 0; i < 3; i++) {
      s.releaseAll();
      await settle();
    }
    expect(s.most()).toBe(3);
    expect(s.fetched).toEqual(ids.slice(1));
    expect(loader.state(ids[3])).toEqual({ state: 'failed', reason: 'notFound' });
    // Only what was fetched and worked is sent to the cache.
    expect(s.remembered).toEqual([ids[1], ids[2], ids[4]]);
  });

  it('loads once, however often asked; after stop, no more changes', async () => {
    const s = source();
    const loader = relatedLoader(ids.slice(0, 2), s);
    let changes = 0;
    loader.subscribe(() => changes++);
    loader.allow();
    loader.load();
    loader.load();
    await settle();
    expect(s.fetched).toEqual(ids.slice(0, 2));
    const before = changes;
    loader.stop();
    s.releaseAll();
    await settle();
    expect(changes).toBe(before);
  });
});
