// The popup's "save this page" for a tab showing a Kamervraag, the shortcut that does the same, and sync problems.

import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { KvlStatus } from '../../utils/messages';
import { type ReadingEntry, type SyncStatus, subscribeEntry, syncStatus } from '../../utils/reading-list';
import { warn } from '../../utils/warn';
import { WriteFailed } from './WriteFailed';

export function PopupSave({
  status,
  shortcut,
  onSave,
}: {
  status: KvlStatus | null;
  /** The shortcut as the browser shows it ("Alt+Shift+S"), '' when none is set, null when unknown */
  shortcut: string | null;
  onSave(): Promise<unknown>;
}) {
  const [saved, setSaved] = useState<ReadingEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = status?.id;
  useEffect(() => {
    if (!id) return;
    return subscribeEntry(id, setSaved);
  }, [id]);

  return (
    <div class="kvl-save-page">
      {status ? (
        saved ? (
          <p class="kvl-in-list" data-kvl-saved={saved.key}>
            ★ {t('pageInList')}
          </p>
        ) : (
          <button
            type="button"
            class="kvl-primary"
            data-kvl-action="save-page"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              onSave()
                .catch((err: unknown) => {
                  warn(err);
                  setError(err instanceof Error ? err.message : String(err));
                })
                .finally(() => setBusy(false));
            }}
          >
            {t('savePage')}
          </button>
        )
      ) : null}
      <WriteFailed error={error} />
      {shortcut !== null ? (
        <p class="kvl-shortcut" data-kvl-shortcut={shortcut}>
          {shortcut ? t('shortcut', shortcut) : t('noShortcut')}
        </p>
      ) : null}
    </div>
  );
}

export function SyncNotice() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    syncStatus.getValue().then(setStatus).catch(warn);
    return syncStatus.watch(setStatus);
  }, []);
  if (!status || status.ok) return null;
  return (
    <p class="kvl-sync-problem" role="alert" data-kvl-sync="problem">
      {status.problem === 'quota'
        ? t('syncFull', String(status.notSynced))
        : status.problem?.startsWith('refused:')
          ? t('syncRefused', status.problem.slice('refused:'.length))
          : t('syncFailed', status.problem ?? '')}
    </p>
  );
}
