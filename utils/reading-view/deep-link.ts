// Deep links: #vraag-3 opens and scrolls to the pair that holds question 3, also inside a group ("Vraag 2, 3 en 4").

import { questionOfHash } from '../site/ids';
import type { PlaceKeeper } from './keep-place';

function pairForHash(view: HTMLElement, hash: string): HTMLElement | null {
  const q = questionOfHash(hash);
  if (q === null) return null;
  const n = String(q);
  for (const pair of Array.from(view.querySelectorAll<HTMLElement>('[data-kvl-pair]'))) {
    if ((pair.dataset.kvlPair ?? '').split(',').includes(n)) return pair;
  }
  return null;
}

/** Opens and scrolls to the pair of a `#vraag-N` hash; the place keeper then holds that pair where it is. */
export function openHash(view: HTMLElement, hash: string, place: Pick<PlaceKeeper, 'pin'>): boolean {
  const pair = pairForHash(view, hash);
  if (!pair) return false;
  const details = pair.querySelector('details');
  if (details) details.open = true;
  pair.scrollIntoView({ block: 'start' });
  place.pin(pair);
  return true;
}

/**
 * Follows changes of the hash (the contents' links, links from elsewhere). Returns what opens a hash that was followed
 * before its pair was rendered, for when every pair is: only that one, so that a reader who moved on since is not
 * taken back to where the page started.
 */
export function deepLinks(
  view: HTMLElement,
  place: Pick<PlaceKeeper, 'pin'>,
  signal: AbortSignal,
): () => void {
  let pending: string | null = null;
  const follow = () => {
    pending = openHash(view, location.hash, place) ? null : location.hash;
  };
  window.addEventListener('hashchange', follow, { signal });
  return () => {
    if (pending !== null && pending === location.hash) openHash(view, pending, place);
    pending = null;
  };
}
