// The popup's reading list: newest first, unread count, text, read and tag filters, sort, mark read, note, tags,
// remove with undo, open. Rendered in chunks (25 rows, more as you scroll or press "show more") so 5,000 entries open at once;
// the filter runs over precomputed lowercase text, well under a frame per keystroke.
// Here: the list's state (filters, sort, rows shown, the removed entry), its tools and its undo line; the entries come
// from entries.ts, each row is ListRow.

import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import {
  allTags,
  filterWithCopies,
  type Indexed,
  indexEntry,
  type ReadFilter,
  type ReadingEntry,
  removeEntry,
  restoreEntry,
  type SortBy,
  sortIndexed,
  tagKey,
} from '../../utils/reading-list';
import { isWatchable, RECENT_MS, type Watch } from '../../utils/related/watch';
import { checkWatchedNow, markWatchesSeen } from '../../utils/related/watch-requests';
import { warn } from '../../utils/warn';
import { useCopies, useSentences } from './copies';
import { useEntries } from './entries';
import { ListRow, TAG_LIST_ID } from './ListRow';
import { useWatches } from './WatchLine';

export { prefetchListPreview } from './entries';

const CHUNK = 25;

// Search text per entry object: a change re-indexes only the entries that changed.
const indexCache = new WeakMap<ReadingEntry, Indexed>();
function indexOf(entry: ReadingEntry): Indexed {
  let it = indexCache.get(entry);
  if (!it) {
    it = indexEntry(entry);
    indexCache.set(entry, it);
  }
  return it;
}

export interface ReadingListProps {
  /** Opens an entry (switches to its tab when it is open already) */
  onOpen(entry: ReadingEntry): void;
  /** Opens the saved copy of an entry's document */
  onOpenCopy(entry: ReadingEntry): void;
}

export function ReadingList({ onOpen, onOpenCopy }: ReadingListProps) {
  const list = useEntries();
  const entries = list?.entries ?? null;
  const [text, setText] = useState('');
  const [readFilter, setReadFilter] = useState<ReadFilter | 'answered'>('all');
  /** Only entries with this tag (null: any) */
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const watched = useWatches();
  // Opened: what was found answered is seen now (the badge clears); "recently answered" still shows it.
  useEffect(() => {
    // Without a background to answer (an update in progress), there is nothing new to clear.
    markWatchesSeen().catch(() => {});
  }, []);
  const [sort, setSort] = useState<SortBy>('added');
  const [shown, setShown] = useState(CHUNK);
  const [removed, setRemoved] = useState<ReadingEntry | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const indexed = useMemo(() => [...(entries?.values() ?? [])].map(indexOf), [entries]);
  const sorted = useMemo(() => sortIndexed(indexed, sort), [indexed, sort]);
  // The filter also searches the saved copies' words (./copies.ts): those matches come after the entries' own.
  const copies = useCopies(entries, text);
  const { hits } = copies;
  const visible = useMemo(() => {
    if (readFilter !== 'answered') return filterWithCopies(sorted, text, readFilter, hits, tagFilter);
    const since = Date.now() - RECENT_MS;
    const recent = (w: Watch | undefined) => w?.state === 'answered' && (w.answeredFoundAt ?? 0) >= since;
    return filterWithCopies(sorted, text, 'all', hits, tagFilter).filter((e) => recent(watched[e.id]));
  }, [sorted, text, readFilter, watched, hits, tagFilter]);
  // Every tag of the list, for the tag filter and each row's tag input; the filtered tag stays offered while set.
  const tags = useMemo(() => allTags(indexed.map((i) => i.entry)), [indexed]);
  const selected = tagFilter === null ? '' : (tags.find((x) => tagKey(x) === tagKey(tagFilter)) ?? tagFilter);
  const tagOptions = tagFilter !== null && !tags.includes(selected) ? [selected, ...tags] : tags;
  const filterTag = useCallback((tag: string | null) => {
    setShown(CHUNK);
    setTagFilter(tag);
  }, []);
  const rows = visible.slice(0, shown);
  const sentences = useSentences([...new Set(rows.filter((e) => hits.has(e.id)).map((e) => e.id))], text);
  // A kv document's watch shows once: on its whole-document entry when there is one, else on each single question.
  const watchOf = (entry: ReadingEntry) =>
    isWatchable(entry.id, entry.kind) && (entry.pair === null || !entries?.has(entry.id))
      ? (watched[entry.id] ?? null)
      : undefined;
  const anyWatchable = useMemo(() => indexed.some((i) => isWatchable(i.entry.id, i.entry.kind)), [indexed]);

  // More rows when the end comes into view.
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((seen) => {
      if (seen.some((s) => s.isIntersecting)) setShown((n) => n + CHUNK);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [visible, shown]);

  // The row shows a failure (it stays in the list).
  const remove = useCallback(
    (entry: ReadingEntry) => removeEntry(entry.key).then((old) => setRemoved(old ?? entry)),
    [],
  );

  if (!list || !entries) return null;
  const { complete, total, unread } = list;

  const undo = () => {
    if (!removed) return;
    restoreEntry(removed)
      .then(() => setRemoved(null))
      .catch(warn);
  };

  // Up/down arrows move between entries (Tab moves through each entry's controls).
  const onListKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'TEXTAREA') return;
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-kvl-item]') ?? []);
    const at = items.findIndex((li) => li.contains(target));
    const next = items[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (at < 0 || !next) return;
    e.preventDefault();
    next.querySelector<HTMLElement>('.kvl-entry-title')?.focus();
  };

  return (
    <section
      class="kvl-list"
      aria-labelledby="kvl-list-head"
      aria-busy={!complete}
      data-kvl-complete={complete}
    >
      <h2 id="kvl-list-head">
        {t('readingList')}{' '}
        <span class="kvl-count" data-kvl-unread={unread}>
          {t('unreadCount', String(unread), String(total))}
        </span>
      </h2>
      {removed ? (
        <p class="kvl-undo" role="status">
          {t('removed', removed.pair ? `${removed.title} — ${removed.pair.label}` : removed.title)}{' '}
          <button type="button" data-kvl-action="undo" onClick={undo}>
            {t('undo')}
          </button>
        </p>
      ) : null}
      {total === 0 ? (
        <p class="kvl-empty">{t('emptyList')}</p>
      ) : (
        <>
          <div class="kvl-tools">
            <input
              type="search"
              data-kvl-action="filter"
              aria-label={t('filterLabel')}
              placeholder={t('filterPlaceholder')}
              value={text}
              onInput={(e) => {
                // A new filter starts at the top again.
                setShown(CHUNK);
                setText((e.currentTarget as HTMLInputElement).value);
              }}
            />
            <label>
              {t('readFilterLabel')}{' '}
              <select
                data-kvl-action="read-filter"
                value={readFilter}
                onChange={(e) => {
                  setShown(CHUNK);
                  setReadFilter((e.currentTarget as HTMLSelectElement).value as ReadFilter | 'answered');
                }}
              >
                <option value="all">{t('showAll')}</option>
                <option value="unread">{t('showUnread')}</option>
                <option value="read">{t('showRead')}</option>
                <option value="answered">{t('showAnswered')}</option>
              </select>
            </label>{' '}
            {anyWatchable ? (
              <button
                type="button"
                data-kvl-action="check-watched"
                aria-busy={checking}
                disabled={checking}
                onClick={() => {
                  setChecking(true);
                  checkWatchedNow()
                    .catch(warn)
                    .finally(() => setChecking(false));
                }}
              >
                {t('checkNow')}
              </button>
            ) : null}
            {tagOptions.length ? (
              <label>
                {t('tagFilterLabel')}{' '}
                <select
                  data-kvl-action="tag-filter-select"
                  value={selected}
                  onChange={(e) => filterTag((e.currentTarget as HTMLSelectElement).value || null)}
                >
                  <option value="">{t('allTags')}</option>
                  {tagOptions.map((tag) => (
                    <option key={tag} value={tag}>
                      {tag}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {tagFilter !== null ? (
              <button type="button" data-kvl-action="tag-filter-clear" onClick={() => filterTag(null)}>
                {t('clearTagFilter')}
              </button>
            ) : null}
            <label>
              {t('sortLabel')}{' '}
              <select
                data-kvl-action="sort"
                value={sort}
                onChange={(e) => {
                  setShown(CHUNK);
                  setSort((e.currentTarget as HTMLSelectElement).value as SortBy);
                }}
              >
                <option value="added">{t('sortAdded')}</option>
                <option value="answered">{t('sortAnswered')}</option>
              </select>
            </label>
          </div>
          <datalist id={TAG_LIST_ID}>
            {tags.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
          {visible.length === 0 && complete ? <p class="kvl-empty">{t('noMatches')}</p> : null}
          <ol class="kvl-entries" ref={listRef} onKeyDown={onListKey}>
            {rows.map((entry) => (
              <ListRow
                key={entry.key}
                entry={entry}
                watch={watchOf(entry)}
                hasCopy={copies.ids.has(entry.id)}
                match={sentences.get(entry.id)}
                onOpen={onOpen}
                onOpenCopy={onOpenCopy}
                onRemove={remove}
                onFilterTag={filterTag}
              />
            ))}
            {!complete ? (
              <li class="kvl-more" data-kvl-loading="">
                {t('loadingRest')}
              </li>
            ) : visible.length > shown ? (
              <li ref={sentinel} class="kvl-more">
                <button type="button" data-kvl-action="more" onClick={() => setShown((n) => n + CHUNK)}>
                  {t('showMore', String(visible.length - shown))}
                </button>
              </li>
            ) : null}
          </ol>
        </>
      )}
    </section>
  );
}
