// Section "list": the reading list's data safety as it costs users time. The merge of another device's (or an
// import's) 5,000 changes into a 5,000-entry list, by the rules every device runs (utils/reading-list/merge.ts), in
// Node; and a save from a document page with 15,000 entries stored, in Chromium, from the reader's click until the
// page shows it saved (the one writer in the background included).
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, SAMPLE_ID, siteUrl, viewDecided } from '../../test/e2e/support/extension';
import type { ReadingEntry } from '../../utils/reading-list/entry';
import { mergeSlot, noteIn, readIn, type Slot, sameSlot } from '../../utils/reading-list/merge';
import { GONE_PREFIX, ITEM_PREFIX } from '../../utils/storage';
import { type BenchContext, type BenchSection, inChromium } from './context';
import {
  fmtMs,
  fmtRatio,
  ratio,
  renderTable,
  type Timing,
  timeInterleaved,
  timing,
  verdict,
} from './figures';
import { benchEntries, fillStorage } from './popup';

const MERGE_ENTRIES = 5000;
const GOAL_MERGE_MS = 50;
const STORED = 15_000;
const SAVES = 7;
const GOAL_SAVE_MS = 50;

/** 5,000 entries here and the same 5,000 as another device changed them: a note, "read", or both. */
function mergeInput(): { here: Slot[]; there: Slot[] } {
  const now = Date.UTC(2026, 0, 1);
  const list = benchEntries(MERGE_ENTRIES, now);
  const here = list.map((entry): Slot => ({ entry, gone: null }));
  const there = list.map((entry, i): Slot => {
    let slot: Slot = { entry, gone: null };
    if (i % 2 === 0) slot = noteIn(slot, `elders bewerkt ${i}`, now + 1000 + i);
    if (i % 3 !== 1) slot = readIn(slot, !entry.read, now + 2000 + i);
    return slot;
  });
  return { here, there };
}

function mergeAll(here: Slot[], there: Slot[]): Slot[] {
  const out: Slot[] = new Array(here.length);
  for (let i = 0; i < here.length; i++) out[i] = mergeSlot(here[i], there[i]);
  return out;
}

/** From the reader's click on "save" until the save control shows the document saved, on the page's clock. */
function saveMs(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const card = document.querySelector('[data-kvl-view] .kvl-card');
    const button = card.querySelector('[data-kvl-action="save"]');
    let t0 = 0;
    button.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_r, observer) => {
      if (!card.querySelector('[data-kvl-saved="${SAMPLE_ID}"]')) return;
      observer.disconnect();
      resolve(performance.now() - t0);
    }).observe(card, { childList: true, subtree: true, attributes: true });
    window.__kvlArmed = true;
  })`) as Promise<number>;
}

async function measureSaves(ctx: BenchContext, browser: ExtensionBrowser): Promise<Record<string, unknown>> {
  const stored = benchEntries(STORED, Date.now() - 86_400_000);
  const { bytes } = await fillStorage(browser, stored);
  // The reference: one entry read and written by the background itself, the least a save costs in storage.
  const reference = () =>
    browser.serviceWorker.evaluate(`(async (local, key) => {
      const t0 = performance.now();
      const old = await local.get(key);
      await local.set({ [key + '-copy']: old[key] ?? { key } });
      return performance.now() - t0;
    })(chrome.storage.local, ${JSON.stringify(`${ITEM_PREFIX}${stored[0].key}`)})`) as Promise<number>;
  const unsave = () =>
    browser.serviceWorker.evaluate(
      `chrome.storage.local.remove(${JSON.stringify([`${ITEM_PREFIX}${SAMPLE_ID}`, `${GONE_PREFIX}${SAMPLE_ID}`])})`,
    );

  const page = await browser.context.newPage();
  const saves: number[] = [];
  const refs: number[] = [];
  for (let i = 0; i <= SAVES; i++) {
    await unsave();
    await page.goto(siteUrl(`${SAMPLE_ID}.html`));
    await viewDecided(page, 'lezer');
    const measured = saveMs(page);
    await page.waitForFunction('window.__kvlArmed === true');
    await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
    const ms = await measured;
    const ref = await reference();
    if (i === 0) continue; // the first: the background reads the list into memory once (see the README)
    saves.push(ms);
    refs.push(ref);
  }
  const save = timing(saves) as Timing;
  const ref = timing(refs) as Timing;
  ctx.print(
    `Chromium, ${STORED.toLocaleString('en')} entries stored (${(bytes / 1e6).toFixed(1)} MB in storage.local); ` +
      `${SAVES} saves of ${SAMPLE_ID} after one untimed, each on a fresh load of the page.`,
  );
  ctx.print(
    'save = from the click to the page showing it saved (message to the background, its merge and write, the ' +
      'change event back); reference = one get + set of an entry in the background itself.',
  );
  ctx.print(
    renderTable(
      [
        'with 15,000 stored',
        '>median ms',
        '>min',
        '>max',
        '>reference ms',
        '>ratio',
        `goal < ${GOAL_SAVE_MS} ms`,
      ],
      [
        [
          'save from the page',
          fmtMs(save.median),
          fmtMs(save.min),
          fmtMs(save.max),
          fmtMs(ref.median),
          fmtRatio(ratio(save.median, ref.median)),
          verdict(save.median < GOAL_SAVE_MS),
        ],
      ],
    ),
  );
  return {
    stored: STORED,
    bytes,
    saveMs: saves,
    referenceMs: refs,
    medianMs: save.median,
    referenceMedianMs: ref.median,
  };
}

async function run(ctx: BenchContext): Promise<unknown> {
  const { here, there } = mergeInput();
  const incoming = there.map((s) => s.entry as ReadingEntry);
  const t = timeInterleaved(
    {
      merge: () => mergeAll(here, there),
      reference: () => structuredClone(incoming),
    },
    { warmup: 3, runs: 15 },
  );
  const merged = mergeAll(here, there);
  const changed = merged.filter((slot, i) => !sameSlot(slot, here[i])).length;
  ctx.print(
    `Merge in Node: ${MERGE_ENTRIES.toLocaleString('en')} entries here, the same ${MERGE_ENTRIES.toLocaleString('en')} ` +
      `changed on another device (a note on half, "read" on two thirds), merged group by group (${changed} changed). ` +
      'Reference: a structured copy of the incoming entries (what receiving them costs at least).',
  );
  ctx.print(
    renderTable(
      ['merge', '>median ms', '>reference ms', '>ratio', `goal < ${GOAL_MERGE_MS} ms`],
      [
        [
          '5,000 × 5,000',
          fmtMs(t.merge.median),
          fmtMs(t.reference.median),
          fmtRatio(ratio(t.merge.median, t.reference.median)),
          verdict(t.merge.median < GOAL_MERGE_MS),
        ],
      ],
    ),
  );
  ctx.print();
  return {
    merge: { ...t.merge, changed, reference: t.reference },
    save: await inChromium(ctx, (browser) => measureSaves(ctx, browser)),
  };
}

export const listSection: BenchSection = {
  name: 'list',
  title: 'reading list: merging another device’s changes, and a save with 15,000 entries stored',
  run,
};
