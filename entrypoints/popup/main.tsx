// Popup: what the current tab shows (and "save this page"), and the reading list.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { PdfOffer } from '@/components/list/PdfOffer';
import { PopupSave, SyncNotice } from '@/components/list/PopupSave';
import { type PopupState, PopupStatus } from '@/components/list/PopupStatus';
import { prefetchListPreview, ReadingList } from '@/components/list/ReadingList';
import { startLanguage } from '@/utils/bundled-messages';
import { t } from '@/utils/i18n';
import { requestStatus } from '@/utils/messages';
import { pdfOffer } from '@/utils/pdf/offer';
import { pdfPageUrl } from '@/utils/pdf/page-url';
import { type ReadingEntry, saveTab } from '@/utils/reading-list';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import { copyPageUrl } from '@/utils/saved/requests';
import { findKamervraagId, SITE_HOSTS, sitePdfUrl } from '@/utils/site/ids';
import '@/components/list/colors.css';
import './style.css';

// Changes of the list are the background's to write (one writer).
writeThroughBackground();

/** ?tab=<id> when given (tests, screenshots): the popup then runs in a tab of its own. */
const tabParam = new URLSearchParams(location.search).get('tab');

/** The tab to ask: ?tab=<id> when given, else the active tab of this window. */
async function targetTabId(): Promise<number | null> {
  if (tabParam && /^\d+$/.test(tabParam)) return Number(tabParam);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The address of a tab (within the host permissions: no `tabs` permission needed), undefined when not known. */
async function tabUrl(id: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(id)).url;
  } catch {
    return undefined;
  }
}

/** A new tab next to this one, and the popup closes (not when it runs in a tab of its own). */
function openTab(url: string): void {
  browser.tabs
    .create({ url })
    .then(() => {
      if (!tabParam) window.close();
    })
    .catch((err: unknown) => console.error('[Kamervragen Lezer]', err));
}

/**
 * Switches to a tab that shows the entry's document (found by URL within the host permissions), else opens it; an
 * entry saved from a PDF opens in the PDF page.
 */
async function openEntry(entry: ReadingEntry): Promise<void> {
  const pdf = sitePdfUrl(entry.url);
  if (pdf) {
    openTab(pdfPageUrl(pdf, entry.pair?.numbers[0]));
    return;
  }
  const tabs = await browser.tabs.query({ url: SITE_HOSTS.flatMap((h) => [`*://${h}/*`]) });
  const tab = tabs.find((x) => x.url && findKamervraagId(new URL(x.url).pathname) === entry.id);
  if (tab?.id !== undefined) {
    const hash = entry.url.includes('#') ? entry.url.slice(entry.url.indexOf('#')) : '';
    const url = hash && tab.url ? tab.url.replace(/#.*$/, '') + hash : undefined;
    await browser.tabs.update(tab.id, url ? { active: true, url } : { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url: entry.url });
  }
  if (!tabParam) window.close();
}

/** Stable (rows re-render only when their entry changes). */
const onOpen = (entry: ReadingEntry) => {
  openEntry(entry).catch((err: unknown) => console.error('[Kamervragen Lezer]', err));
};

/** The saved copy, in a tab of its own, at the entry's question for a single answer. */
const onOpenCopy = (entry: ReadingEntry) => openTab(copyPageUrl(entry.id, entry.pair?.numbers[0]));

/** A PDF of the site in the reading view (the PDF page), in a tab of its own. */
const onOpenPdf = (pdf: string) => openTab(pdfPageUrl(pdf));

async function saveShortcut(): Promise<string> {
  const commands = await browser.commands.getAll();
  return commands.find((c) => c.name === 'save-page')?.shortcut ?? '';
}

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  useEffect(() => {
    targetTabId()
      .then(async (id) => {
        setTabId(id);
        if (id === null) return null;
        const [status, url] = await Promise.all([requestStatus(id), tabUrl(id)]);
        setPdf(pdfOffer(url, status));
        return status;
      })
      .then((status) => setState(status ? { kind: 'found', status } : { kind: 'none' }))
      .catch((err: unknown) => {
        console.error('[Kamervragen Lezer]', err);
        setState({ kind: 'none' });
      });
    saveShortcut()
      .then(setShortcut)
      .catch(() => setShortcut(null));
  }, []);
  const status = state.kind === 'found' ? state.status : null;
  return (
    <PopupStatus state={state}>
      <PopupSave
        status={status}
        shortcut={shortcut}
        onSave={() => (tabId === null ? Promise.resolve(null) : saveTab(tabId))}
      />
      <PdfOffer pdf={pdf} onOpen={onOpenPdf} />
      <SyncNotice />
      <ReadingList onOpen={onOpen} onOpenCopy={onOpenCopy} />
      <p class="kvl-footer">
        <button type="button" class="kvl-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </p>
    </PopupStatus>
  );
}

// The reading list's preview is read while the popup reads its language (Dutch unless the reader chose English) and
// renders its first frame.
prefetchListPreview();
const root = document.getElementById('app');
void startLanguage().then(() => {
  if (root) render(<App />, root);
});
