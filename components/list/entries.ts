// The reading list's entries for the popup, kept current with storage: the preview first, then the full list.

import { useLayoutEffect, useState } from 'preact/hooks';
import {
  type ListPreview,
  listEntries,
  type ReadingEntry,
  readPreview,
  unreadCount,
  watchEntries,
} from '../../utils/reading-list';
import { warn } from '../../utils/warn';

let prefetched: Promise<ListPreview | null> | null = null;

/** Starts reading the preview before anything renders (the popup calls it first thing); the list takes it once. */
export function prefetchListPreview(): void {
  prefetched ??= readPreview();
}

function takePrefetchedPreview(): Promise<ListPreview | null> {
  const p = prefetched ?? readPreview();
  prefetched = null;
  return p;
}

interface ListState {
  entries: Map<string, ReadingEntry>;
  /** false while only the preview (the newest entries) is shown: the counts are then the preview's */
  complete: boolean;
  total: number;
  unread: number;
}

/**
 * Every entry, kept up to date with storage (changes from any tab, the background or another device). First the
 * preview (one small key: the newest entries and the counts) when there is one, then the full list, which replaces it.
 */
export function useEntries(): ListState | null {
  const [state, setState] = useState<ListState | null>(null);
  // A layout effect: the reads start in the task of the first render, not after the first frame.
  useLayoutEffect(() => {
    let live = true;
    // Changes that arrive while the list is being read are applied after it, so none is lost.
    let early: Map<string, ReadingEntry | null> | null = new Map();
    const apply = (into: Map<string, ReadingEntry>, changed: Map<string, ReadingEntry | null>) => {
      for (const [k, e] of changed) {
        if (e) into.set(k, e);
        else into.delete(k);
      }
      return into;
    };
    const complete = (entries: Map<string, ReadingEntry>): ListState => ({
      entries,
      complete: true,
      total: entries.size,
      unread: unreadCount([...entries.values()]),
    });
    const unwatch = watchEntries((changed) => {
      if (early) for (const [k, e] of changed) early.set(k, e);
      else setState((old) => complete(apply(new Map(old?.entries ?? []), changed)));
    });
    takePrefetchedPreview()
      .then((preview) => {
        if (!live || !early || !preview) return;
        setState((old) =>
          old
            ? old
            : {
                entries: new Map(preview.newest.map((e) => [e.key, e])),
                complete: false,
                total: preview.total,
                unread: preview.unread,
              },
        );
      })
      .catch(warn);
    listEntries()
      .then((list) => {
        if (!live) return;
        const loaded = apply(new Map(list.map((e) => [e.key, e])), early ?? new Map());
        early = null;
        setState(complete(loaded));
      })
      .catch(warn);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state;
}
