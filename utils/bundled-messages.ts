// Both languages' messages, packaged (public/_locales): for the background and the extension's own pages only. The
// content script never imports this module (it reads the background's stored copy, ./message-cache.ts): the tables
// are about 6 KB gzipped.

import en from '../public/_locales/en/messages.json';
import nl from '../public/_locales/nl/messages.json';
import { type Language, resolveLanguage, useMessageTable } from './i18n';
import { type Messages, tableOf } from './message-cache';
import { interfaceLanguage } from './settings';
import type { InterfaceLanguage } from './storage';

export const BUNDLED_MESSAGES: Record<Language, Messages> = { nl: tableOf(nl), en: tableOf(en) };

/**
 * Sets t() to the language the setting gives on a page whose own language is `pageLanguage` (none: Dutch) and
 * returns it.
 */
export function applyLanguage(setting: unknown, pageLanguage?: string | null): Language {
  const language = resolveLanguage(setting, pageLanguage);
  useMessageTable(BUNDLED_MESSAGES[language], language);
  return language;
}

/**
 * An extension page's interface language, before it renders: the setting read (a failed read is the default), t()
 * set, and the page's <html lang>. `documentLanguage`: the language of the document the page shows; a saved copy or
 * a PDF of the site is Dutch, and so is the popup or the options page (none given).
 */
export async function startLanguage(
  documentLanguage?: string | null,
): Promise<{ language: Language; setting: InterfaceLanguage }> {
  const setting = await interfaceLanguage.getValue().catch(() => interfaceLanguage.fallback);
  const language = applyLanguage(setting, documentLanguage);
  document.documentElement.lang = language;
  return { language, setting };
}
