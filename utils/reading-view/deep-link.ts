// Deep links: #vraag-3 opens and scrolls to the pair that holds question 3, also inside a group ("Vraag 2, 3 en 4").

/** The question number of a `#vraag-N` hash, null for any other hash. */
export function questionOfHash(hash: string): number | null {
  const m = /^#vraag-(\d+)$/.exec(hash);
  return m ? Number(m[1]) : null;
}

export function pairForHash(view: HTMLElement, hash: string): HTMLElement | null {
  const q = questionOfHash(hash);
  if (q === null) return null;
  const n = String(q);
  for (const pair of Array.from(view.querySelectorAll<HTMLElement>('[data-kvl-pair]'))) {
    if ((pair.dataset.kvlPair ?? '').split(',').includes(n)) return pair;
  }
  return null;
}

export function openHash(view: HTMLElement, hash: string): boolean {
  const pair = pairForHash(view, hash);
  if (!pair) return false;
  const details = pair.querySelector('details');
  if (details) details.open = true;
  pair.scrollIntoView({ block: 'start' });
  return true;
}

export function deepLinks(view: HTMLElement, signal: AbortSignal): void {
  window.addEventListener('hashchange', () => openHash(view, location.hash), { signal });
}
