// Keeps the reader's place: whatever the view inserts, opens or resizes above the pair at the top of the screen, that
// pair stays where it is. Explicit, so that it does not depend on the browser's scroll anchoring (which differs between
// browsers and versions, is off where `overflow-anchor: none` applies, and interacts with `content-visibility`).

import { warn } from '../warn';

export interface PlaceKeeper {
  /**
   * Call before changing the view: notes which pair is at the top of the screen and where it stands on it, unless
   * that is known already for the current scroll position.
   */
  capture(): void;
  /** Makes `pair` the one kept in place from now on (after the view scrolled it into view itself). */
  pin(pair: Element): void;
  /** Scrolls by however far the noted pair moved on the screen since it was noted. */
  keep(): void;
  stop(): void;
}

interface Anchor {
  el: Element;
  /** The pair's top on the screen when noted (or last corrected): where the reader sees it */
  top: number;
  /** window.scrollY then: a scroll since (by the reader, or by the view itself) means the reader may be looking at
   * another pair */
  scrollY: number;
}

/**
 * A pair whose bottom is this close to the top of the screen is above it: scrolled to, a pair lands there within a
 * fraction of a pixel (Firefox leaves the pair before it reaching 0.5 px into the screen).
 */
const EDGE = 2;

/**
 * The first of `pairs` (in document order, so top to bottom) whose bottom is below the top of the screen, if it
 * reaches the top: above the first pair are the header and the contents, which grow downwards from where the reader
 * looks. Binary search: a long document has a thousand pairs.
 */
export function pairAtTop(pairs: ArrayLike<Element>): Element | null {
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid].getBoundingClientRect().bottom > EDGE) hi = mid;
    else lo = mid + 1;
  }
  if (lo >= pairs.length) return null;
  const el = pairs[lo];
  return lo > 0 || el.getBoundingClientRect().top <= EDGE ? el : null;
}

/**
 * Watches `view`: corrects the scroll after every change of its content (a mutation observer, so in the same task,
 * before anything is painted) and after every change of its size that the browser makes at render time (a resize
 * observer: `content-visibility` giving a pair its real height, an image loaded, a `<details>` opened).
 */
export function keepPlace(view: HTMLElement): PlaceKeeper {
  const pairs = view.getElementsByClassName('kvl-pair');
  let anchor: Anchor | null = null;
  // Changes are watched only while there is a place to keep: at the top of the page (a fresh load) the view's
  // first render and its chunks cost no mutation records.
  let watching = false;
  const watch = (on: boolean) => {
    if (on === watching) return;
    watching = on;
    if (on)
      mutations.observe(view, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['open'],
      });
    else mutations.disconnect();
  };
  const note = (el: Element | null) => {
    anchor = el ? { el, top: el.getBoundingClientRect().top, scrollY: window.scrollY } : null;
    watch(anchor !== null);
  };
  // Whether the page may have scrolled since the view was shown: a scroll event, or a link to a place in the page
  // followed (its scroll comes before its scroll event). Until then a capture reads nothing: asking the scroll
  // position can make the browser lay out the view's latest chunk there and then, in the task of the next one.
  let moved = false;
  const capture = () => {
    if (!anchor && !moved) return;
    if (anchor && anchor.scrollY === window.scrollY && anchor.el.isConnected) return;
    // At the very top the reader sees the beginning, and keeps seeing it (as the browsers' own anchoring does).
    note(window.scrollY > 0 ? pairAtTop(pairs) : null);
  };
  const keep = () => {
    if (!anchor?.el.isConnected) return;
    // On the screen, not in the document: the browser may itself change the scroll position while it lays out what
    // changed (Chromium does, by about 15 px, as pairs that skip their layout get their size), and what counts is
    // where the reader sees the pair.
    const delta = anchor.el.getBoundingClientRect().top - anchor.top;
    if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
    // The place stays the one noted (no drift by fractions of a pixel); only our own scroll is not the reader's.
    anchor.scrollY = window.scrollY;
  };
  // Keeping the place is a comfort: if it ever fails, the view goes on without it (and says so in the console).
  const guarded = (fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      warn(err);
    }
  };
  const mutations = new MutationObserver(guarded(keep));
  const sizes = new ResizeObserver(guarded(keep));
  sizes.observe(view);
  // A scroll by the reader (or the page): from now on, keep the pair now at the top.
  const scrolled = guarded(() => {
    moved = true;
    if (anchor?.scrollY !== window.scrollY) capture();
  });
  const followed = (e: Event) => {
    if ((e.target as Element | null)?.closest?.('a[href^="#"]')) moved = true;
  };
  window.addEventListener('scroll', scrolled, { passive: true });
  view.addEventListener('click', followed, true);
  return {
    capture,
    pin: note,
    keep,
    stop() {
      watch(false);
      sizes.disconnect();
      window.removeEventListener('scroll', scrolled);
      view.removeEventListener('click', followed, true);
      anchor = null;
    },
  };
}
