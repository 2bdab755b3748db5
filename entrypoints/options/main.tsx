// Options page: the interface's language, answers open by default, reading-list sync, where to change the shortcut,
// export and import.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { LanguageChoice, useInterfaceLanguage } from '@/components/list/LanguageChoice';
import { SyncNotice } from '@/components/list/PopupSave';
import { startLanguage } from '@/utils/bundled-messages';
import { shownLanguage, t } from '@/utils/i18n';
import {
  exportCsv,
  exportJson,
  exportMarkdown,
  ImportError,
  importParsed,
  listEntries,
  listUnreadable,
  MAX_CONTENT_IMPORT_BYTES,
  parseImport,
  type SyncStatus,
  syncEnabled,
  syncStatus,
} from '@/utils/reading-list';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import { allCopies } from '@/utils/saved/db';
import { restoreCopies } from '@/utils/saved/requests';
import { answersOpen } from '@/utils/settings';
import type { InterfaceLanguage } from '@/utils/storage';
import { warn } from '@/utils/warn';

// Changes of the list (import) are the background's to write (one writer).
writeThroughBackground();

import '@/components/list/colors.css';
import './style.css';

function useItem<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    item.getValue().then(setValue).catch(warn);
    return item.watch(setValue);
  }, []);
  return value;
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const IMPORT_MESSAGES = {
  tooLarge: 'importTooLarge',
  notJson: 'importNotJson',
  notOurs: 'importNotOurs',
  wrongVersion: 'importWrongVersion',
  badEntry: 'importBadEntry',
  tooMany: 'importTooMany',
  duplicate: 'importDuplicate',
} as const;

function importMessage(err: unknown): string {
  if (err instanceof ImportError) {
    const detail = err.reason === 'badEntry' ? err.detail.split(':')[0] : err.detail;
    return t(IMPORT_MESSAGES[err.reason], detail);
  }
  return t('importFailed', String(err));
}

async function openShortcutSettings() {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

function Options({ language }: { language: InterfaceLanguage }) {
  const setting = useInterfaceLanguage(language);
  const open = useItem(answersOpen);
  const sync = useItem(syncEnabled);
  const status = useItem<SyncStatus | null>(syncStatus);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === 'save-page')?.shortcut ?? ''))
      .catch(warn);
  }, []);
  const stamp = () => new Date().toISOString().slice(0, 10);

  return (
    <main class="kvl-options">
      <h1>{t('optionsTitle')}</h1>
      <LanguageChoice setting={setting} />
      <section>
        <label>
          <input
            type="checkbox"
            data-kvl-option="answers-open"
            checked={open === true}
            onChange={(e) => void answersOpen.setValue((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('optAnswersOpen')}
        </label>
      </section>
      <section>
        <label>
          <input
            type="checkbox"
            data-kvl-option="sync"
            checked={sync === true}
            onChange={(e) => void syncEnabled.setValue((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('optSync')}
        </label>
        <p class="help">{t('optSyncHelp')}</p>
        {sync && status?.ok ? <p class="help">{t('syncOk', String(status.synced))}</p> : null}
        {sync ? <SyncNotice /> : null}
      </section>
      <section>
        <h2>{t('optShortcutHead')}</h2>
        {shortcut !== null ? (
          <p data-kvl-shortcut={shortcut}>{shortcut ? t('shortcut', shortcut) : t('noShortcut')}</p>
        ) : null}
        <p class="help">{t('optShortcutHelp')}</p>
        <button type="button" onClick={() => void openShortcutSettings().catch(warn)}>
          {t('optShortcutOpen')}
        </button>
      </section>
      <section>
        <h2>{t('optListHead')}</h2>
        <p>
          <button
            type="button"
            data-kvl-action="export-json"
            onClick={() =>
              void Promise.all([listEntries(), listUnreadable()]).then(([list, kept]) =>
                download(`leeslijst-${stamp()}.json`, 'application/json', exportJson(list, new Date(), kept)),
              )
            }
          >
            {t('exportJson')}
          </button>{' '}
          <button
            type="button"
            data-kvl-action="export-content"
            onClick={() =>
              void Promise.all([listEntries(), listUnreadable(), allCopies()])
                .then(([list, kept, copies]) =>
                  download(
                    `leeslijst-met-inhoud-${stamp()}.json`,
                    'application/json',
                    exportJson(list, new Date(), kept, copies),
                  ),
                )
                .catch(warn)
            }
          >
            {t('exportWithContent')}
          </button>{' '}
          <button
            type="button"
            data-kvl-action="export-markdown"
            onClick={() =>
              void listEntries().then((list) =>
                download(`leeslijst-${stamp()}.md`, 'text/markdown', exportMarkdown(list, shownLanguage())),
              )
            }
          >
            {t('exportMarkdown')}
          </button>{' '}
          <button
            type="button"
            data-kvl-action="export-csv"
            onClick={() =>
              void listEntries().then((list) =>
                download(`leeslijst-${stamp()}.csv`, 'text/csv', exportCsv(list)),
              )
            }
          >
            {t('exportCsv')}
          </button>
        </p>
        <label class="import">
          {t('importJson')}{' '}
          <input
            type="file"
            accept="application/json,.json"
            data-kvl-action="import"
            onChange={async (e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              try {
                // Refused before reading it into memory; importJson checks the text's size again.
                if (file.size > MAX_CONTENT_IMPORT_BYTES) throw new ImportError('tooLarge');
                const parsed = parseImport(await file.text());
                // The copies of an export with content first (the background stores them): the list's merge makes
                // it look for copies, and it finds these. A failure there never keeps the list from being merged.
                const restored = parsed.copies.length
                  ? await restoreCopies(parsed.copies).catch((err: unknown) => {
                      warn(err);
                      return 0;
                    })
                  : 0;
                const r = await importParsed(parsed);
                const notes = [
                  t('importDone', String(r.added), String(r.updated), String(r.unchanged)),
                  r.removedLater ? t('importRemovedLater', String(r.removedLater)) : '',
                  parsed.copies.length ? t('importCopies', String(restored)) : '',
                  parsed.copiesSkipped ? t('importCopiesSkipped', String(parsed.copiesSkipped)) : '',
                ];
                setMessage({ ok: true, text: notes.filter(Boolean).join(' ') });
              } catch (err) {
                setMessage({ ok: false, text: importMessage(err) });
              }
            }}
          />
        </label>
        {message ? (
          <p
            class={message.ok ? 'ok' : 'error'}
            role={message.ok ? 'status' : 'alert'}
            data-kvl-import={message.ok ? 'ok' : 'error'}
          >
            {message.text}
          </p>
        ) : null}
      </section>
    </main>
  );
}

const root = document.getElementById('app');
void startLanguage().then(({ setting }) => {
  if (root) render(<Options language={setting} />, root);
});
