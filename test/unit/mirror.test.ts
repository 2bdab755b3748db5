// The background's copy of the list in memory (badge, preview): read once, then current from the change events,
// including changes that arrive while the first read is under way.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entryFromLink, type ReadingEntry } from '../../utils/reading-list/entry';
import { listMirror } from '../../utils/reading-list/mirror';
import { addEntry, removeEntry, resetForTests, setNote } from '../../utils/reading-list/store';

const entry = (n: number): ReadingEntry =>
  entryFromLink(
    `https://zoek.officielebekendmakingen.nl/ah-tk-20232024-${n}.html`,
    `Onderwerp ${n}`,
    n,
  ) as ReadingEntry;
const keys = (list: ReadingEntry[]) => list.map((e) => e.key).sort();

beforeEach(() => {
  fakeBrowser.reset();
  resetForTests();
});

describe('listMirror', () => {
  it('reads the list once, then follows saves, edits and removals from the change events', async () => {
    await addEntry(entry(1));
    const changes = vi.fn();
    const mirror = listMirror(changes);
    expect(keys(await mirror.entries())).toEqual(['ah-tk-20232024-1']);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await addEntry(entry(2));
    await setNote('ah-tk-20232024-1', 'notitie');
    await removeEntry('ah-tk-20232024-2');
    await addEntry(entry(3));
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(4));
    get.mockClear();
    const now = await mirror.entries();
    // From memory: no read of the whole list again.
    expect(get).not.toHaveBeenCalledWith(null);
    expect(keys(now)).toEqual(['ah-tk-20232024-1', 'ah-tk-20232024-3']);
    expect(now.find((e) => e.key === 'ah-tk-20232024-1')?.note).toBe('notitie');
    mirror.stop();
  });

  it('a change made while the first read is under way is not lost', async () => {
    await addEntry(entry(1));
    const mirror = listMirror(() => {});
    const first = mirror.entries();
    await addEntry(entry(2));
    await removeEntry('ah-tk-20232024-1');
    await first;
    await vi.waitFor(async () => expect(keys(await mirror.entries())).toEqual(['ah-tk-20232024-2']));
    mirror.stop();
  });
});
