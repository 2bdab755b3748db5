// Watched questions: when a kv document counts as answered, the budget of fetches per check, backing off on errors.

import { describe, expect, it } from 'vitest';
import type { RelatedFacts } from '../../utils/related/facts';
import type { Loaded } from '../../utils/related/fetch';
import {
  CHECK_EVERY_MS,
  checkWatched,
  isDue,
  isWatchable,
  MAX_FETCHES,
  mergeCheck,
  newWatch,
  unseenCount,
  validWatches,
  type Watch,
} from '../../utils/related/watch';

const NOW = Date.UTC(2024, 2, 1);
const KV = 'kv-tk-2024Z01722';

const facts = (id: string, over: Partial<RelatedFacts> = {}): RelatedFacts => ({
  id,
  kind: 'antwoord',
  answeredBy: { role: 'Minister-President', name: 'Rutte', ministry: 'Algemene Zaken' },
  date: '2024-02-12',
  subject: null,
  pairs: [],
  mededeling: null,
  related: [],
  ...over,
});

/** A site: kv pages list their answers; every load is counted. */
function site(pages: Record<string, Loaded>) {
  const loads: string[] = [];
  return {
    loads,
    load: async (id: string): Promise<Loaded> => {
      loads.push(id);
      return pages[id] ?? { state: 'failed', reason: 'notFound' };
    },
  };
}
const kv = (id: string, related: string[]): Loaded => ({
  state: 'ok',
  facts: facts(id, { kind: 'vragen', related }),
});

describe('checkWatched', () => {
  it('waiting → mededeling (the watch goes on) → answered (once: unseen, with who and when)', async () => {
    const pages: Record<string, Loaded> = { [KV]: kv(KV, []) };
    const s = site(pages);
    let all = await checkWatched({}, { ids: [KV], now: NOW, load: s.load });
    expect(all[KV]).toMatchObject({ state: 'waiting', answers: [], unseen: false, checkedAt: NOW });

    pages[KV] = kv(KV, ['ah-tk-20232024-1060']);
    pages['ah-tk-20232024-1060'] = {
      state: 'ok',
      facts: facts('ah-tk-20232024-1060', { kind: 'mededeling', date: '2024-02-19' }),
    };
    all = await checkWatched(all, { ids: [KV], now: NOW + CHECK_EVERY_MS, load: s.load });
    expect(all[KV]).toMatchObject({ state: 'mededeling', unseen: false, answeredFoundAt: null });

    pages[KV] = kv(KV, ['ah-tk-20232024-1060', 'ah-tk-20232024-1047']);
    pages['ah-tk-20232024-1047'] = { state: 'ok', facts: facts('ah-tk-20232024-1047') };
    const later = NOW + 2 * CHECK_EVERY_MS;
    all = await checkWatched(all, { ids: [KV], now: later, load: s.load });
    expect(all[KV]).toMatchObject({ state: 'answered', unseen: true, answeredFoundAt: later });
    expect(all[KV].answers).toEqual([
      {
        id: 'ah-tk-20232024-1060',
        kind: 'mededeling',
        date: '2024-02-19',
        by: 'Minister-President Rutte (Algemene Zaken)',
      },
      {
        id: 'ah-tk-20232024-1047',
        kind: 'antwoord',
        date: '2024-02-12',
        by: 'Minister-President Rutte (Algemene Zaken)',
      },
    ]);
    expect(unseenCount(all, new Set([KV]))).toBe(1);
    expect(unseenCount(all, new Set())).toBe(0);
    // Linked documents already known are not fetched again.
    expect(s.loads.filter((id) => id === 'ah-tk-20232024-1060')).toHaveLength(1);
    // Answered: not checked again.
    s.loads.length = 0;
    all = await checkWatched(
      { ...all, [KV]: { ...all[KV], unseen: false } },
      { ids: [KV], now: later + CHECK_EVERY_MS, load: s.load, force: true },
    );
    expect(s.loads).toEqual([]);
    expect(all[KV]).toMatchObject({ state: 'answered', unseen: false, answeredFoundAt: later });
  });

  it('a kv page that was answered already when it was saved is not news', async () => {
    const s = site({
      [KV]: kv(KV, ['ah-tk-20232024-1047']),
      'ah-tk-20232024-1047': { state: 'ok', facts: facts('ah-tk-20232024-1047') },
    });
    const all = await checkWatched({}, { ids: [KV], now: NOW, load: s.load });
    expect(all[KV]).toMatchObject({ state: 'answered', unseen: false, answeredFoundAt: null });
  });

  it('going offline during a check stops it; what was not checked stays as it was, and due', async () => {
    const other = 'kv-tk-2024Z09999';
    let online = true;
    const s = site({ [KV]: kv(KV, []), [other]: kv(other, []) });
    const load = async (id: string): Promise<Loaded> => {
      const r: Loaded = online ? await s.load(id) : { state: 'failed', reason: 'offline' };
      online = false;
      return r;
    };
    const all = await checkWatched({}, { ids: [KV, other], now: NOW, load });
    expect(all[KV]).toMatchObject({ checkedAt: NOW, failures: 0 });
    expect(all[other]).toEqual(newWatch());
    expect(isDue(all[other], NOW)).toBe(true);
  });

  it("merges a check with what the popup did meanwhile: the reader's switch and what was seen", () => {
    const before = { [KV]: newWatch() };
    const checked = { [KV]: { ...newWatch(), state: 'answered' as const, unseen: true, checkedAt: NOW } };
    // Turned off while the check ran: stays off, and the news is kept for when it is turned on again.
    expect(mergeCheck(before, checked, { [KV]: { ...newWatch(), off: true } })[KV]).toMatchObject({
      off: true,
      state: 'answered',
      unseen: true,
    });
    // Seen while the check ran, nothing new found: stays seen.
    const seen = { [KV]: { ...newWatch(), unseen: true } };
    const merged = mergeCheck(seen, { [KV]: { ...seen[KV] } }, { [KV]: { ...newWatch(), unseen: false } });
    expect(merged[KV].unseen).toBe(false);
  });

  it('reads only well-formed watches from storage', () => {
    expect(validWatches({ [KV]: newWatch(), bad: { off: 'x' }, old: null })).toEqual({ [KV]: newWatch() });
    expect(validWatches('kapot')).toEqual({});
  });

  it(`fetches at most ${MAX_FETCHES} documents per check; the rest come first next time`, async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `kv-tk-2024Z0${1000 + i}`);
    const s = site(Object.fromEntries(ids.map((id) => [id, kv(id, [])])));
    let all = await checkWatched({}, { ids, now: NOW, load: s.load });
    expect(s.loads).toHaveLength(MAX_FETCHES);
    s.loads.length = 0;
    all = await checkWatched(all, { ids, now: NOW + 60_000, load: s.load });
    expect(s.loads).toEqual(ids.slice(MAX_FETCHES));
  });

  it('skips documents not due, turned off, or no longer in the list; backs off after failures', async () => {
    const s = site({});
    const off: Watch = { ...newWatch(), off: true };
    const recent: Watch = { ...newWatch(), checkedAt: NOW - 60_000 };
    const all = await checkWatched(
      { a: off, b: recent, gone: newWatch() },
      { ids: ['a', 'b', KV], now: NOW, load: s.load },
    );
    expect(s.loads).toEqual([KV]);
    expect(Object.keys(all).sort()).toEqual(['a', 'b', KV].sort());
    expect(all[KV]).toMatchObject({ failures: 1, checkedAt: NOW, state: 'waiting' });
    // One failure doubles the wait, three make it eight times (at most).
    expect(isDue(all[KV], NOW + CHECK_EVERY_MS)).toBe(false);
    expect(isDue(all[KV], NOW + 2 * CHECK_EVERY_MS)).toBe(true);
    expect(isDue({ ...all[KV], failures: 9 }, NOW + 7 * CHECK_EVERY_MS)).toBe(false);
    expect(isDue({ ...all[KV], failures: 9 }, NOW + 8 * CHECK_EVERY_MS)).toBe(true);
    // "Check now" checks what is not due, but never what was turned off.
    s.loads.length = 0;
    await checkWatched(all, { ids: ['a', 'b'], now: NOW, load: s.load, force: true });
    expect(s.loads).toEqual(['b']);
  });

  it('watches kv documents only', () => {
    expect(isWatchable('kv-tk-2024Z01722', 'vragen')).toBe(true);
    expect(isWatchable('kv-tk-2024Z01722', null)).toBe(true);
    expect(isWatchable('ah-tk-20232024-1047', 'antwoord')).toBe(false);
  });
});
