// Background: the toolbar badge (unread entries), the popup's preview of the list, the keyboard shortcut, the link
// context menu (save a document; open a PDF in the reading view), storage.sync, the cache of related documents' facts and the saved copies (the one writer of each).
// It only reacts to events; the reading list itself lives in utils/reading-list (one storage key per entry).
import { browser, defineBackground } from '#imports';
import { applyLanguage, BUNDLED_MESSAGES } from '@/utils/bundled-messages';
import { debounce } from '@/utils/debounce';
import { t } from '@/utils/i18n';
import { isMessagesRequest, type MessageTables, messageTables } from '@/utils/message-cache';
import { factsOfMessage } from '@/utils/messages';
import { createPdfMenu, openPdfLink, PDF_MENU_ID } from '@/utils/pdf/menu';
import {
  listRemoved,
  listUnreadable,
  pullFromSync,
  saveLink,
  saveTab,
  syncEnabled,
  syncNow,
  writePreview,
} from '@/utils/reading-list';
import { applyOp } from '@/utils/reading-list/apply';
import { type ListMirror, listMirror } from '@/utils/reading-list/mirror';
import { listOpOf } from '@/utils/reading-list/writer';
import { writeCached } from '@/utils/related/cache';
import { isRelatedFacts } from '@/utils/related/facts';
import { fetchDocument } from '@/utils/related/fetch';
import { backgroundParse } from '@/utils/related/inert';
import { unseenCount, validWatches, watches } from '@/utils/related/watch';
import { startWatching } from '@/utils/related/watcher';
import { copyKeeper } from '@/utils/saved/keeper';
import { copyRequestOf } from '@/utils/saved/requests';
import { interfaceLanguage } from '@/utils/settings';
import { HOST_PERMISSIONS } from '@/utils/site/hosts';
import { isSiteHost } from '@/utils/site/ids';
import { warn } from '@/utils/warn';

const SAVE_COMMAND = 'save-page';
const MENU_ID = 'kvl-save-link';

/**
 * After any change: the popup's preview of the top of the list, and the badge: watched questions newly answered
 * (green) when there are any, else the unread entries (blue).
 */
async function refreshList(list: ListMirror): Promise<void> {
  const entries = await list.entries();
  const { unread } = await writePreview(entries);
  const answered = unseenCount(validWatches(await watches.getValue()), new Set(entries.map((e) => e.id)));
  // Chrome MV3 has `action`, Firefox MV2 `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const count = answered || unread;
  await action.setBadgeText({ text: count ? String(count) : '' });
  await action.setBadgeBackgroundColor({ color: answered ? '#2e7d32' : '#154273' });
  const name = browser.runtime.getManifest().name;
  await action.setTitle({ title: answered ? `${name}: ${t('badgeAnswered', String(answered))}` : name });
}

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('contextSave'),
    contexts: ['link'],
    targetUrlPatterns: HOST_PERMISSIONS,
  });
  createPdfMenu();
}

/** The interface texts in both languages, for the content script (see utils/message-cache.ts). */
const messagesNow = (): MessageTables => ({
  version: browser.runtime.getManifest().version,
  tables: BUNDLED_MESSAGES,
});
async function storeMessages(): Promise<void> {
  const next = messagesNow();
  // A service worker starts often: write only when something changed (version, texts).
  if (JSON.stringify(await messageTables.getValue()) !== JSON.stringify(next))
    await messageTables.setValue(next);
}

/** Whether a message came from a page of the site. */
function fromSite(url: string | undefined): boolean {
  try {
    return url !== undefined && isSiteHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

export default defineBackground(() => {
  storeMessages().catch(warn);
  // The badge's title and the context menu in the interface's language: the setting's, Dutch for 'pagina' (the
  // background shows no document). Dutch until the setting is read; both wait for it.
  applyLanguage(null);
  const language = interfaceLanguage
    .getValue()
    .then((setting) => void applyLanguage(setting))
    .catch(warn);
  const list = listMirror(() => {
    refresh();
    sync();
    keepCopies();
  });
  const refresh = debounce(() => language.then(() => refreshList(list)), 50);
  const sync = debounce(syncNow, 2000);
  refresh();
  sync();
  syncEnabled.watch(() => sync());
  // Watched questions: checked every 6 hours and at browser start; a new answer shows on the badge.
  startWatching(refresh);
  // Saved copies: every listed document's, made after the list changed and when the browser starts or the extension
  // is installed or updated (not at every wake of the service worker: a failed copy waits for the next change).
  const keeper = copyKeeper({
    entries: () => list.entries(),
    removals: listRemoved,
    unreadable: () => listUnreadable().then((records) => [...records.keys()]),
    fetch: (id, origin) => fetchDocument(id, origin, { parse: backgroundParse, references: true }),
    now: Date.now,
    later: (ms, run) => setTimeout(run, ms),
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const keepCopies = debounce(() => keeper.reconcile(), 1000);
  browser.runtime.onStartup.addListener(keepCopies);
  browser.runtime.onInstalled.addListener(keepCopies);
  browser.storage.onChanged.addListener((_changes, area) => {
    // Another device saved or edited entries: take them in (their arrival in local then triggers a push).
    if (area === 'sync') pullFromSync().catch(warn);
  });

  // The reading list's one writer: every change from a page, the popup or the options page, applied here one key at a
  // time on the entry as stored then (utils/reading-list/store.ts). Only the extension's own contexts can send.
  browser.runtime.onMessage.addListener((message, sender) => {
    const op = listOpOf(message);
    if (!op || sender.id !== browser.runtime.id) return;
    return applyOp(op);
  });

  // Facts of related documents a tab fetched: cached for every tab (utils/related/cache.ts, one write at a time).
  browser.runtime.onMessage.addListener((message, sender) => {
    const facts = factsOfMessage(message);
    if (facts === undefined) return;
    // From our content script on a page of the site only (web pages cannot message the extension at all), and only
    // facts of the right shape.
    if (sender.id !== browser.runtime.id || !fromSite(sender.url) || !isRelatedFacts(facts)) return;
    return writeCached(facts).catch(warn);
  });

  // The interface texts, for a page that came before they were stored (see utils/message-cache.ts): our own only.
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isMessagesRequest(message) || sender.id !== browser.runtime.id) return;
    return Promise.resolve(messagesNow());
  });

  // Copies refreshed or restored from an export: asked by the extension's own pages only (popup, options, copy page).
  browser.runtime.onMessage.addListener((message, sender) => {
    const request = copyRequestOf(message);
    if (!request || sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/')))
      return;
    return request.op === 'refresh' ? keeper.refresh(request.id) : keeper.restore(request.copies);
  });

  // One making of the menu at a time (each removes all items first, then creates them).
  let menu = language.then(createMenu).catch(warn);
  // A new choice: the menu's titles and the badge's title at once (pages and popups at their next load).
  interfaceLanguage.watch((setting) => {
    applyLanguage(setting);
    menu = menu.then(createMenu).catch(warn);
    refresh();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === PDF_MENU_ID) openPdfLink(info.linkUrl, tab).catch(warn);
    if (info.menuItemId !== MENU_ID || !info.linkUrl) return;
    // Chrome does not give the link's text; Firefox does. The title is completed when the document is opened.
    saveLink(info.linkUrl, (info as { linkText?: string }).linkText ?? null).catch(warn);
  });

  browser.commands.onCommand.addListener((command) => {
    if (command !== SAVE_COMMAND) return;
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id === undefined ? null : saveTab(tab.id)))
      .catch(warn);
  });
});
