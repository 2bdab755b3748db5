// The place keeper on a laid-out stand-in (happy-dom does no layout): every pair has a top in the document, the
// window a scroll position, and getBoundingClientRect / scrollBy follow from the two. Real layout is in the e2e tests
// (place.e2e.test.ts, firefox-place.e2e.test.ts).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepPlace, pairAtTop } from '../../utils/reading-view/keep-place';

const HEIGHT = 150;
let scrollY = 0;
let view: HTMLElement;

/** Lays the view's pairs out one under the other from document y 1000 (above: the site's header and the card). */
function layout() {
  let y = 1000;
  for (const el of Array.from(view.querySelectorAll<HTMLElement>('.kvl-pair'))) {
    const top = y;
    const height = Number(el.dataset.height ?? HEIGHT);
    el.getBoundingClientRect = () =>
      ({ top: top - scrollY, bottom: top + height - scrollY, height }) as DOMRect;
    y += height;
  }
}

function pair(n: number): HTMLElement {
  const el = document.createElement('article');
  el.className = 'kvl-pair';
  el.id = `vraag-${n}`;
  return el;
}

/** Lets the mutation observer's callback run (a microtask after the change). */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

beforeEach(() => {
  scrollY = 0;
  vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => scrollY);
  vi.spyOn(window, 'scrollBy').mockImplementation(((_x: number, y: number) => {
    scrollY = Math.max(0, scrollY + y);
    layout();
  }) as typeof window.scrollBy);
  view = document.createElement('div');
  document.body.replaceChildren(view);
  for (const n of [1, 2, 3, 50, 51]) view.appendChild(pair(n));
  layout();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const topOf = (n: number) => document.getElementById(`vraag-${n}`)?.getBoundingClientRect().top;

describe('pairAtTop', () => {
  const pairs = () => view.getElementsByClassName('kvl-pair');

  it('is none while the screen starts above the first pair (the header and contents grow downwards)', () => {
    scrollY = 900;
    layout();
    expect(pairAtTop(pairs())).toBeNull();
  });

  it('is the pair that starts at the top, not the one ending there (within a fraction of a pixel)', () => {
    scrollY = 1000 + 3 * HEIGHT + 0.6; // vraag-50 starts 0.6 px above the top; vraag-3 ends there
    layout();
    expect(pairAtTop(pairs())?.id).toBe('vraag-50');
  });

  it('is the pair that straddles the top, and none below the last pair', () => {
    scrollY = 1000 + HEIGHT + 40;
    layout();
    expect(pairAtTop(pairs())?.id).toBe('vraag-2');
    scrollY = 1000 + 5 * HEIGHT + 10;
    layout();
    expect(pairAtTop(pairs())).toBeNull();
  });
});

describe('keepPlace', () => {
  it('keeps a pinned pair where it is on the screen while pairs are inserted above it', async () => {
    const place = keepPlace(view);
    scrollY = 1000 + 3 * HEIGHT; // scrolled to vraag-50, as a deep link does
    layout();
    place.pin(document.getElementById('vraag-50') as Element);
    for (let n = 4; n < 50; n += 10) {
      place.capture();
      const before = document.getElementById('vraag-50');
      for (let k = n; k < n + 10 && k < 50; k++) view.insertBefore(pair(k), before);
      layout();
      await settle();
      expect(topOf(50)).toBe(0);
    }
    expect(scrollY).toBe(1000 + 49 * HEIGHT);
    place.stop();
  });

  it('keeps the pair at the top after the reader scrolled (a scroll event), also when one above grows', async () => {
    const place = keepPlace(view);
    scrollY = 1000 + HEIGHT + 40; // vraag-2, 40 px of it above the top
    layout();
    window.dispatchEvent(new Event('scroll'));
    const first = document.getElementById('vraag-1') as HTMLElement;
    first.dataset.height = '400'; // an answer above opened (expand all)
    first.setAttribute('open', '');
    layout();
    await settle();
    expect(topOf(2)).toBe(-40);
    place.stop();
  });

  it('notes the pair at the top before a change when the scroll position moved without a scroll event yet', async () => {
    const place = keepPlace(view);
    scrollY = 1000; // vraag-1 at the top, kept
    layout();
    place.pin(document.getElementById('vraag-1') as Element);
    scrollY = 1000 + 2 * HEIGHT; // then vraag-3: a contents link followed in this task
    layout();
    place.capture();
    view.insertBefore(pair(4), document.getElementById('vraag-50'));
    view.insertBefore(pair(0), document.getElementById('vraag-1'));
    layout();
    await settle();
    expect(topOf(3)).toBe(0);
    place.stop();
  });

  it('leaves the scroll alone at the very top, and after stop', async () => {
    const place = keepPlace(view);
    place.capture();
    view.insertBefore(pair(0), view.firstChild);
    layout();
    await settle();
    expect(scrollY).toBe(0);
    scrollY = 1000;
    layout();
    place.pin(document.getElementById('vraag-1') as Element);
    place.stop();
    view.insertBefore(pair(-1), view.firstChild);
    layout();
    await settle();
    expect(scrollY).toBe(1000);
  });
});
