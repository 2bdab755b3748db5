// The popup's reading list: newest first, unread count, text and read filters, sort, mark read, note, remove with
// undo, open. Rendered in chunks (25 rows, more as you scroll or press "show more") so 5,000 entries open at once;
// the filter runs over precomputed lowercase text, well under a frame per keystroke.

import { memo } from 'preact/compat';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { shortDate, shortDay } from '../../utils/format';
import { t } from '../../utils/i18n';
import {
  filterIndexed,
  type Indexed,
  indexEntry,
  type ListPreview,
  listEntries,
  type ReadFilter,
  type ReadingEntry,
  readPreview,
  removeEntry,
  restoreEntry,
  type SortBy,
  setNote,
  setRead,
  sortIndexed,
  unreadCount,
  watchEntries,
} from '../../utils/reading-list';
import { isWatchable, RECENT_MS, type Watch } from '../../utils/related/watch';
import { checkWatchedNow, markWatchesSeen } from '../../utils/related/watch-requests';
import { warn } from '../../utils/warn';
import { useWatches, WatchLine } from './WatchLine';

const CHUNK = 25;

// Texts made once: a list of thousands re-renders rows often, and i18n calls add up.
const ROW_TEXTS = [
  'unreadMark',
  'note',
  'saveNote',
  'cancel',
  'markUnread',
  'markRead',
  'editNote',
  'remove',
] as const;
let rowTexts: Record<(typeof ROW_TEXTS)[number], string> | null = null;
function texts() {
  rowTexts ??= Object.fromEntries(ROW_TEXTS.map((k) => [k, t(k)])) as Record<
    (typeof ROW_TEXTS)[number],
    string
  >;
  return rowTexts;
}

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
function useEntries(): ListState | null {
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
}

export function ReadingList({ onOpen }: ReadingListProps) {
  const list = useEntries();
  const entries = list?.entries ?? null;
  const [text, setText] = useState('');
  const [readFilter, setReadFilter] = useState<ReadFilter | 'answered'>('all');
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
  const visible = useMemo(() => {
    if (readFilter !== 'answered') return filterIndexed(sorted, text, readFilter);
    const since = Date.now() - RECENT_MS;
    const recent = (w: Watch | undefined) => w?.state === 'answered' && (w.answeredFoundAt ?? 0) >= since;
    return filterIndexed(sorted, text, 'all').filter((e) => recent(watched[e.id]));
  }, [sorted, text, readFilter, watched]);
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
          {visible.length === 0 && complete ? <p class="kvl-empty">{t('noMatches')}</p> : null}
          <ol class="kvl-entries" ref={listRef} onKeyDown={onListKey}>
            {visible.slice(0, shown).map((entry) => (
              <Row key={entry.key} entry={entry} watch={watchOf(entry)} onOpen={onOpen} onRemove={remove} />
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

function RowView({
  entry,
  watch,
  onOpen,
  onRemove,
}: {
  entry: ReadingEntry;
  /** A watchable (kv) entry's watch (null: not checked yet); undefined for any other entry */
  watch?: Watch | null;
  onOpen(entry: ReadingEntry): void;
  onRemove(entry: ReadingEntry): Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(entry.note);
  // A write that failed shows here, in its row; the entry stays as stored.
  const [error, setError] = useState<string | null>(null);
  const failed = (err: unknown) => {
    warn(err);
    setError(err instanceof Error ? err.message : String(err));
  };
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    if (editing) noteRef.current?.focus();
  }, [editing]);

  const saveNote = () => {
    setError(null);
    setNote(entry.key, (noteRef.current?.value ?? draft).trim())
      .then(() => setEditing(false))
      .catch(failed);
  };
  const L = texts();
  const answered = shortDate(entry.dateReceived);
  const who = [entry.answeredBy, entry.ministry ? `(${entry.ministry})` : null].filter(Boolean).join(' ');
  const noteId = `kvl-note-${entry.key}`;
  return (
    <li data-kvl-item={entry.key} data-read={String(entry.read)} class={entry.read ? 'read' : 'unread'}>
      <button type="button" class="kvl-entry-title" data-kvl-action="open" onClick={() => onOpen(entry)}>
        {entry.read ? null : (
          <span class="kvl-dot">
            <span class="kvl-sr">{L.unreadMark}: </span>
          </span>
        )}
        {entry.title}
        {entry.pair ? <span class="kvl-pair-label"> — {entry.pair.label}</span> : null}
      </button>
      {entry.pair ? <p class="kvl-first-words">{entry.pair.firstWords}</p> : null}
      <p class="kvl-meta">
        {[
          entry.askers.join(', '),
          who,
          answered ? t('answeredOn', answered) : null,
          t('addedOn', shortDay(entry.addedAt)),
          entry.key,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {watch !== undefined ? (
        <WatchLine id={entry.id} origin={new URL(entry.url).origin} watch={watch ?? undefined} />
      ) : null}
      {entry.note && !editing ? <p class="kvl-note">{entry.note}</p> : null}
      {editing ? (
        <div class="kvl-note-edit">
          <label for={noteId}>{L.note}</label>
          <textarea
            id={noteId}
            ref={noteRef}
            data-kvl-action="note-text"
            maxLength={4000}
            rows={3}
            value={draft}
            onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setEditing(false);
              } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                saveNote();
              }
            }}
          />
          <button type="button" data-kvl-action="note-save" onClick={saveNote}>
            {L.saveNote}
          </button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            {L.cancel}
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="kvl-error" role="alert" data-kvl-error="">
          {t('writeFailed', error)}
        </p>
      ) : null}
      <div class="kvl-actions">
        <button
          type="button"
          data-kvl-action="toggle-read"
          aria-pressed={entry.read}
          onClick={() => {
            setError(null);
            setRead(entry.key, !entry.read).catch(failed);
          }}
        >
          {entry.read ? L.markUnread : L.markRead}
        </button>
        <button
          type="button"
          data-kvl-action="note"
          aria-expanded={editing}
          onClick={() => {
            setDraft(entry.note);
            setEditing(!editing);
          }}
        >
          {L.editNote}
        </button>
        <button
          type="button"
          data-kvl-action="remove"
          onClick={() => {
            setError(null);
            onRemove(entry).catch(failed);
          }}
        >
          {L.remove}
        </button>
      </div>
    </li>
  );
}

/** Rows re-render only when their entry changes (the callbacks are stable). */
const Row = memo(RowView);
