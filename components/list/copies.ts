// The saved copies as the popup's list uses them: which documents have one (the "saved copy" action), and the search
// over their words for the filter, with the matching sentence of the rows in view. Loaded after the first paint, code
// and all (MiniSearch and IndexedDB are a chunk of their own): the list's first entries wait for neither.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReadingEntry } from '../../utils/reading-list';
import type { Finder } from '../../utils/saved/finder';
import { warn } from '../../utils/warn';

type Saved = typeof import('../../utils/saved/db') &
  typeof import('../../utils/saved/finder') &
  typeof import('../../utils/saved/search');

let saved: Promise<Saved> | null = null;
/** The saved copies' code, loaded once, on first use. */
function loadSaved(): Promise<Saved> {
  saved ??= Promise.all([
    import('../../utils/saved/db'),
    import('../../utils/saved/finder'),
    import('../../utils/saved/search'),
  ]).then(([db, finder, search]) => ({ ...db, ...finder, ...search }));
  // A failed load (an update replaced the chunks) is tried again next time.
  saved.catch(() => {
    saved = null;
  });
  return saved;
}

const NONE: ReadonlyMap<string, number> = new Map();

export interface Copies {
  /** Documents with a saved copy */
  ids: ReadonlySet<string>;
  /** The documents whose copies hold the filter's words: id → score (empty without a filter) */
  hits: ReadonlyMap<string, number>;
}

export function useCopies(entries: ReadonlyMap<string, ReadingEntry> | null, text: string): Copies {
  const finder = useRef<Promise<Finder> | null>(null);
  const [found, setFound] = useState<{ finder: Finder | null; ids: ReadonlySet<string>; code: Saved | null }>(
    {
      finder: null,
      ids: new Set(),
      code: null,
    },
  );
  useEffect(() => {
    let stop = false;
    // Opened once; then, whenever the list changed, caught up with copies the background made or dropped meanwhile.
    const update = async () => {
      const code = await loadSaved();
      const opening = finder.current;
      finder.current ??= code.openFinder().then((r) => r.finder);
      finder.current.catch(() => {
        finder.current = null;
      });
      const f = await finder.current;
      if (opening) await code.catchUp(f, await code.copyStamps());
      if (!stop)
        setFound({ finder: f, ids: new Set([...f.stamps.keys()].filter((id) => f.index.has(id))), code });
    };
    const timer = setTimeout(() => void update().catch(warn), 0);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [entries]);
  const hits = useMemo(
    () =>
      found.finder && found.code && text.trim() ? found.code.searchCopies(found.finder.index, text) : NONE,
    [text, found],
  );
  return { ids: found.ids, hits };
}

/** The sentence of each document's copy that holds the filter's words, for the given (shown) documents. */
export function useSentences(ids: readonly string[], text: string): ReadonlyMap<string, string> {
  const [sentences, setSentences] = useState<ReadonlyMap<string, string>>(new Map());
  const key = ids.join(' ');
  useEffect(() => {
    if (!ids.length || !text.trim()) {
      setSentences(new Map());
      return;
    }
    let stale = false;
    loadSaved()
      .then(async (code) => [code, await code.getCopies(ids)] as const)
      .then(([code, copies]) => {
        if (stale) return;
        const out = new Map<string, string>();
        for (const [id, copy] of copies) {
          const s = code.matchingSentence(copy, text);
          if (s) out.set(id, s);
        }
        setSentences(out);
      })
      .catch(warn);
    return () => {
      stale = true;
    };
  }, [key, text]);
  return sentences;
}
