// Saved copies: the copy's shape, its store (IndexedDB: fake-indexeddb), the search over copies of the real fixture
// documents, the index kept with the copies, and the keeper that makes and drops copies as the list changes.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KamervraagDocument } from '../../utils/kamervraag/model';
import type { ReadingEntry } from '../../utils/reading-list/entry';
import type { LoadedDocument } from '../../utils/related/fetch';
import { COPY_VERSION, copyOf, isSavedCopy, type SavedCopy } from '../../utils/saved/copy';
import {
  allCopies,
  copyStamps,
  deleteCopies,
  getCopies,
  getCopy,
  getSearchIndex,
  putCopy,
  putSearchIndex,
} from '../../utils/saved/db';
import { openFinder, storeFinder } from '../../utils/saved/finder';
import {
  COPY_PAUSE_MS,
  copyKeeper,
  type KeeperDeps,
  RETRY_MS,
  STORE_INDEX_MS,
  UNDO_GRACE_MS,
} from '../../utils/saved/keeper';
import { INDEX_VERSION, indexCopy, matchingSentence, newIndex, searchCopies } from '../../utils/saved/search';
import { fixtureCases, parseFixture } from '../support/fixtures';

const SITE = 'https://zoek.officielebekendmakingen.nl';
const docs = new Map<string, KamervraagDocument>(
  fixtureCases('html-').flatMap((c) => {
    const d = parseFixture(c.source);
    return d.id ? [[d.id, d] as const] : [];
  }),
);
const copyFor = (id: string, savedAt = 1_700_000_000_000) =>
  copyOf(id, `${SITE}/${id}.html`, docs.get(id) as KamervraagDocument, savedAt);
const ALL = [...docs.keys()].map((id) => copyFor(id));

beforeEach(async () => {
  await deleteCopies([...(await copyStamps()).keys()]);
  await putSearchIndex(null);
});

describe('a saved copy', () => {
  it('holds the whole parsed document of every fixture page, and survives a trip through JSON', () => {
    expect(ALL.length).toBe(17);
    for (const copy of ALL) {
      expect(isSavedCopy(copy), copy.id).toBe(true);
      expect(isSavedCopy(JSON.parse(JSON.stringify(copy))), copy.id).toBe(true);
      expect(copy.doc).toEqual({ ...docs.get(copy.id), id: copy.id });
    }
  });

  it('is refused when any part is not what this version writes', () => {
    const c = copyFor('ah-tk-20232024-2367');
    const bad: unknown[] = [
      null,
      { ...c, version: COPY_VERSION + 1 },
      { ...c, id: 'kst-36410-72' },
      { ...c, id: 'ah-tk-20232024-1' },
      { ...c, url: 'https://example.org/ah-tk-20232024-2367.html' },
      { ...c, url: 'javascript:alert(1)' },
      { ...c, savedAt: Number.NaN },
      { ...c, savedAt: 1e20 }, // no Date can show it
      { ...c, url: 'http://zoek.officielebekendmakingen.nl/ah-tk-20232024-2367.html' },
      { ...c, doc: { ...c.doc, pairs: [{ ...c.doc.pairs[0], numbers: [] }] } },
      { ...c, doc: { ...c.doc, pairs: [{ ...c.doc.pairs[0], answer: 3 }] } },
      { ...c, doc: { ...c.doc, dateReceived: '9 mei 2024' } },
      { ...c, doc: { ...c.doc, footnotes: [{ marker: 1, text: 'x' }] } },
      { ...c, doc: { ...c.doc, unclassified: undefined } },
    ];
    for (const v of bad) expect(isSavedCopy(v)).toBe(false);
  });
});

describe('the store of copies (IndexedDB)', () => {
  it('stores, reads, lists and removes copies', async () => {
    const [a, b] = [copyFor('ah-tk-20232024-2367', 5), copyFor('ah-tk-20232024-878', 7)];
    await putCopy(a);
    await putCopy(b);
    expect(await getCopy(a.id)).toEqual(a);
    expect(await getCopy('ah-tk-20232024-1')).toBeNull();
    expect([...(await getCopies([b.id, 'ah-tk-20232024-1', a.id])).keys()]).toEqual([b.id, a.id]);
    expect(await copyStamps()).toEqual(
      new Map([
        [a.id, 5],
        [b.id, 7],
      ]),
    );
    await deleteCopies([a.id]);
    expect([...(await copyStamps()).keys()]).toEqual([b.id]);
    expect((await allCopies()).map((c) => c.id)).toEqual([b.id]);
  });

  it('keeps a copy written by a newer version as it is, and does not show it', async () => {
    const newer = { ...copyFor('ah-tk-20232024-2367', 9), version: COPY_VERSION + 1, extra: { x: 1 } };
    await putCopy(newer as unknown as SavedCopy);
    expect(await getCopy(newer.id)).toBeNull();
    expect(await allCopies()).toEqual([]);
    // Still there, as written, for the version that can read it.
    expect(await copyStamps()).toEqual(new Map([[newer.id, 9]]));
    const keeper = copyKeeper(deps([entry(newer.id)]).deps);
    await keeper.reconcile();
    await keeper.restore([copyFor(newer.id, 8)]);
    expect((await copyStamps()).get(newer.id)).toBe(9);
    // Even one without the field this version indexes by: not taken for missing, not fetched, not replaced.
    const stranger = { version: COPY_VERSION + 1, id: 'ah-tk-20232024-878', body: 'x' };
    await putCopy(stranger as unknown as SavedCopy);
    const u = deps([entry(stranger.id)]);
    await copyKeeper(u.deps).reconcile();
    expect(u.fetched).toEqual([]);
    await copyKeeper(u.deps).restore([copyFor(stranger.id, 8)]);
    expect(await allCopies()).toEqual([]);
  });
});

describe('search over the copies of the fixture documents', () => {
  const index = newIndex();
  for (const c of ALL) indexCopy(index, c);
  const find = (text: string) => [...searchCopies(index, text).keys()];

  it('finds a word that occurs only in one answer, and shows the sentence that holds it', () => {
    const onlyIn = ALL.filter((c) => /ongehinderd/i.test(JSON.stringify(c.doc)));
    expect(onlyIn.map((c) => c.id)).toEqual(['ah-tk-20232024-2367']);
    expect(onlyIn[0].doc.pairs.map((p) => /ongehinderd/i.test(p.question))).not.toContain(true);
    expect(find('ongehinderd')).toEqual(['ah-tk-20232024-2367']);
    expect(matchingSentence(onlyIn[0], 'ongehinderd')).toBe(
      'Gegevens van klanten zouden niet ongehinderd door iedere bankmedewerker moeten kunnen worden ingezien zonder goede reden.',
    );
  });

  it('ignores case and accents, and matches the start of words', () => {
    expect(find('CLIENTEN')).toEqual(find('cliënten'));
    expect(find('cliënten')).toContain('ah-tk-20232024-878');
    expect(find('bankmedewerk')).toEqual(['ah-tk-20232024-2367']);
    expect(find('influenzavir')).toEqual(['ah-tk-20202021-876']);
  });

  it('wants every word, and ranks a document about the words above one that mentions them', () => {
    expect(find('ongehinderd influenzavirus')).toEqual([]);
    // "fraude" is in three documents' text, and in the subject of one.
    const fraude = find('fraude');
    expect(fraude[0]).toBe('ah-tk-20232024-878');
    expect([...fraude].sort()).toEqual(['ah-tk-20192020-2197', 'ah-tk-20232024-1786', 'ah-tk-20232024-878']);
    expect(find('')).toEqual([]);
  });

  it('cuts a long sentence around its first matching word, keeping the word, in decomposed text too', () => {
    const long = (text: string) =>
      copyOf(
        'ah-tk-20232024-2367',
        `${SITE}/ah-tk-20232024-2367.html`,
        { ...ALL[0].doc, pairs: [{ ...ALL[0].doc.pairs[0], question: text, answer: null }] },
        1,
      );
    const filler = 'De minister neemt maatregelen '.repeat(12);
    // The word at the very end: the end is shown, not cut off.
    const atEnd = matchingSentence(long(`${filler}tegen stikstofuitstoot.`), 'stikstof');
    expect(atEnd?.endsWith('tegen stikstofuitstoot.')).toBe(true);
    expect(atEnd?.startsWith('… ')).toBe(true);
    expect(atEnd?.length).toBeLessThanOrEqual(222);
    // The word in the middle: cut at spaces on both sides, the word kept, a word start ("gaan" holds "aan").
    const mid = matchingSentence(long(`${filler}wij gaan aanpassingen doen ${filler}.`), 'aanpass') ?? '';
    expect(mid).toMatch(/^… .* wij gaan aanpassingen doen .* …$/);
    // Decomposed accents (NFD) fold to a shorter text: the sentence is made NFC first.
    const nfd = matchingSentence(
      long(`${'é '.normalize('NFD').repeat(200)}financiën.`.normalize('NFD')),
      'financien',
    );
    expect(nfd?.endsWith('financiën.')).toBe(true);
  });

  it('has no sentence for words the copy does not hold', () => {
    expect(matchingSentence(copyFor('ah-tk-20232024-878'), 'ongehinderd')).toBeNull();
  });
});

describe('the stored index', () => {
  it('catches up with copies written while it was not kept, and with copies removed', async () => {
    const [a, b, c] = [
      copyFor('ah-tk-20232024-2367'),
      copyFor('ah-tk-20232024-878'),
      copyFor('ah-tk-20202021-876'),
    ];
    await putCopy(a);
    await putCopy(b);
    const first = await openFinder();
    expect(first.changed).toBe(true);
    await storeFinder(first.finder);
    expect(await getSearchIndex()).not.toBeNull();
    // Written and removed behind its back.
    await putCopy(c);
    await deleteCopies([b.id]);
    const again = await openFinder();
    expect(again.changed).toBe(true);
    expect([...again.finder.stamps.keys()].sort()).toEqual([c.id, a.id].sort());
    expect([...searchCopies(again.finder.index, 'influenzavirus').keys()]).toEqual([c.id]);
    expect([...searchCopies(again.finder.index, 'digid').keys()]).toEqual([]);
    await storeFinder(again.finder);
    expect((await openFinder()).changed).toBe(false);
  });

  it.each([
    ['cannot be read', { version: INDEX_VERSION, index: '{not json' }],
    ['is of another version', { version: INDEX_VERSION + 1, index: '{}' }],
  ])('is rebuilt from the copies when what is stored %s, whatever its stamps say', async (_what, stored) => {
    const copy = copyFor('ah-tk-20232024-2367');
    await putCopy(copy);
    await putSearchIndex({ ...stored, stamps: { [copy.id]: copy.savedAt } });
    const { finder, changed } = await openFinder();
    expect(changed).toBe(true);
    expect([...searchCopies(finder.index, 'ongehinderd').keys()]).toEqual(['ah-tk-20232024-2367']);
  });

  it('forgets the words of a copy replaced by a record it cannot read, and does not look at it again', async () => {
    const copy = copyFor('ah-tk-20232024-2367', 5);
    await putCopy(copy);
    const { finder } = await openFinder();
    await storeFinder(finder);
    await putCopy({ ...copy, savedAt: 6, version: COPY_VERSION + 1 } as unknown as SavedCopy);
    const again = await openFinder();
    expect(again.changed).toBe(true);
    expect([...searchCopies(again.finder.index, 'ongehinderd').keys()]).toEqual([]);
    expect(again.finder.index.has(copy.id)).toBe(false);
    await storeFinder(again.finder);
    expect((await openFinder()).changed).toBe(false);
  });
});

// ---- the keeper ----

function entry(id: string, extra: Partial<ReadingEntry> = {}): ReadingEntry {
  return { key: id, id, url: `https://www.officielebekendmakingen.nl/${id}.html` } as ReadingEntry &
    typeof extra;
}

function deps(entries: ReadingEntry[], removals = new Map<string, number>(), unreadable: string[] = []) {
  let now = 1_800_000_000_000;
  const fetched: string[] = [];
  const timers: { ms: number; run: () => void }[] = [];
  const pauses: number[] = [];
  let failing = new Set<string>();
  const d: KeeperDeps = {
    entries: async () => entries,
    removals: async () => removals,
    unreadable: async () => unreadable,
    fetch: async (id, origin): Promise<LoadedDocument> => {
      fetched.push(`${origin}/${id}`);
      if (failing.has(id) || !docs.has(id)) return { state: 'failed', reason: 'notFound' };
      return { state: 'ok', doc: docs.get(id) as KamervraagDocument };
    },
    now: () => now,
    later: (ms, run) => timers.push({ ms, run }),
    pause: async (ms) => {
      pauses.push(ms);
    },
  };
  return {
    deps: d,
    fetched,
    timers,
    pauses,
    /** The planned looks at orphans (not the index's stores) */
    looks: () => timers.filter((x) => x.ms !== STORE_INDEX_MS),
    entries,
    advance: (ms: number) => {
      now += ms;
    },
    fail: (ids: string[]) => {
      failing = new Set(ids);
    },
    get now() {
      return now;
    },
  };
}

describe('the keeper of copies (background)', () => {
  it('copies each document on the list once, from the page’s own host over https, and indexes it', async () => {
    const t = deps([
      entry('ah-tk-20232024-2367'),
      { ...entry('ah-tk-20232024-2367'), key: 'ah-tk-20232024-2367#vraag-2' },
      entry('ah-tk-20232024-878'),
    ]);
    const keeper = copyKeeper(t.deps);
    await keeper.reconcile();
    await keeper.reconcile();
    expect(t.fetched).toEqual([
      'https://www.officielebekendmakingen.nl/ah-tk-20232024-2367',
      'https://www.officielebekendmakingen.nl/ah-tk-20232024-878',
    ]);
    // One document after the other, with a pause between: gently for the site.
    expect(t.pauses).toEqual([COPY_PAUSE_MS]);
    const copy = await getCopy('ah-tk-20232024-2367');
    expect(copy?.url).toBe('https://www.officielebekendmakingen.nl/ah-tk-20232024-2367.html');
    expect(copy?.savedAt).toBe(t.now);
    expect(copy?.doc.pairs.map((p) => p.numbers)).toEqual([[1], [2], [3, 4, 5, 6], [7, 8, 9, 10, 11], [12]]);
    const { finder } = await openFinder();
    expect([...searchCopies(finder.index, 'ongehinderd').keys()]).toEqual(['ah-tk-20232024-2367']);
  });

  it('leaves a document saved from a PDF to the PDF page (the background reads no PDFs): no fetch', async () => {
    const pdf = (id: string) => ({ ...entry(id), url: `${SITE}/${id}.pdf` });
    const t = deps([pdf('ah-1271549'), { ...pdf('ah-tk-20232024-878'), key: 'ah-tk-20232024-878#vraag-2' }]);
    const keeper = copyKeeper(t.deps);
    await keeper.reconcile();
    expect(t.fetched).toEqual([]);
    expect(await copyStamps()).toEqual(new Map());
    // The PDF page's copy (utils/pdf/keep.ts) is stored as any restored one.
    expect(
      await keeper.restore([{ ...copyFor('ah-tk-20232024-878'), url: `${SITE}/ah-tk-20232024-878.pdf` }]),
    ).toBe(1);
    await keeper.reconcile();
    expect(t.fetched).toEqual([]);
  });

  it('tries a copy that failed again only after a while', async () => {
    const t = deps([entry('ah-tk-20232024-878')]);
    t.fail(['ah-tk-20232024-878']);
    const keeper = copyKeeper(t.deps);
    await keeper.reconcile();
    await keeper.reconcile();
    expect(t.fetched).toHaveLength(1);
    t.fail([]);
    t.advance(RETRY_MS);
    await keeper.reconcile();
    expect(t.fetched).toHaveLength(2);
    expect(await getCopy('ah-tk-20232024-878')).not.toBeNull();
  });

  it('drops a removed document’s copy only after the undo window, and keeps it when the entry comes back', async () => {
    const removals = new Map<string, number>();
    const t = deps([entry('ah-tk-20232024-878'), entry('ah-tk-20232024-2367')], removals);
    const keeper = copyKeeper(t.deps);
    await keeper.reconcile();
    // Removed just now (its single answer earlier): the copy stays, a later look is planned.
    t.entries.splice(0, 1);
    removals.set('ah-tk-20232024-878#vraag-1', t.now - UNDO_GRACE_MS * 5);
    removals.set('ah-tk-20232024-878', t.now);
    t.advance(1000);
    await keeper.reconcile();
    expect([...(await copyStamps()).keys()].sort()).toEqual(['ah-tk-20232024-2367', 'ah-tk-20232024-878']);
    expect(t.looks().map((x) => x.ms)).toEqual([UNDO_GRACE_MS - 1000]);
    t.advance(UNDO_GRACE_MS);
    t.looks()[0].run();
    await keeper.reconcile();
    expect([...(await copyStamps()).keys()]).toEqual(['ah-tk-20232024-2367']);
    expect(t.fetched).toHaveLength(2);
  });

  it('refreshes a copy on request, and refuses a document not on the list', async () => {
    const t = deps([entry('ah-tk-20232024-878')]);
    const keeper = copyKeeper(t.deps);
    await keeper.reconcile();
    const first = (await getCopy('ah-tk-20232024-878'))?.savedAt;
    t.advance(60_000);
    const r = await keeper.refresh('ah-tk-20232024-878');
    expect(r.ok && r.copy.savedAt).toBe((first ?? 0) + 60_000);
    expect((await getCopy('ah-tk-20232024-878'))?.savedAt).toBe((first ?? 0) + 60_000);
    expect(await keeper.refresh('ah-tk-20232024-2367')).toEqual({ ok: false, reason: 'notSaved' });
  });

  it('restores copies from an export where there is none or an older one, never a damaged one', async () => {
    const t = deps([]);
    const keeper = copyKeeper(t.deps);
    await putCopy(copyFor('ah-tk-20232024-878', 50));
    const stored = await keeper.restore([
      copyFor('ah-tk-20232024-878', 40), // older than the one here: kept as it is
      copyFor('ah-tk-20232024-2367', 30),
      { ...copyFor('ah-tk-20202021-876', 30), url: 'https://evil.example/x.html' },
      'not a copy',
    ]);
    expect(stored).toBe(1);
    expect(await copyStamps()).toEqual(
      new Map([
        ['ah-tk-20232024-2367', 30],
        ['ah-tk-20232024-878', 50],
      ]),
    );
  });
});

vi.setConfig({ testTimeout: 20_000 });

describe('an export with content', () => {
  it('carries the copies, one per line, and imports them back as they were', async () => {
    const { exportJson, parseImport } = await import('../../utils/reading-list/transfer');
    const copies = ALL.slice(0, 3);
    const text = exportJson([], new Date(0), new Map(), copies);
    expect(text.split('\n').filter((l) => l.startsWith('{"version":1,')).length).toBe(3);
    const file = parseImport(text);
    expect(file.copies).toEqual(copies);
    expect(file.copiesSkipped).toBe(0);
    expect(parseImport(exportJson([])).copies).toEqual([]);
  });

  it('leaves out a damaged copy or one of another version, and counts it, without refusing the list', async () => {
    const { exportJson, parseImport } = await import('../../utils/reading-list/transfer');
    const [good, other] = ALL;
    const damaged = { ...other, doc: { ...other.doc, pairs: 'x' } } as unknown as SavedCopy;
    const newer = { ...other, version: COPY_VERSION + 1 } as unknown as SavedCopy;
    const file = parseImport(exportJson([], new Date(0), new Map(), [good, damaged, newer]));
    expect(file.copies).toEqual([good]);
    expect(file.copiesSkipped).toBe(2);
  });
});

describe('what the keeper keeps', () => {
  it('keeps the copy of a document whose entry this version cannot read (a newer version’s)', async () => {
    await putCopy(copyFor('ah-tk-20232024-878'));
    const t = deps([], new Map(), ['ah-tk-20232024-878#vraag-2']);
    t.advance(UNDO_GRACE_MS * 10);
    await copyKeeper(t.deps).reconcile();
    expect([...(await copyStamps()).keys()]).toEqual(['ah-tk-20232024-878']);
  });

  it('keeps a copy no entry names and no removal explains (an import’s, before its list) for the undo window', async () => {
    await putCopy(copyFor('ah-tk-20232024-878'));
    const t = deps([]);
    const keeper = copyKeeper(t.deps);
    await keeper.reconcile();
    expect([...(await copyStamps()).keys()]).toEqual(['ah-tk-20232024-878']);
    t.advance(UNDO_GRACE_MS);
    await keeper.reconcile();
    expect([...(await copyStamps()).keys()]).toEqual([]);
  });

  it('keeps the copy of a document saved again while the other copies were fetched', async () => {
    const old = copyFor('ah-tk-20232024-878');
    await putCopy(old);
    const removals = new Map([['ah-tk-20232024-878', 0]]);
    const t = deps([entry('ah-tk-20232024-2367')], removals);
    const fetch = t.deps.fetch;
    t.deps.fetch = async (id, origin) => {
      t.entries.push(entry('ah-tk-20232024-878'));
      return fetch(id, origin);
    };
    await copyKeeper(t.deps).reconcile();
    expect((await getCopy(old.id))?.savedAt).toBe(old.savedAt);
  });

  it('does not store a parse this version could not show, and tries again later', async () => {
    const t = deps([entry('ah-tk-20232024-878')]);
    t.deps.fetch = async () => ({
      state: 'ok',
      doc: { ...(docs.get('ah-tk-20232024-878') as KamervraagDocument), aanhangselnummer: 1.5 },
    });
    const keeper = copyKeeper(t.deps);
    expect(await keeper.refresh('ah-tk-20232024-878')).toEqual({ ok: false, reason: 'error' });
    await keeper.reconcile();
    expect(await copyStamps()).toEqual(new Map());
  });
});

describe('full storage', () => {
  it('leaves a copy that cannot be stored for later, goes on with the others, and stores it once there is room', async () => {
    const t = deps([entry('ah-tk-20232024-878'), entry('ah-tk-20232024-2367')]);
    const keeper = copyKeeper(t.deps);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    put.mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await keeper.reconcile();
    expect([...(await copyStamps()).keys()]).toEqual(['ah-tk-20232024-2367']);
    put.mockRestore();
    t.advance(RETRY_MS);
    await keeper.reconcile();
    expect([...(await copyStamps()).keys()].sort()).toEqual(['ah-tk-20232024-2367', 'ah-tk-20232024-878']);
  });
});
