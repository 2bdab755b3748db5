// Section "copies": saved copies in Chromium (issue 19). 1,000 real-sized documents (the fixture documents, under
// the ids of a bench reading list) stored through the background as an import stores them, then: the storage a
// copy takes, what saving one more costs the background with 1,000 stored (copy and search index), and the popup
// with them: its first entry, when the copies' search is ready, and a filter keystroke that searches the copies'
// words. Reference: the same popup with the same list and no copies, measured in the same browser first.
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, openView, SAMPLE_ID, tabIdOf } from '../../test/e2e/support/extension';
import { fixtureCases, parseFixture } from '../../test/support/fixtures';
import type { ReadingEntry } from '../../utils/reading-list/entry';
import { copyOf, type SavedCopy } from '../../utils/saved/copy';
import { documentUrl } from '../../utils/site/ids';
import { type BenchContext, type BenchSection, inChromium } from './context';
import {
  fmtKb,
  fmtMs,
  fmtRatio,
  median,
  printIntro,
  ratio,
  renderTable,
  type Timing,
  timing,
  verdict,
} from './figures';
import { benchEntries, fillStorage, type Open, openOnce } from './popup';

const DOCUMENTS = 1000;
/** Stored one at a time at the end, each timed */
const SINGLES = 10;
const BATCH = 50;
const OPENS = 5;
/** In the answers of one fixture document (ah-tk-20232024-2367), so in every copy made of it; in no entry's fields */
const QUERY = 'ongehinderd';
const GOAL_FIRST_ITEM_MS = 200;
const GOAL_KEYSTROKE_MS = 30;
const GOAL_SAVE_MS = 20;

/** A reading list naming `DOCUMENTS` documents (some with single answers too), and a real-sized copy of each. */
function benchCopies(now: number): { entries: ReadingEntry[]; copies: SavedCopy[] } {
  const docs = fixtureCases('html-').map((c) => parseFixture(c.source));
  let n = DOCUMENTS;
  let entries: ReadingEntry[] = [];
  let ids: string[] = [];
  for (; ids.length < DOCUMENTS; n += 100) {
    entries = benchEntries(n, now);
    ids = [...new Set(entries.map((e) => e.id))];
  }
  const keep = new Set(ids.slice(0, DOCUMENTS));
  entries = entries.filter((e) => keep.has(e.id));
  const copies = [...keep].map((id, i) =>
    copyOf(id, documentUrl(id), docs[i % docs.length], now - i * 60_000),
  );
  return { entries, copies };
}

/**
 * Stores copies through the background (as an import does), from an extension page: ms per message, and how many it
 * stored (a few bench ids are fixture pages the fixture server has, which the background copied from there first:
 * an import keeps such a newer copy).
 */
async function restore(page: Page, copies: SavedCopy[]): Promise<{ ms: number; stored: number }> {
  return page.evaluate(async (copies) => {
    const api = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome;
    const t0 = performance.now();
    const stored = (await api.runtime.sendMessage({ type: 'kvl:copy', op: 'restore', copies })) as number;
    return { ms: performance.now() - t0, stored };
  }, copies);
}

/** The extension origin's storage in use (IndexedDB: the copies and the search index) */
const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

async function measure(ctx: BenchContext, browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  const { print } = ctx;
  const { entries, copies } = benchCopies(Date.now());
  const fill = await fillStorage(browser, entries);
  const doc = await openView(browser, `${SAMPLE_ID}.html`);
  const tabId = await tabIdOf(browser.serviceWorker, doc.url());
  const url = `chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`;
  const json = copies.map((c) => new TextEncoder().encode(JSON.stringify(c)).length);
  printIntro(print, [
    `Reading list: ${entries.length} entries naming ${copies.length} documents (${fmtKb(fill.bytes)} KB in storage.local).`,
    `Copies: the ${new Set(copies.map((c) => c.doc.subject)).size} fixture documents' parsed models under those ids, ` +
      `JSON median ${fmtKb(median(json))} KB, max ${fmtKb(Math.max(...json))} KB; stored through the background ` +
      `(restore, as an import does) in messages of ${BATCH}, the last ${SINGLES} one at a time.`,
    'A few bench ids are fixture pages the local server has: the background copies those from it first.',
    `Popup: ${OPENS} opens each in a fresh tab after one untimed open, without copies (the reference) and with them;`,
    `"${QUERY}" typed one character per input event (it is only in the copies of one document's answers).`,
  ]);

  const opensOf = async (ready?: string) => {
    await openOnce(browser, url, { query: '', ready });
    const out: Open[] = [];
    for (let i = 0; i < OPENS; i++) out.push(await openOnce(browser, url, { query: QUERY, ready }));
    return out;
  };
  const without = await opensOf();

  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const before = await usage(page);
  const bulk = copies.slice(0, copies.length - SINGLES);
  const batches: number[] = [];
  let stored = 0;
  for (let i = 0; i < bulk.length; i += BATCH) {
    const r = await restore(page, bulk.slice(i, i + BATCH));
    batches.push(r.ms);
    stored += r.stored;
  }
  const singles: number[] = [];
  for (const copy of copies.slice(-SINGLES)) {
    const r = await restore(page, [copy]);
    // Only a copy the background stored is a save.
    if (r.stored === 1) singles.push(r.ms);
    stored += r.stored;
  }
  const present = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kvl-saved');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('copies').objectStore('copies').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
  if (present !== copies.length) throw new Error(`${present} copies stored, expected ${copies.length}`);
  // The background stores the search index 2 s after its last change.
  await page.waitForTimeout(3000);
  const after = await usage(page);
  await page.close();

  const withCopies = await opensOf('[data-kvl-action="open-copy"]');
  await doc.close();

  const first = (opens: Open[]) => timing(opens.map((o) => o.marks.firstItem));
  const keys = (opens: Open[]) => timing(opens.flatMap((o) => o.keys.map((k) => k.layout)));
  const firstWithout = first(without);
  const firstWith = first(withCopies);
  const ready = timing(withCopies.map((o) => o.readyAt));
  const keyWithout = keys(without);
  const keyWith = keys(withCopies);
  const save = timing(singles);
  const perBatch = timing(batches);
  const rowsFound = [...new Set(withCopies.map((o) => o.keys.at(-1)?.rows ?? 0))];
  const expectedRows = Math.min(25, copies.filter((c) => JSON.stringify(c.doc).includes(QUERY)).length);
  const perDocument = (after - before) / copies.length;
  print(
    `${stored} copies stored by the restores, ${copies.length - stored} made by the background from the server.`,
  );
  const row = (name: string, a: Timing | null, b: Timing | null) => [
    name,
    fmtMs(a?.median),
    fmtMs(b?.median),
    fmtRatio(ratio(b?.median, a?.median)),
  ];
  print(
    renderTable(
      ['popup, median ms', '>no copies', `>${copies.length} copies`, '>ratio'],
      [
        row('first entry in the DOM', firstWithout, firstWith),
        ['copies ready (search index open, "saved copy" shown)', '', fmtMs(ready?.median), ''],
        row('filter keystroke, list updated and laid out', keyWithout, keyWith),
      ],
    ),
  );
  print();
  const under = (t: Timing | null, ms: number) => (t ? t.median < ms : null);
  print(
    `first entry with ${copies.length} copies: ${fmtMs(firstWith?.median)} ms (goal < ${GOAL_FIRST_ITEM_MS} ms): ` +
      `${verdict(under(firstWith, GOAL_FIRST_ITEM_MS))}; copies' search ready at ${fmtMs(ready?.median)} ms`,
  );
  print(
    `filter keystroke searching the copies: ${fmtMs(keyWith?.median)} ms (goal < ${GOAL_KEYSTROKE_MS} ms): ` +
      `${verdict(under(keyWith, GOAL_KEYSTROKE_MS))}; "${QUERY}" shows ${rowsFound.join('/')} rows ` +
      `(expected ${expectedRows}: the first screen of its ${copies.filter((c) => JSON.stringify(c.doc).includes(QUERY)).length} documents)`,
  );
  print(
    `saving one more copy with ${copies.length - 1} stored (background: copy + search index, as a message round ` +
      `trip): ${fmtMs(save?.median)} ms (goal < ${GOAL_SAVE_MS} ms): ${verdict(under(save, GOAL_SAVE_MS))}; ` +
      `${BATCH} at a time: ${fmtMs(perBatch?.median)} ms per message`,
  );
  print(
    `storage per document (IndexedDB, copy and its share of the index; navigator.storage.estimate): ` +
      `${fmtKb(perDocument)} KB; ${fmtKb(after - before)} KB for ${copies.length}`,
  );
  return {
    documents: copies.length,
    entries: entries.length,
    copyJsonBytes: { median: median(json), max: Math.max(...json) },
    storageBytesPerDocument: perDocument,
    firstItemMs: { without: firstWithout, with: firstWith },
    readyMs: ready,
    keystrokeMs: { without: keyWithout, with: keyWith },
    rows: rowsFound,
    saveOneMs: save,
    batchMs: perBatch,
    goals: {
      firstItemMet: under(firstWith, GOAL_FIRST_ITEM_MS),
      keystrokeMet: under(keyWith, GOAL_KEYSTROKE_MS),
      saveMet: under(save, GOAL_SAVE_MS),
    },
  };
}

export const copiesSection: BenchSection = {
  name: 'copies',
  title: `Saved copies: ${DOCUMENTS.toLocaleString('en')} documents in Chromium`,
  run: (ctx) => inChromium(ctx, (browser) => measure(ctx, browser)),
};
