// Keyboard navigation between pairs: j/k next/previous, o open/close the answer, e/c expand/collapse all.

import { type PlaceKeeper, pairAtTop } from './keep-place';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable;
}

export function keyboardNavigation(
  view: HTMLElement,
  setAll: (open: boolean) => void,
  place: Pick<PlaceKeeper, 'pin'>,
  signal: AbortSignal,
): void {
  const pairs = () => Array.from(view.querySelectorAll<HTMLElement>('.kvl-pair'));
  const current = (list: HTMLElement[]) => {
    const active = document.activeElement?.closest<HTMLElement>('.kvl-pair');
    const i = active ? list.indexOf(active) : -1;
    if (i >= 0) return i;
    // else (nothing focused, or the contents link just followed) the pair at the top of the screen; none above the
    // first pair: `j` then goes to the first
    const top = pairAtTop(list);
    const at = top ? list.indexOf(top as HTMLElement) : -1;
    // A pair reaching into the screen from above is the one being read only while it fills the upper half (a long
    // answer); a last few lines of it are not where the reader is: the next pair is. (A pair scrolled to lands within
    // a pixel or two of the top, either side.)
    const box = top?.getBoundingClientRect();
    return box && box.top < -2 && box.bottom < window.innerHeight / 2 && at + 1 < list.length ? at + 1 : at;
  };
  const focusPair = (p: HTMLElement) => {
    const head = p.querySelector<HTMLElement>('.kvl-pair-head');
    if (head) {
      head.tabIndex = -1;
      head.focus({ preventScroll: true });
    }
    p.scrollIntoView({ block: 'start' });
    place.pin(p);
  };
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      const list = pairs();
      if (list.length === 0) return;
      const i = current(list);
      if (e.key === 'j') focusPair(list[Math.min(i + 1, list.length - 1)]);
      else if (e.key === 'k') focusPair(list[Math.max(i - 1, 0)]);
      else if (e.key === 'o' && i >= 0) {
        const d = list[i].querySelector('details');
        if (d) d.open = !d.open;
      } else if (e.key === 'e') setAll(true);
      else if (e.key === 'c') setAll(false);
      else return;
      e.preventDefault();
    },
    { signal },
  );
}
