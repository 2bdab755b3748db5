// The saved copies as the popup's list uses them: which documents have one (the "saved copy" action), and the search
// over their words for the filter, with the matching sentence of the rows in view. Read after the first paint: the
// list shows before the search index is in.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReadingEntry } from '../../utils/reading-list';
import { copyStamps, getCopies } from '../../utils/saved/db';
import { catchUp, type Finder, openFinder } from '../../utils/saved/finder';
import { matchingSentence, searchCopies } from '../../utils/saved/search';
import { warn } from '../../utils/warn';

const NONE: ReadonlyMap<string, number> = new Map();

export interface Copies {
  /** Documents with a saved copy */
  ids: ReadonlySet<string>;
  /** The documents whose copies hold the filter's words: id → score (empty without a filter) */
  hits: ReadonlyMap<string, number>;
}

export function useCopies(entries: ReadonlyMap<string, ReadingEntry> | null, text: string): Copies {
  const finder = useRef<Promise<Finder> | null>(null);
  const [found, setFound] = useState<{ finder: Finder | null; ids: ReadonlySet<string> }>({
    finder: null,
    ids: new Set(),
  });
  useEffect(() => {
    let stop = false;
    // Opened once; then, whenever the list changed, caught up with copies the background made or dropped meanwhile.
    const update = async () => {
      const opening = finder.current;
      finder.current ??= openFinder().then((r) => r.finder);
      const f = await finder.current;
      if (opening) await catchUp(f, await copyStamps());
      if (!stop) setFound({ finder: f, ids: new Set(f.stamps.keys()) });
    };
    const timer = setTimeout(() => void update().catch(warn), 0);
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [entries]);
  const hits = useMemo(
    () => (found.finder && text.trim() ? searchCopies(found.finder.index, text) : NONE),
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
    getCopies(ids)
      .then((copies) => {
        if (stale) return;
        const out = new Map<string, string>();
        for (const [id, copy] of copies) {
          const s = matchingSentence(copy, text);
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
