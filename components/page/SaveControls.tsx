// The page's reading-list controls: save the document or one answer; once saved, mark read/unread or remove.
// They follow storage live, so a save from the popup, the shortcut or another tab shows here at once. They write
// storage only for the reader's own clicks (utils/trusted.ts), never for a page script's.

import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { KamervraagDocument, Pair } from '../../utils/kamervraag/model';
// Only the modules the page needs (not export/import or sync): the content script stays small.
import { entryFromDocument, entryKey, type ReadingEntry } from '../../utils/reading-list/entry';
import { subscribeEntry } from '../../utils/reading-list/live';
import { addEntry, removeEntry, setRead } from '../../utils/reading-list/store';
import { trusted } from '../../utils/trusted';
import { warn } from '../../utils/warn';

function useEntry(key: string): [ReadingEntry | null, (e: ReadingEntry | null) => void] {
  const [entry, setEntry] = useState<ReadingEntry | null>(null);
  useEffect(() => subscribeEntry(key, setEntry), [key]);
  return [entry, setEntry];
}

export function SaveControls({
  doc,
  pageUrl,
  pair,
  className,
  primary = false,
}: {
  doc: KamervraagDocument & { id: string };
  pageUrl: string;
  /** A single answer; the whole document when absent */
  pair?: Pair;
  className?: string;
  /** The page's one primary control (the document's save, in the header card) */
  primary?: boolean;
}) {
  const key = entryKey(doc.id, pair?.numbers[0]);
  const [entry, setEntry] = useEntry(key);
  // A write that failed (storage full, extension updated meanwhile) says so here, at the control that was used;
  // what was stored stays as it was.
  const [error, setError] = useState<string | null>(null);
  const failed = (err: unknown) => {
    warn(err);
    setError(err instanceof Error ? err.message : String(err));
  };
  const write = (job: () => Promise<unknown>) =>
    trusted(() => {
      setError(null);
      job().catch(failed);
    });
  const alert = error ? (
    <span class="kvl-error" role="alert" data-kvl-error="">
      {t('writeFailed', error)}
    </span>
  ) : null;
  // An entry saved without the document (from a link, the popup or the shortcut) is completed by the content script
  // (entrypoints/content/index.ts), in either layout: not here as well.

  const what = pair ? pair.label : (doc.subject ?? doc.id);
  // On a page of questions without an answer (kv) a pair is a question.
  const savePair = doc.kind === 'vragen' ? t('saveQuestion') : t('saveAnswer');
  if (!entry) {
    return (
      <>
        <button
          type="button"
          class={primary ? 'kvl-primary' : className}
          data-kvl-action="save"
          data-kvl-key={key}
          aria-label={pair ? `${savePair}: ${pair.label}` : undefined}
          onClick={write(() =>
            addEntry(entryFromDocument(doc, pageUrl, pair ?? null, Date.now())).then((r) =>
              setEntry(r.entry),
            ),
          )}
        >
          {pair ? (
            <>
              <span aria-hidden="true">☆ </span>
              {savePair}
            </>
          ) : (
            t('saveDocument')
          )}
        </button>
        {alert}
      </>
    );
  }
  return (
    <span class="kvl-saved" data-kvl-saved={key} data-kvl-read={String(entry.read)}>
      <span role="status">
        <span aria-hidden="true">★ </span>
        {pair ? t('savedAnswer') : t('savedDocument')}
      </span>{' '}
      <button
        type="button"
        class={className}
        data-kvl-action="mark-read"
        aria-label={`${entry.read ? t('markUnread') : t('markRead')}: ${what}`}
        onClick={write(() => setRead(key, !entry.read))}
      >
        {entry.read ? t('markUnread') : t('markRead')}
      </button>{' '}
      <button
        type="button"
        class={className}
        data-kvl-action="unsave"
        aria-label={`${t('removeFromList')}: ${what}`}
        onClick={write(() => removeEntry(key))}
      >
        {t('removeFromList')}
      </button>
      {alert}
    </span>
  );
}
