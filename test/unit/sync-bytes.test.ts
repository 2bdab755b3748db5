// storage.sync counts an item's bytes its own way: syncBytes must never count less than Chrome or Firefox do.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncBytes } from '../../utils/reading-list/sync';

/**
 * chrome.storage.sync.getBytesInUse('k') after set({ k: { t: c × 10 } }), measured in Chromium 156 (the same probe
 * runs in test/e2e/reading-list.e2e.test.ts against the browser at hand).
 */
const CHROME_MEASURED: [string, number][] = [
  ['a', 19],
  ['<', 69],
  ['>', 19],
  ['&', 19],
  ['\u2028', 69],
  ['\u2029', 69],
  ['é', 29],
  ['😀', 49],
  ['"', 29],
  ['\\', 29],
  ['\n', 29],
  ['\u0001', 69],
  ['\ud800', 39],
  ['\u00a0', 29],
  ['\ufeff', 39],
];
const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('syncBytes', () => {
  it.each(CHROME_MEASURED)('%j × 10 counts at least what Chrome counts (%i)', (c, chrome) => {
    const bytes = syncBytes('k', { t: c.repeat(10) });
    expect(bytes).toBeGreaterThanOrEqual(chrome);
    // ...and no more than the larger of Chrome's and Firefox's counts (Firefox: UTF-8 of JSON.stringify).
    expect(bytes).toBe(Math.max(chrome, 1 + utf8(JSON.stringify({ t: c.repeat(10) }))));
  });

  it('never counts less than the UTF-8 of key and JSON, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (note, key) => {
        expect(syncBytes(key, { note })).toBeGreaterThanOrEqual(utf8(key) + utf8(JSON.stringify({ note })));
      }),
    );
  });
});
