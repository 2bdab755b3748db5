// Saving the page of a tab, from the popup or the keyboard shortcut (extension pages and background only).

import { browser } from '#imports';
import { requestStatus } from '../messages';
import { entryFromLink, entryFromStatus, type ReadingEntry } from './entry';
import { addEntry } from './store';

/**
 * Saves the Kamervragen document shown in a tab. The content script says what it is (id, subject, kind); the entry is
 * completed with askers, answerer and dates by the reading view as soon as it shows the document.
 */
export async function saveTab(tabId: number): Promise<ReadingEntry | null> {
  const status = await requestStatus(tabId);
  if (!status) return null;
  const tab = await browser.tabs.get(tabId);
  if (!tab.url) return null;
  const entry = entryFromStatus(status, tab.url, Date.now());
  if (!entry) return null;
  return (await addEntry(entry)).entry;
}

/**
 * Saves the document a link points to, without opening it (context menu): id and URL from the link, title from the
 * link text when the browser gives it (Firefox; Chrome does not), completed when the document is next opened.
 * Returns null for a link that is not a Kamervragen document.
 */
export async function saveLink(linkUrl: string, linkText: string | null): Promise<ReadingEntry | null> {
  const entry = entryFromLink(linkUrl, linkText, Date.now());
  if (!entry) return null;
  return (await addEntry(entry)).entry;
}
