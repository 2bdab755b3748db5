// Does the reader keep their place while the view fills in? A script for the page (Chromium and Firefox alike) that
// does what a reader does at the moment the view is still filling in (follows a deep link, clicks a contents entry,
// presses `j`) and records, on every animation frame from then until the view is complete, where the pair they went
// to stands on the screen.

import { expect } from 'vitest';

export type PlaceScenario =
  /** `#vraag-N` in the address: the pair, once scrolled to */
  | 'deep-link'
  /** no hash; the contents are opened as soon as the view is shown, and the entry of `pair` clicked */
  | 'contents'
  /** as 'contents' for the pair two before `pair`, then `j` twice */
  | 'keys';

export interface PlaceOptions {
  scenario: PlaceScenario;
  /** The pair the reader goes to */
  pair: number;
  /** false: `overflow-anchor: none` on every element, as on browsers or pages without scroll anchoring */
  anchoring: boolean;
}

export interface PlaceRecord {
  /** The pair's top on the screen, px, on every frame from when it was scrolled to until the view was complete */
  tops: number[];
  /** How many pairs the view had when the reader acted (fewer than all: it was still filling in) */
  pairsAtAction: number | null;
  done: boolean;
}

/** The page script (for Playwright's addInitScript and Puppeteer's evaluateOnNewDocument). */
export function placeProbe(options: PlaceOptions): string {
  return `(${probe.toString()})(${JSON.stringify(options)});`;
}

/** Reads what the probe recorded, once the view is complete (null until then). */
export const PLACE_RESULT = '(() => window.__place && window.__place.done ? window.__place : null)()';

function probe(o: PlaceOptions) {
  const rec: PlaceRecord = { tops: [], pairsAtAction: null, done: false };
  (window as unknown as { __place: PlaceRecord }).__place = rec;
  if (!o.anchoring) {
    // A constructed style sheet: there is no element to put a <style> in this early.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('*, *::before, *::after { overflow-anchor: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  // No document element yet this early: read it when needed.
  const html = () => document.documentElement;
  const pairs = () => document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length;
  const complete = () =>
    html().dataset.kvlStatus === 'lezer' &&
    (o.scenario !== 'contents' || document.querySelectorAll('[data-kvl-view] .kvl-toc a').length === pairs());
  let target: Element | null = null;
  let pressed = 0;
  let clicked = false;
  let busy = false;
  /** Runs `job` in a task of its own, as a click or a key press is (not in the animation frame). */
  const inTask = (job: () => void) => setTimeout(job);
  const act = () => {
    if (busy) return;
    if (o.scenario === 'deep-link') {
      const el = document.getElementById(`vraag-${o.pair}`);
      if (el && window.scrollY > 0) target = el;
    } else if (!clicked) {
      // The contents (closed on a long document) opened, then the entry of the pair clicked once it is there.
      const toc = document.querySelector<HTMLDetailsElement>('[data-kvl-view] .kvl-toc details');
      if (toc && !toc.open) toc.querySelector('summary')?.click();
      const to = o.scenario === 'contents' ? o.pair : o.pair - 2;
      const link = document.querySelector<HTMLAnchorElement>(
        `[data-kvl-view] .kvl-toc a[href="#vraag-${to}"]`,
      );
      if (link && document.getElementById(`vraag-${to}`)) {
        busy = true;
        inTask(() => {
          link.click();
          clicked = true;
          busy = false;
          if (o.scenario === 'contents') target = document.getElementById(`vraag-${o.pair}`);
        });
      }
    } else if (o.scenario === 'keys' && document.getElementById(`vraag-${o.pair}`)) {
      // `j`, one press per frame
      busy = true;
      inTask(() => {
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }),
        );
        busy = false;
        if (++pressed === 2) target = document.getElementById(`vraag-${o.pair}`);
      });
    }
  };
  const observe = () => {
    if (target && rec.pairsAtAction === null) rec.pairsAtAction = pairs();
  };
  const frame = () => {
    if (!target && html().hasAttribute('data-kvl-ms')) act();
    observe();
    if (target) {
      // From the moment the browser has scrolled to it: Firefox scrolls to a followed link's target at its next
      // refresh, not in the click's task.
      const top = Math.round(target.getBoundingClientRect().top);
      if (rec.tops.length > 0 || Math.abs(top) < 5) rec.tops.push(top);
    }
    if (target && complete()) rec.done = true;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The long synthetic document the scenarios run on, and where it is served. */
export const PLACE_DOC = { id: 'ah-tk-20232024-99997', pairs: 1000 };
/** The deep-linked pair: far down, with a screenful of pairs after it */
const DEEP = PLACE_DOC.pairs - 50;

export interface PlaceCase {
  name: string;
  /** Path (with hash) of the page to open */
  path: string;
  options: PlaceOptions;
}

/**
 * Every scenario with the browser's scroll anchoring and without: a deep link three times each (the pairs above it
 * arrive in chunks whose timing varies load by load), a contents click and `j` presses once each.
 */
export function placeCases(): PlaceCase[] {
  const page = `${PLACE_DOC.id}.html`;
  const out: PlaceCase[] = [];
  for (const anchoring of [true, false]) {
    const mode = anchoring ? 'with scroll anchoring' : 'with overflow-anchor: none';
    for (const load of [1, 2, 3]) {
      out.push({
        name: `deep link #vraag-${DEEP}, ${mode} (load ${load})`,
        path: `${page}#vraag-${DEEP}`,
        options: { scenario: 'deep-link', pair: DEEP, anchoring },
      });
    }
    out.push({
      name: `contents entry of pair 5 clicked while the contents and the pairs come in, ${mode}`,
      path: page,
      options: { scenario: 'contents', pair: 5, anchoring },
    });
    out.push({
      name: `contents entry of pair 5 clicked, then j twice, while the contents and the pairs come in, ${mode}`,
      path: page,
      options: { scenario: 'keys', pair: 7, anchoring },
    });
  }
  return out;
}

/** What every scenario must show: the pair stayed within 50 px of the top on every frame, and ends at the top. */
export function checkPlace(rec: PlaceRecord): void {
  // The reader acted while the view was still filling in (else the test would show nothing).
  expect(rec.pairsAtAction, 'pairs when the reader acted').toBeLessThan(PLACE_DOC.pairs);
  expect(rec.tops.length, 'frames recorded').toBeGreaterThan(3);
  expect(Math.max(...rec.tops.map(Math.abs)), `tops ${rec.tops.join(' ')}`).toBeLessThan(50);
  expect(Math.abs(rec.tops[rec.tops.length - 1]), 'final top').toBeLessThan(5);
}
