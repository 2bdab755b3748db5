// Tags on reading-list entries: what a tag is, adding and removing one, the merge tag by tag (two devices, removals),
// validation, the popup's filter, export and import, and two devices through storage.sync.

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addEntry,
  allTags,
  entryFromLink,
  entryProblem,
  exportCsv,
  exportJson,
  exportMarkdown,
  getEntry,
  hasTag,
  ImportError,
  importJson,
  indexEntry,
  listEntries,
  liveTags,
  MAX_REMOVED_MARKS,
  MAX_STORED_MARKS,
  MAX_TAGS,
  mdTag,
  mergeEntries,
  normaliseTag,
  query,
  type ReadingEntry,
  readEntry,
  removeEntry,
  resetForTests,
  setNote,
  setTag,
  syncBytes,
  syncEnabled,
  syncNow,
  tagKey,
  tagsProblem,
} from '../../utils/reading-list';
import {
  addTo,
  mergeSlot,
  removeFrom,
  restoreIn,
  type Slot,
  sameSlot,
  tagIn,
} from '../../utils/reading-list/merge';
import { ITEM_PREFIX } from '../../utils/storage';
import { devicesOnStorage } from '../support/devices';

const SITE = 'https://zoek.officielebekendmakingen.nl';
const ID1 = 'ah-tk-20232024-1481';
const ID2 = 'ah-tk-20232024-1064';
const EMPTY: Slot = { entry: null, gone: null };

function linkEntry(id: string, now: number, title = `Vragen ${id}`): ReadingEntry {
  return entryFromLink(`${SITE}/${id}.html`, title, now) as ReadingEntry;
}
const saved = (now = 1000) => addTo(EMPTY, linkEntry(ID1, now), now);
const tagsOf = (slot: Slot) => liveTags(slot.entry?.tags);

beforeEach(() => {
  fakeBrowser.reset();
  resetForTests();
});

describe('what a tag is', () => {
  it('is trimmed, its inner whitespace one space, NFC; 1–40 characters; no control characters, no ";"', () => {
    expect(normaliseTag('  Zorg \t en\n  welzijn  ')).toBe('Zorg en welzijn');
    expect(normaliseTag('e\u0301en')).toBe('éen');
    expect(normaliseTag('x'.repeat(40))).toBe('x'.repeat(40));
    expect(normaliseTag('🇳🇱'.repeat(10))).toBe('🇳🇱'.repeat(10)); // 20 code points
    for (const bad of ['', '   ', 'x'.repeat(41), 'a;b', 'a\u0000b', 'a\u0007', '\ud800x'])
      expect(normaliseTag(bad)).toBeNull();
  });

  it('is the same tag whatever its case', () => {
    expect(tagKey('Zorg')).toBe(tagKey('ZORG'));
    expect(tagKey('Financiën')).toBe('financiën');
    expect(tagKey('Financien')).not.toBe(tagKey('Financiën'));
  });
});

describe('adding and removing a tag (the operations the background applies)', () => {
  it('adds a tag as written, once whatever its case, and removes it by any case', () => {
    const a = tagIn(saved(), '  Stikstof ', true, 2000);
    expect(tagsOf(a)).toEqual(['Stikstof']);
    expect(a.entry?.tags).toEqual([{ label: 'Stikstof', at: 2000 }]);
    expect(a.entry?.stamps.tags).toBe(2000);
    expect(a.entry?.updatedAt).toBe(2000);
    expect(tagIn(a, 'STIKSTOF', true, 3000)).toBe(a); // already there: nothing changes, the first writing stays
    const b = tagIn(a, 'stikstof', false, 3000);
    expect(tagsOf(b)).toEqual([]);
    expect(b.entry?.tags).toEqual([{ label: 'Stikstof', at: 3000, removed: true }]);
    expect(tagIn(b, 'stikstof', false, 4000)).toBe(b); // not there: nothing changes
    const c = tagIn(b, 'stikSTOF', true, 4000);
    expect(c.entry?.tags).toEqual([{ label: 'stikSTOF', at: 4000 }]);
  });

  it('keeps the tags sorted case-insensitively, ignores what is not a tag, and stops at MAX_TAGS', () => {
    let s = saved();
    for (const t of ['wonen', 'Begroting', 'zorg', ';;', '']) s = tagIn(s, t, true, 2000);
    expect(tagsOf(s)).toEqual(['Begroting', 'wonen', 'zorg']);
    for (let i = 0; i < 30; i++) s = tagIn(s, `t${String(i).padStart(2, '0')}`, true, 3000 + i);
    expect(tagsOf(s)).toHaveLength(MAX_TAGS);
    expect(hasTag(s.entry as ReadingEntry, 't16')).toBe(true);
    expect(hasTag(s.entry as ReadingEntry, 't17')).toBe(false);
  });

  it('stamps a change later than every earlier change of the tags, even when the clock runs behind', () => {
    const a = tagIn(saved(), 'later', true, 9000);
    const b = tagIn(a, 'eerder', true, 5000); // this clock says 5000
    expect(b.entry?.tags?.find((m) => m.label === 'eerder')?.at).toBe(9001);
    expect(b.entry?.stamps.tags).toBe(9001);
  });
});

describe('merging tags tag by tag', () => {
  it('two devices that each add a tag at the same time both keep both', () => {
    const start = saved();
    const laptop = tagIn(start, 'Zorg', true, 2000);
    const phone = tagIn(start, 'Wonen', true, 2000);
    const m = mergeSlot(laptop, phone);
    expect(tagsOf(m)).toEqual(['Wonen', 'Zorg']);
    // one past both copies' stamps: it holds more than either (a version without tags takes it over both)
    expect(m.entry?.stamps.tags).toBe(2001);
    expect(sameSlot(m, mergeSlot(phone, laptop))).toBe(true);
    expect(sameSlot(mergeSlot(m, laptop), m)).toBe(true);
  });

  it('a version without tags, holding either copy, takes the merge over it: stamped one past both (audit 3)', () => {
    // A version without tags merges the field whole (this version merges a field it does not know, `etiketten`, so):
    // the later stamp wins; at the same stamp the larger JSON text, which is a shorter list's when it is a prefix.
    const older = (s: Slot): Slot => {
      const { tags, stamps, ...rest } = s.entry as ReadingEntry;
      const { tags: stamp, ...others } = stamps;
      return { ...s, entry: { ...rest, etiketten: tags, stamps: { ...others, etiketten: stamp } } as never };
    };
    const etiketten = (s: Slot) => (s.entry as unknown as { etiketten: unknown }).etiketten;
    const start = tagIn(saved(), 'Wonen', true, 2000);
    const laptop = tagIn(start, 'Zorg', true, 3000);
    const phone = tagIn(start, 'Begroting', true, 3000);
    const m = mergeSlot(laptop, phone);
    expect(tagsOf(m)).toEqual(['Begroting', 'Wonen', 'Zorg']);
    expect(m.entry?.stamps.tags).toBe(3001);
    for (const copy of [laptop, phone]) {
      expect(etiketten(mergeSlot(older(copy), older(m)))).toEqual(m.entry?.tags);
      expect(etiketten(mergeSlot(older(m), older(copy)))).toEqual(m.entry?.tags);
    }
    // an undo stamps the tags later than the marks: a merge holding more than the undone copy is later still
    const undone = restoreIn(removeFrom(start, 4000), start.entry as ReadingEntry, 5000);
    const other = tagIn(start, 'Zorg', true, 4500);
    const both = mergeSlot(undone, other);
    expect(tagsOf(both)).toEqual(['Wonen', 'Zorg']);
    expect(both.entry?.stamps.tags).toBe(5001);
    expect(etiketten(mergeSlot(older(undone), older(both)))).toEqual(both.entry?.tags);
    // once the copies hold the same tags, their stamps merge as the later one
    expect(sameSlot(mergeSlot(both, mergeSlot(other, undone)), both)).toBe(true);
  });

  it('a removal beats an add made before it', () => {
    const both = tagIn(saved(), 'Zorg', true, 2000);
    const removed = tagIn(both, 'zorg', false, 3000);
    expect(tagsOf(mergeSlot(both, removed))).toEqual([]);
    expect(tagsOf(mergeSlot(removed, both))).toEqual([]);
  });

  it('an add made after a removal (on a device that had not seen it) beats it', () => {
    const start = tagIn(saved(), 'Zorg', true, 2000);
    const removedHere = tagIn(start, 'Zorg', false, 3000);
    const addedThere = tagIn(tagIn(start, 'Zorg', false, 2500), 'ZORG', true, 4000);
    const m = mergeSlot(removedHere, addedThere);
    expect(tagsOf(m)).toEqual(['ZORG']);
    expect(sameSlot(m, mergeSlot(addedThere, removedHere))).toBe(true);
  });

  it('other groups merge as before next to the tags', () => {
    const start = saved();
    const a = tagIn(start, 'Zorg', true, 2000);
    const b: Slot = {
      ...start,
      entry: {
        ...(start.entry as ReadingEntry),
        note: 'n',
        stamps: { ...(start.entry as ReadingEntry).stamps, note: 2000 },
      },
    };
    const m = mergeSlot(a, b).entry as ReadingEntry;
    expect(m.note).toBe('n');
    expect(liveTags(m.tags)).toEqual(['Zorg']);
    expect(entryProblem(m)).toBeNull();
  });

  it('tags go with a removal of the entry they did not change after (as a version without tags does), else stay', () => {
    const tagged = tagIn(saved(), 'Zorg', true, 2000);
    const removed = removeFrom(tagged, 3000);
    // another device, not having seen the removal, marks the entry read later: the entry comes back, untagged
    const readThere: Slot = {
      ...tagged,
      entry: {
        ...(tagged.entry as ReadingEntry),
        read: true,
        readAt: 4000,
        stamps: { ...(tagged.entry as ReadingEntry).stamps, read: 4000 },
      },
    };
    const back = mergeSlot(removed, readThere).entry as ReadingEntry;
    expect(back.read).toBe(true);
    expect(back.tags).toBeUndefined();
    expect(back.stamps.tags).toBeUndefined();
    // a tag added there after the removal stays, with the other tags of that copy
    const taggedThere = tagIn(tagged, 'Wonen', true, 4000);
    expect(tagsOf(mergeSlot(removed, taggedThere))).toEqual(['Wonen', 'Zorg']);
  });
});

describe('validation', () => {
  const tagged = () => tagIn(tagIn(saved(), 'Zorg', true, 2000), 'wonen', true, 2001).entry as ReadingEntry;

  it('an entry without tags (every entry written before tags) is valid; a tagged one too', () => {
    expect(entryProblem(linkEntry(ID1, 1))).toBeNull();
    expect(entryProblem(tagged())).toBeNull();
  });

  it('refuses only what is not a list of marks: no label string, no time, removed not a boolean, too many', () => {
    const e = tagged();
    const bad: unknown[] = [
      ['Zorg'],
      [{ label: 5, at: 1 }],
      [{ label: '', at: 1 }],
      [{ label: '  ', at: 1 }],
      [{ label: 'x'.repeat(201), at: 1 }],
      [{ label: 'Zorg', at: '1' }],
      [{ label: 'Zorg', at: -1 }],
      [{ label: 'Zorg', at: Number.NaN }],
      [{ label: 'Zorg' }],
      [{ label: 'Zorg', at: 1, removed: 'ja' }],
      [{ label: 'Zorg', at: 1, colour: Number.NaN }], // not JSON data
      [{ label: 'Zorg', at: 1, colour: 'x'.repeat(1000) }], // a newer version's fields on a mark: within 1,000 characters
      [null],
      Array.from({ length: MAX_STORED_MARKS + 1 }, (_, i) => ({ label: `t${i}`, at: i })),
      {},
    ];
    for (const tags of bad) {
      expect(tagsProblem(tags)).toBe('tags');
      expect(entryProblem({ ...e, tags })).toBe('tags');
    }
    const { tags: _, ...stamps } = e.stamps;
    expect(entryProblem({ ...e, stamps })).toBe('tags');
    expect(
      tagsProblem(Array.from({ length: MAX_STORED_MARKS }, (_, i) => ({ label: `t${i}`, at: i }))),
    ).toBeNull();
  });

  it('keeps the newest MAX_REMOVED_MARKS removal marks and every live tag, within a sync item and what a version without tags keeps', () => {
    const long = (i: number) => `${'x'.repeat(37)}${String(i).padStart(3, '0')}`;
    let s = saved();
    for (let i = 0; i < 60; i++) s = tagIn(s, long(i), true, 2000 + i * 2);
    expect(tagsOf(s)).toHaveLength(MAX_TAGS); // one device: 20 live at most
    for (let i = 0; i < 20; i++) s = tagIn(s, long(i), false, 3000 + i);
    for (let i = 20; i < 40; i++) s = tagIn(s, long(i), true, 4000 + i);
    for (let i = 20; i < 40; i++) s = tagIn(s, long(i), false, 5000 + i);
    for (let i = 40; i < 60; i++) s = tagIn(s, long(i), true, 6000 + i);
    const e = s.entry as ReadingEntry;
    expect(e.tags?.filter((m) => m.removed)).toHaveLength(MAX_REMOVED_MARKS);
    expect(liveTags(e.tags)).toHaveLength(20);
    expect(JSON.stringify(e.tags).length).toBeLessThan(16_000);
    expect(syncBytes(`${ITEM_PREFIX}${e.key}`, e)).toBeLessThan(8192);
    // one more removed: the oldest removal mark goes, the new one and the live tags stay
    const more = tagIn(s, long(40), false, 9000).entry as ReadingEntry;
    expect(more.tags?.filter((m) => m.removed)).toHaveLength(MAX_REMOVED_MARKS);
    expect(liveTags(more.tags)).toHaveLength(19);
    expect(more.tags?.some((m) => m.label === long(0))).toBe(false);
    expect(more.tags?.find((m) => m.label === long(1))).toMatchObject({ removed: true });
    expect(more.tags?.find((m) => m.label === long(40))).toEqual({
      label: long(40),
      at: 9000,
      removed: true,
    });
  });
});

describe("more than 40 live tags (several devices' merged): a removal is kept (audit 1)", () => {
  /** One entry tagged on `n` devices, 20 different tags each, before any of them saw another's; then merged. */
  function devicesTagged(n: number): Slot[] {
    const start = saved();
    return Array.from({ length: n }, (_, d) => {
      let s = start;
      for (let i = 0; i < 20; i++) s = tagIn(s, `d${d}-t${String(i).padStart(2, '0')}`, true, 2000 + i);
      return s;
    });
  }

  it('a tag removed from an entry with 60 live tags stays removed when merged with a copy that still has it', () => {
    const copies = devicesTagged(3);
    const merged = copies.reduce(mergeSlot);
    expect(tagsOf(merged)).toHaveLength(60);
    const removed = tagIn(merged, 'd1-t05', false, 5000);
    expect(removed.entry?.tags?.find((m) => m.label === 'd1-t05')).toEqual({
      label: 'd1-t05',
      at: 5000,
      removed: true,
    });
    // the next sync brings the other devices' copies, which still have it
    for (const other of copies) {
      expect(tagsOf(mergeSlot(removed, other))).not.toContain('d1-t05');
      expect(tagsOf(mergeSlot(other, removed))).not.toContain('d1-t05');
    }
    expect(tagsOf(copies.reduce(mergeSlot, removed))).toHaveLength(59);
  });

  it('six devices × 20 different tags on one entry merge to all 120, a valid entry', () => {
    const merged = devicesTagged(6).reduce(mergeSlot);
    expect(tagsOf(merged)).toHaveLength(120);
    expect(entryProblem(merged.entry)).toBeNull();
    // and one of them can still remove one (adding is refused: more than MAX_TAGS live)
    expect(tagIn(merged, 'nieuw', true, 9000)).toBe(merged);
    expect(tagsOf(tagIn(merged, 'd5-t19', false, 9000))).toHaveLength(119);
  });
});

describe('lenient reading: what another version or engine wrote (audit 4)', () => {
  const e = () => tagIn(saved(), 'Zorg', true, 2000).entry as ReadingEntry;

  it('accepts marks in another order and a tag twice, and reads them as this version writes them', () => {
    const tags = [
      { label: 'Zorg', at: 5 },
      { label: 'wonen', at: 1 },
      { label: 'ZORG', at: 7, removed: true },
      { label: 'Begroting', at: 3 },
    ];
    const raw = { ...e(), tags, stamps: { ...e().stamps, tags: 7 } };
    expect(entryProblem(raw)).toBeNull();
    const read = readEntry(raw) as ReadingEntry;
    expect(read.tags).toEqual([
      { label: 'Begroting', at: 3 },
      { label: 'wonen', at: 1 },
      { label: 'ZORG', at: 7, removed: true },
    ]);
    expect(liveTags(read.tags)).toEqual(['Begroting', 'wonen']);
  });

  it("accepts a newer version's fields on a mark and keeps them with the winning mark, and in a later mark of it", () => {
    const tags = [{ label: 'Zorg', at: 5, colour: 'rood', meta: { a: [1, 2] } }];
    const raw = { ...e(), tags, stamps: { ...e().stamps, tags: 5 } };
    expect(entryProblem(raw)).toBeNull();
    const here: Slot = { entry: readEntry(raw), gone: null };
    expect(here.entry?.tags).toEqual(tags);
    // merged with an older mark of the same tag: the newer version's mark wins, whole
    const older = tagIn(saved(), 'zorg', true, 4).entry as ReadingEntry;
    expect(mergeSlot(here, { entry: older, gone: null }).entry?.tags).toEqual(tags);
    expect(mergeSlot({ entry: older, gone: null }, here).entry?.tags).toEqual(tags);
    // removed here: the removal mark keeps them (a newer version adding it again finds them)
    expect(tagIn(here, 'zorg', false, 10).entry?.tags).toEqual([
      { colour: 'rood', meta: { a: [1, 2] }, label: 'Zorg', at: 10, removed: true },
    ]);
    // at the same time, the values decide the same way in either order
    const twin = [{ label: 'Zorg', at: 5, colour: 'blauw' }];
    const other: Slot = { entry: readEntry({ ...raw, tags: twin }), gone: null };
    expect(sameSlot(mergeSlot(here, other), mergeSlot(other, here))).toBe(true);
  });

  it('accepts labels this version would not write (not normalised, a ";"), shows them, and removes them by key', () => {
    const tags = [
      { label: ' Zorg  en welzijn ', at: 5 },
      { label: 'e\u0301en', at: 6 },
      { label: 'a;b', at: 7 },
    ];
    const raw = { ...e(), tags, stamps: { ...e().stamps, tags: 7 } };
    expect(entryProblem(raw)).toBeNull();
    const here: Slot = { entry: readEntry(raw), gone: null };
    expect(liveTags(here.entry?.tags)).toEqual(['a;b', ' Zorg  en welzijn ', 'e\u0301en']);
    // the same tag as the typed, normalised one
    expect(hasTag(here.entry as ReadingEntry, 'zorg en welzijn')).toBe(true);
    expect(hasTag(here.entry as ReadingEntry, 'ÉEN')).toBe(true);
    expect(tagIn(here, 'Zorg en welzijn', true, 10)).toBe(here); // there already
    let s = tagIn(here, 'a;b', false, 10);
    s = tagIn(s, 'zorg en welzijn', false, 11);
    s = tagIn(s, 'ÉEN', false, 12);
    expect(tagsOf(s)).toEqual([]);
  });

  it('an import with such tags is taken, and reads back as this version writes them', async () => {
    await addEntry(linkEntry(ID2, 2));
    const file = JSON.parse(exportJson([linkEntry(ID1, 1)]));
    file.entries[0].tags = [
      { label: 'wonen', at: 3, colour: 'rood' },
      { label: 'Begroting', at: 4 },
      { label: 'begroting', at: 2 },
    ];
    file.entries[0].stamps.tags = 4;
    expect(await importJson(JSON.stringify(file))).toMatchObject({ added: 1, unchanged: 0 });
    expect((await getEntry(ID1))?.tags).toEqual([
      { label: 'Begroting', at: 4 },
      { label: 'wonen', at: 3, colour: 'rood' },
    ]);
  });
});

describe('the popup filter', () => {
  const items = () => {
    const a = tagIn(addTo(EMPTY, linkEntry(ID1, 2, 'Stikstof'), 2), 'Landbouw', true, 3)
      .entry as ReadingEntry;
    const b = tagIn(
      tagIn(addTo(EMPTY, linkEntry(ID2, 1, 'Belastingdienst'), 1), 'landbouw', true, 3),
      'Debat 12 mei',
      true,
      4,
    ).entry as ReadingEntry;
    return [a, b];
  };
  const keys = (list: ReadingEntry[]) => list.map((e) => e.key);

  it('filters by tag (any case), with the text and read filters', () => {
    const all = items().map(indexEntry);
    const q = (text: string, tag: string | null, read: 'all' | 'read' | 'unread' = 'all') =>
      keys(query(all, { text, read, sort: 'added', tag }));
    expect(q('', 'LANDBOUW')).toEqual([ID1, ID2]);
    expect(q('', 'Debat 12 mei')).toEqual([ID2]);
    expect(q('stikstof', 'landbouw')).toEqual([ID1]);
    expect(q('stikstof', 'debat 12 mei')).toEqual([]);
    expect(q('', 'landbouw', 'read')).toEqual([]);
    expect(q('', 'onbekend')).toEqual([]);
    expect(q('', null)).toEqual([ID1, ID2]);
  });

  it('the text filter finds tags too', () => {
    const all = items().map(indexEntry);
    expect(keys(query(all, { text: 'debat', read: 'all', sort: 'added' }))).toEqual([ID2]);
  });

  it('lists every tag once, as first written, in Dutch order', () => {
    expect(allTags(items())).toEqual(['Debat 12 mei', 'Landbouw']);
  });
});

describe('tags in storage, export and import', () => {
  async function tagged() {
    await addEntry(linkEntry(ID1, 1));
    await addEntry(linkEntry(ID2, 2));
    await setTag(ID1, 'Zorg', true, 10);
    await setTag(ID1, '=SOM(A1)', true, 11);
    await setTag(ID1, 'weg', true, 12);
    await setTag(ID1, 'weg', false, 13);
    return listEntries();
  }

  it('setTag goes through the writer: returns the entry changed, or null when nothing changed', async () => {
    await addEntry(linkEntry(ID1, 1));
    const e = await setTag(ID1, ' Zorg ', true, 10);
    expect(liveTags(e?.tags)).toEqual(['Zorg']);
    expect(await setTag(ID1, 'zorg', true, 11)).toBeNull();
    expect(await setTag(ID2, 'zorg', true, 11)).toBeNull(); // no such entry
    expect(liveTags((await getEntry(ID1))?.tags)).toEqual(['Zorg']);
  });

  it('Markdown: a tag with a comma, a backtick or Markdown in it stays one tag, read literally (audit 7)', async () => {
    await addEntry(linkEntry(ID1, 1));
    for (const [i, tag] of ['Zorg, welzijn', 'a`b', '`x', '*vet* [link](x)', 'Wonen'].entries())
      await setTag(ID1, tag, true, 10 + i);
    const md = exportMarkdown(await listEntries());
    expect(md).toContain('  Tags: `*vet* [link](x)`, `` `x ``, ``a`b``, `Wonen`, `Zorg, welzijn`\n');
    expect(mdTag('a``b')).toBe('```a``b```');
    expect(mdTag('x`')).toBe('`` x` ``');
    // read back the way CommonMark reads a code span: the fence, one space stripped from each end when both have one
    const unspan = (span: string) => {
      const fence = (span.match(/^`+/) as RegExpMatchArray)[0];
      const inner = span.slice(fence.length, -fence.length);
      return inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() ? inner.slice(1, -1) : inner;
    };
    for (const tag of ['Zorg, welzijn', 'a`b', '`x', 'x`', 'a``b', '`', '*vet* [link](x)'])
      expect(unspan(mdTag(tag))).toBe(tag);
  });

  it('JSON keeps every tag with its marks and stamps, and imports back to the same list', async () => {
    const before = await tagged();
    const json = exportJson(before);
    expect(JSON.parse(json).entries.find((e: ReadingEntry) => e.key === ID1).tags).toEqual([
      { label: '=SOM(A1)', at: 11 },
      { label: 'weg', at: 13, removed: true },
      { label: 'Zorg', at: 10 },
    ]);
    fakeBrowser.reset();
    resetForTests();
    expect(await importJson(json)).toMatchObject({ added: 2 });
    expect(await listEntries()).toEqual(before);
  });

  it('Markdown lists the tags of each entry, each a code span; CSV has a tags column, ";"-separated, formulas defused', async () => {
    const entries = await tagged();
    expect(exportMarkdown(entries)).toContain('  Tags: `=SOM(A1)`, `Zorg`\n');
    expect(exportMarkdown(entries, 'en')).toContain('  Tags: `=SOM(A1)`, `Zorg`\n');
    const lines = exportCsv(entries)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0].split(',').at(-1)).toBe('tags');
    const row1 = lines.find((l) => l.startsWith(`${ID1},`)) as string;
    expect(row1.endsWith(",'=SOM(A1); Zorg")).toBe(true);
    const row2 = lines.find((l) => l.startsWith(`${ID2},`)) as string;
    expect(row2.endsWith(',')).toBe(true);
  });

  it('an import merges tag by tag: tags added here and in the file both stay, a later removal wins', async () => {
    const before = await tagged();
    const file = JSON.parse(exportJson(before));
    const one = file.entries.find((e: ReadingEntry) => e.key === ID1) as ReadingEntry;
    // the file: "Wonen" added there, "Zorg" removed there later than it was added here
    one.tags = [
      { label: '=SOM(A1)', at: 11 },
      { label: 'weg', at: 13, removed: true },
      { label: 'Wonen', at: 20 },
      { label: 'Zorg', at: 21, removed: true },
    ];
    one.stamps.tags = 21;
    await setTag(ID1, 'Begroting', true, 15); // here, after the export
    expect(await importJson(JSON.stringify(file))).toMatchObject({ updated: 1, unchanged: 1 });
    const e = (await getEntry(ID1)) as ReadingEntry;
    expect(liveTags(e.tags)).toEqual(['=SOM(A1)', 'Begroting', 'Wonen']);
    expect(e.stamps.tags).toBe(22); // one past the file's: the merge holds more than either copy
  });

  it('a file with a bad tag is refused whole, and nothing changes', async () => {
    const before = await tagged();
    const file = JSON.parse(exportJson(before));
    file.entries[1].tags = [{ label: 'Zorg', at: '1' }];
    let err: unknown;
    try {
      await importJson(JSON.stringify(file));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).reason).toBe('badEntry');
    expect((err as ImportError).detail).toBe('2: tags');
    expect(await listEntries()).toEqual(before);
  });

  it('a removed entry and its tags come back together with undo', async () => {
    await tagged();
    const removed = (await removeEntry(ID1, 30)) as ReadingEntry;
    expect(removed.tags).toHaveLength(3);
    const { restoreEntry } = await import('../../utils/reading-list');
    await restoreEntry(removed, 40);
    expect(liveTags((await getEntry(ID1))?.tags)).toEqual(['=SOM(A1)', 'Zorg']);
  });
});

describe('two devices through storage.sync', () => {
  it('each adds a different tag to the same entry before seeing the other: both keep both', async () => {
    await syncEnabled.setValue(true);
    const use = devicesOnStorage(2);
    await use(0);
    await addEntry(linkEntry(ID1, 1));
    await syncNow(2);
    await use(1);
    await syncNow(3);
    await setTag(ID1, 'Wonen', true, 100); // the phone
    await use(0);
    await setTag(ID1, 'Zorg', true, 100); // the laptop, at the same moment
    await setTag(ID1, 'Zorg', true, 101);
    await syncNow(110);
    await use(1);
    await syncNow(120);
    await use(0);
    await syncNow(130);
    for (const d of [0, 1]) {
      await use(d);
      expect(liveTags((await getEntry(ID1))?.tags)).toEqual(['Wonen', 'Zorg']);
    }
    // a removal on one device reaches the other, and wins over the older add there
    await setTag(ID1, 'wonen', false, 200);
    await syncNow(210);
    await use(1);
    await syncNow(220);
    expect(liveTags((await getEntry(ID1))?.tags)).toEqual(['Zorg']);
  });

  it('six devices each add 20 different tags to one entry before syncing: every sync succeeds, all keep all 120 (audit 2)', async () => {
    await syncEnabled.setValue(true);
    const use = devicesOnStorage(6);
    await use(0);
    await addEntry(linkEntry(ID1, 1));
    await addEntry(linkEntry(ID2, 1));
    expect((await syncNow(2))?.ok).toBe(true);
    let t = 100;
    const next = () => ++t;
    for (let d = 1; d < 6; d++) {
      await use(d);
      expect((await syncNow(next()))?.ok).toBe(true);
    }
    for (let d = 0; d < 6; d++) {
      await use(d);
      for (let i = 0; i < 20; i++) expect(await setTag(ID1, `d${d}-t${i}`, true, next())).not.toBeNull();
    }
    // a note on the other entry, which must sync along
    await setNote(ID2, 'verder', next());
    for (let round = 0; round < 2; round++)
      for (let d = 0; d < 6; d++) {
        await use(d);
        const status = await syncNow(next());
        expect(status).toMatchObject({ ok: true, problem: null });
      }
    for (let d = 0; d < 6; d++) {
      await use(d);
      expect(liveTags((await getEntry(ID1))?.tags)).toHaveLength(120);
      expect((await getEntry(ID2))?.note).toBe('verder');
    }
  });
});

describe('one entry that cannot be merged never stops the others (audit 2)', () => {
  /** An entry of a newer version with 12 fields of its own (room for 20 such fields in one entry) */
  const withField = (id: string, field: string, now: number) => {
    const e = linkEntry(id, now) as unknown as Record<string, unknown>;
    const fields = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${field}${i}`, i]));
    const stamps = Object.fromEntries(Object.keys(fields).map((f) => [f, now]));
    return { ...e, ...fields, stamps: { ...(e.stamps as object), ...stamps } } as unknown as ReadingEntry;
  };

  it('a batch with one key whose merge is not a valid entry: that key keeps what is stored, the others merge', async () => {
    await mergeEntries([withField(ID1, 'kleur', 1)]);
    const before = await getEntry(ID1);
    // the same entry from another newer version, with another large field: together over the room for them
    const r = await mergeEntries([withField(ID1, 'vorm', 2), linkEntry(ID2, 2)]);
    expect(r).toEqual({ added: 1, updated: 0, unchanged: 0, removed: 0, removedLater: 0, refused: 1 });
    expect(await getEntry(ID1)).toEqual(before);
    expect(await getEntry(ID2)).not.toBeNull();
  });

  it('a sync pull with such a key merges the others and says so in the status', async () => {
    await syncEnabled.setValue(true);
    await mergeEntries([withField(ID1, 'kleur', 1)]);
    await fakeBrowser.storage.sync.set({
      [`${ITEM_PREFIX}${ID1}`]: withField(ID1, 'vorm', 2),
      [`${ITEM_PREFIX}${ID2}`]: linkEntry(ID2, 2),
    });
    const status = await syncNow(10);
    expect(status?.ok).toBe(false);
    expect(status?.problem).toBe('refused:1');
    expect((await listEntries()).map((e) => e.key).sort()).toEqual([ID2, ID1].sort());
    expect((await getEntry(ID1)) as unknown as Record<string, unknown>).toHaveProperty('kleur0');
  });

  it('an import of a valid file whose entry, merged with a tag added here, holds more than 100 marks', async () => {
    await addEntry(linkEntry(ID1, 1));
    await setTag(ID1, 'hier', true, 10);
    const file = JSON.parse(exportJson([linkEntry(ID1, 1)]));
    // 100 marks: what the previous validation allowed at most (several devices' tags merged)
    file.entries[0].tags = Array.from({ length: 100 }, (_, i) => ({
      label: `t${String(i).padStart(3, '0')}`,
      at: 20 + i,
    }));
    file.entries[0].stamps.tags = 119;
    expect(await importJson(JSON.stringify(file))).toMatchObject({ updated: 1 });
    expect(liveTags((await getEntry(ID1))?.tags)).toHaveLength(101);
  });
});
