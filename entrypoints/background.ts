// Background: the toolbar badge (unread entries), the keyboard shortcut, the link context menu and storage.sync.
// It only reacts to events; the reading list itself lives in utils/reading-list (one storage key per entry).
import { browser, defineBackground } from '#imports';
import { t } from '@/utils/i18n';
import {
  listEntries,
  pullFromSync,
  saveLink,
  saveTab,
  syncEnabled,
  syncNow,
  unreadCount,
  watchEntries,
} from '@/utils/reading-list';
import { SITE_HOSTS } from '@/utils/site/ids';

const SAVE_COMMAND = 'save-page';
const MENU_ID = 'kvl-save-link';

const warn = (err: unknown) => console.warn('[Kamervragen Lezer]', err);

function debounce(fn: () => Promise<unknown>, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => fn().catch(warn), ms);
  };
}

async function updateBadge(): Promise<void> {
  // Chrome MV3 has `action`, Firefox MV2 `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const n = unreadCount(await listEntries());
  await action.setBadgeText({ text: n ? String(n) : '' });
  await action.setBadgeBackgroundColor({ color: '#154273' });
}

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('contextSave'),
    contexts: ['link'],
    targetUrlPatterns: SITE_HOSTS.flatMap((h) => [`https://${h}/*`, `http://${h}/*`]),
  });
}

export default defineBackground(() => {
  const badge = debounce(updateBadge, 50);
  const sync = debounce(syncNow, 2000);
  badge();
  sync();
  watchEntries(() => {
    badge();
    sync();
  });
  syncEnabled.watch(() => sync());
  browser.storage.onChanged.addListener((_changes, area) => {
    // Another device saved or edited entries: take them in (their arrival in local then triggers a push).
    if (area === 'sync') pullFromSync().catch(warn);
  });

  createMenu().catch(warn);
  browser.contextMenus.onClicked.addListener((info) => {
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
