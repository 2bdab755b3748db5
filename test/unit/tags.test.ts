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
  MAX_TAGS,
  normaliseTag,
  query,
  type ReadingEntry,
  removeEntry,
  resetForTests,
  setTag,
  syncBytes,
  syncEnabled,
  syncNow,
  tagKey,
  tagsProblem,
} from '../../utils/reading-list';
import { addTo, mergeSlot, removeFrom, type Slot, sameSlot, tagIn } from '../../utils/reading-list/merge';
import { ITEM_PREFIX } from '../../utils/storage';

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
    expect(m.entry?.stamps.tags).toBe(2000);
    expect(sameSlot(m, mergeSlot(phone, laptop))).toBe(true);
    expect(sameSlot(mergeSlot(m, laptop), m)).toBe(true);
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

  it('refuses malformed tags: not a tag, unsorted, twice, unknown fields, no stamp, a string list', () => {
    const e = tagged();
    const bad: unknown[] = [
      ['Zorg'],
      [{ label: ' zorg', at: 1 }],
      [{ label: 'a;b', at: 1 }],
      [{ label: 'x'.repeat(41), at: 1 }],
      [{ label: 'Zorg', at: -1 }],
      [{ label: 'Zorg', at: 1, removed: false }],
      [{ label: 'Zorg', at: 1, colour: 'rood' }],
      [
        { label: 'Zorg', at: 1 },
        { label: 'wonen', at: 1 },
      ],
      [
        { label: 'Zorg', at: 1 },
        { label: 'zorg', at: 2 },
      ],
      {},
    ];
    for (const tags of bad) {
      expect(tagsProblem(tags)).toBe('tags');
      expect(entryProblem({ ...e, tags })).toBe('tags');
    }
    const { tags: _, ...stamps } = e.stamps;
    expect(entryProblem({ ...e, stamps })).toBe('tags');
  });

  it('stays within what a version without tags keeps of an unknown field, and within a sync item', () => {
    let s = saved();
    for (let i = 0; i < 20; i++)
      s = tagIn(s, `${'x'.repeat(37)}${String(i).padStart(3, '0')}`, true, 2000 + i);
    for (let i = 0; i < 20; i++)
      s = tagIn(s, `${'x'.repeat(37)}${String(i).padStart(3, '0')}`, false, 3000 + i);
    for (let i = 20; i < 40; i++)
      s = tagIn(s, `${'x'.repeat(37)}${String(i).padStart(3, '0')}`, true, 4000 + i);
    const e = s.entry as ReadingEntry;
    expect(e.tags).toHaveLength(40); // 20 live, 20 removal marks: MAX_TAG_MARKS
    expect(JSON.stringify(e.tags).length).toBeLessThan(16_000);
    expect(syncBytes(`${ITEM_PREFIX}${e.key}`, e)).toBeLessThan(8192);
    // one removed and a new one added: the oldest removal mark goes, the live tags stay
    const more = tagIn(tagIn(s, `${'x'.repeat(37)}020`, false, 9000), 'nieuw', true, 9001)
      .entry as ReadingEntry;
    expect(more.tags).toHaveLength(40);
    expect(liveTags(more.tags)).toHaveLength(20);
    expect(more.tags?.some((m) => m.label.endsWith('000'))).toBe(false);
    expect(more.tags?.find((m) => m.label.endsWith('001'))).toMatchObject({ removed: true });
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

  it('Markdown lists the tags of each entry; CSV has a tags column, ";"-separated, formulas defused', async () => {
    const entries = await tagged();
    expect(exportMarkdown(entries)).toContain('  Tags: =SOM(A1), Zorg\n');
    expect(exportMarkdown(entries, 'en')).toContain('  Tags: =SOM(A1), Zorg\n');
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
    expect(e.stamps.tags).toBe(21);
  });

  it('a file with a bad tag is refused whole, and nothing changes', async () => {
    const before = await tagged();
    const file = JSON.parse(exportJson(before));
    file.entries[1].tags = [{ label: 'a;b', at: 1 }];
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
  /** Devices as separate storage.local contents over one fakeBrowser; the sync area is shared between them. */
  function devices(n: number) {
    const locals: Record<string, unknown>[] = Array.from({ length: n }, () => ({ syncEnabled: true }));
    let current = -1;
    return async (d: number) => {
      if (d === current) return;
      if (current >= 0) locals[current] = await fakeBrowser.storage.local.get(null);
      await fakeBrowser.storage.local.clear();
      await fakeBrowser.storage.local.set(locals[d]);
      resetForTests();
      current = d;
    };
  }

  it('each adds a different tag to the same entry before seeing the other: both keep both', async () => {
    await syncEnabled.setValue(true);
    const use = devices(2);
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
});
