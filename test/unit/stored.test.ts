// Stored values (utils/stored.ts) on the extension's real storage API (WXT's fakeBrowser): the keys and values that
// @wxt-dev/storage wrote before stay readable as they are, missing values read as their fallback.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EARLY_KEYS, startEarlyRead, takeEarlyRead } from '../../utils/early-read';
import { messageTables } from '../../utils/message-cache';
import { syncEnabled } from '../../utils/reading-list/sync';
import { answersOpen, interfaceLanguage, viewMode } from '../../utils/settings';
import { getValues, storedValue } from '../../utils/stored';

beforeEach(() => fakeBrowser.reset());

describe('stored values', () => {
  it('read the keys the settings always had, and their fallback when missing', async () => {
    expect(await getValues([viewMode, answersOpen, interfaceLanguage, messageTables])).toEqual([
      'lezer',
      false,
      'pagina',
      null,
    ]);
    // As @wxt-dev/storage stored them ('local:viewMode' = key viewMode in storage.local): kept over the change.
    await fakeBrowser.storage.local.set({ viewMode: 'origineel', answersOpen: true, syncEnabled: true });
    expect(await getValues([viewMode, answersOpen, messageTables])).toEqual(['origineel', true, null]);
    expect(await syncEnabled.getValue()).toBe(true);
  });

  it('write to their key; null removes the value, which reads as the fallback again', async () => {
    await viewMode.setValue('origineel');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ viewMode: 'origineel' });
    await viewMode.setValue(null);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await viewMode.getValue()).toBe('lezer');
  });

  it('tell watchers of changes to their own key and area only', async () => {
    const inSync = storedValue<number>({ key: 'count', fallback: 0, area: 'sync' });
    const seen: unknown[] = [];
    const stop = inSync.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ count: 5 }); // same key, other area
    await fakeBrowser.storage.sync.set({ other: 1 }); // same area, other key
    await inSync.setValue(3);
    await inSync.setValue(null);
    stop();
    await inSync.setValue(4);
    expect(seen).toEqual([3, 0]);
  });
});

describe('the early read (utils/early-read.ts)', () => {
  const g = globalThis as { browser?: unknown };
  beforeEach(() => {
    g.browser = fakeBrowser;
    return () => {
      delete g.browser;
      takeEarlyRead();
    };
  });

  it('asks storage for every setting the content script reads, and hands the read over once', async () => {
    await fakeBrowser.storage.local.set({ viewMode: 'origineel', answersOpen: true, other: 1 });
    startEarlyRead();
    const read = takeEarlyRead();
    expect(read).not.toBeNull();
    expect(takeEarlyRead()).toBeNull();
    expect(await read).toEqual({ viewMode: 'origineel', answersOpen: true });
    // The keys the early script knows are those of the stored values (a renamed setting would be read late, or never).
    expect([...EARLY_KEYS].sort()).toEqual(
      [viewMode.key, answersOpen.key, interfaceLanguage.key, messageTables.key].sort(),
    );
  });

  it('gives the same values through getValues as a read of its own, fallbacks included', async () => {
    await fakeBrowser.storage.local.set({ answersOpen: true });
    startEarlyRead();
    const values = [viewMode, answersOpen, interfaceLanguage, messageTables] as const;
    const early = await getValues(values, takeEarlyRead());
    expect(early).toEqual(['lezer', true, 'pagina', null]);
    expect(early).toEqual(await getValues(values));
  });

  it('leaves nothing to take where there is no extension API', () => {
    const withChrome = globalThis as { chrome?: unknown };
    const chrome = withChrome.chrome;
    delete g.browser;
    delete withChrome.chrome;
    try {
      startEarlyRead();
      expect(takeEarlyRead()).toBeNull();
    } finally {
      withChrome.chrome = chrome;
    }
  });
});

describe('the storage keys (utils/storage.ts)', () => {
  it('stay what installed copies stored under: renaming one loses what users saved', async () => {
    const s = await import('../../utils/storage');
    const declared = [
      s.VIEW_MODE,
      s.ANSWERS_OPEN,
      s.INTERFACE_LANGUAGE,
      s.SCHEMA,
      s.PREVIEW,
      s.SYNC_ENABLED,
      s.SYNC_STATUS,
      s.MESSAGES,
      s.WATCHES,
      s.RELATED_INDEX,
    ];
    expect(declared.map((d) => `${d.area}:${d.key}`)).toEqual([
      'local:viewMode',
      'local:answersOpen',
      'local:interfaceLanguage',
      'local:kvl-schema',
      'local:kvl-preview',
      'local:syncEnabled',
      'local:kvl-sync-status',
      'local:kvl-messages',
      'local:kvl-watch',
      'local:related-index',
    ]);
    expect([s.ITEM_PREFIX, s.GONE_PREFIX, s.RELATED_PREFIX]).toEqual(['kvl-item:', 'kvl-gone:', 'related:']);
    expect(s.SAVED_DB).toEqual({
      name: 'kvl-saved',
      version: 1,
      copies: 'copies',
      savedAt: 'savedAt',
      search: 'search',
    });
    expect(s.SEARCH_INDEX_KEY).toBe('index');
  });
});
