// One entry's row in the popup's reading list: title (opens it), meta, watch line, note, tags, and
// read/note/tag/remove.

import { memo } from 'preact/compat';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { entryType, entryTypeLabel, shortDate, shortDay } from '../../utils/format';
import { t } from '../../utils/i18n';
import {
  getEntry,
  hasTag,
  liveTags,
  MAX_TAGS,
  normaliseTag,
  type ReadingEntry,
  setNote,
  setRead,
  setTag,
  tagKey,
} from '../../utils/reading-list';
import type { Watch } from '../../utils/related/watch';
import { warn } from '../../utils/warn';
import { WatchLine } from './WatchLine';
import { WriteFailed } from './WriteFailed';

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
  'openCopy',
  'tagsLabel',
  'addTag',
  'newTag',
  'saveTag',
  'tagInvalid',
] as const;
let rowTexts: Record<(typeof ROW_TEXTS)[number], string> | null = null;
function texts() {
  rowTexts ??= Object.fromEntries(ROW_TEXTS.map((k) => [k, t(k)])) as Record<
    (typeof ROW_TEXTS)[number],
    string
  >;
  return rowTexts;
}

function RowView({
  entry,
  watch,
  hasCopy,
  match,
  onOpen,
  onOpenCopy,
  onRemove,
  onFilterTag,
}: {
  entry: ReadingEntry;
  /** A watchable (kv) entry's watch (null: not checked yet); undefined for any other entry */
  watch?: Watch | null;
  /** Its document has a saved copy */
  hasCopy: boolean;
  /** The sentence of the saved copy that holds the filter's words */
  match?: string;
  onOpen(entry: ReadingEntry): void;
  onOpenCopy(entry: ReadingEntry): void;
  onRemove(entry: ReadingEntry): Promise<void>;
  /** Shows only the entries with this tag */
  onFilterTag(tag: string): void;
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
  const [tagging, setTagging] = useState(false);
  const tagRef = useRef<HTMLInputElement>(null);
  const tagButtonRef = useRef<HTMLButtonElement>(null);
  const tagsRef = useRef<HTMLUListElement>(null);
  // Closing the tag input (Escape, Annuleer) removes the focused element: focus goes back to the Tag button, not to
  // the page's <body>.
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (tagging) tagRef.current?.focus();
    else if (refocus.current) tagButtonRef.current?.focus();
    refocus.current = false;
  }, [tagging]);
  const closeTagInput = () => {
    refocus.current = true;
    setTagging(false);
  };
  const tags = liveTags(entry.tags);

  const addTag = () => {
    setError(null);
    const input = tagRef.current;
    const label = normaliseTag(input?.value ?? '');
    if (label === null) return setError(L.tagInvalid);
    const have = tags.some((x) => tagKey(x) === tagKey(label));
    if (!have && tags.length >= MAX_TAGS) return setError(t('tagsFull', String(MAX_TAGS)));
    if (have) {
      if (input) input.value = '';
      return;
    }
    setTag(entry.key, label, true)
      .then(async (changed) => {
        // Nothing changed: the tag is there already (added elsewhere meanwhile), or the background found the entry
        // full (tags added elsewhere meanwhile): then say so, and keep what was typed.
        const there = changed ?? (await getEntry(entry.key));
        if (!changed && there && !hasTag(there, label)) return setError(t('tagsFull', String(MAX_TAGS)));
        if (tagRef.current) tagRef.current.value = '';
      })
      .catch(failed);
  };
  /** Removes a tag; focus moves to the next tag's × (the one before after the last; else the Tag button). */
  const removeTag = (label: string) => {
    setError(null);
    const chips = [
      ...(tagsRef.current?.querySelectorAll<HTMLElement>('[data-kvl-action="tag-remove"]') ?? []),
    ];
    const at = tags.findIndex((x) => tagKey(x) === tagKey(label));
    (chips[at + 1] ?? chips[at - 1] ?? tagButtonRef.current)?.focus();
    setTag(entry.key, label, false).catch(failed);
  };

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
  const tagId = `kvl-tag-${entry.key}`;
  const type = entryType(entry);
  return (
    <li
      data-kvl-item={entry.key}
      data-kvl-type={type ?? undefined}
      data-read={String(entry.read)}
      class={entry.read ? 'read' : 'unread'}
    >
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
      {match ? (
        <p class="kvl-match" data-kvl-match="">
          {match}
        </p>
      ) : null}
      <p class="kvl-meta">
        {[
          type ? entryTypeLabel(type) : null,
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
      {tags.length ? (
        <ul class="kvl-tags" aria-label={L.tagsLabel} ref={tagsRef}>
          {tags.map((tag) => (
            <li key={tagKey(tag)} class="kvl-tag" data-kvl-tag={tag}>
              <button
                type="button"
                class="kvl-tag-name"
                data-kvl-action="tag-filter"
                aria-label={t('filterTag', tag)}
                onClick={() => onFilterTag(tag)}
              >
                {tag}
              </button>
              <button
                type="button"
                class="kvl-tag-remove"
                data-kvl-action="tag-remove"
                aria-label={t('removeTag', tag)}
                onClick={() => removeTag(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {tagging ? (
        <div class="kvl-tag-edit">
          <label for={tagId}>{L.newTag}</label>{' '}
          <input
            id={tagId}
            ref={tagRef}
            type="text"
            data-kvl-action="tag-text"
            list={TAG_LIST_ID}
            maxLength={80}
            autocomplete="off"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                closeTagInput();
              } else if (e.key === 'Enter') {
                e.preventDefault();
                addTag();
              }
            }}
          />{' '}
          <button type="button" data-kvl-action="tag-save" onClick={addTag}>
            {L.saveTag}
          </button>{' '}
          <button type="button" data-kvl-action="tag-cancel" onClick={closeTagInput}>
            {L.cancel}
          </button>
        </div>
      ) : null}
      <WriteFailed error={error} />
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
          data-kvl-action="tag"
          ref={tagButtonRef}
          aria-expanded={tagging}
          onClick={() => {
            setError(null);
            setTagging(!tagging);
          }}
        >
          {L.addTag}
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
        {hasCopy ? (
          <button type="button" data-kvl-action="open-copy" onClick={() => onOpenCopy(entry)}>
            {L.openCopy}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** The id of the popup's one list of every tag, which each row's tag input offers (ReadingList renders it). */
export const TAG_LIST_ID = 'kvl-all-tags';

/** Rows re-render only when their entry changes (the callbacks are stable). */
export const ListRow = memo(RowView);
