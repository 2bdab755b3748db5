// Interface texts in the language the reader chose (utils/storage.ts INTERFACE_LANGUAGE: the page's by default, Dutch
// unless the document says English; never the browser's UI language), Dutch or English, from public/_locales. Each
// context gives t() the table of its language with useMessageTable before it renders: extension pages and the
// background from the packaged messages (./bundled-messages.ts), the content script from the copy of both tables the
// background keeps in storage (./message-cache.ts), read with its settings before the page is parsed: the content
// script must stay small, and the browser's first getMessage in a page asks the browser process synchronously
// (measured 3–15 ms in a content script). Without a table (a page loaded before the background first wrote one, and
// the background did not answer when asked for it: entrypoints/content/index.ts) t() asks the browser's getMessage:
// the browser's language, as before the setting. Unit tests give fakeBrowser the Dutch
// table (test/support/i18n.ts).

import { browser } from '#imports';
import type nl from '../public/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;
/** The interface languages (public/_locales/<language>) */
export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Messages never change while a page lives: each plain one is asked of the browser once (a view asks hundreds). */
const cache = new Map<MessageKey, string>();
/** The messages in the chosen language, when the caller has them. */
let table: Record<string, string> | null = null;
let tableLanguage: Language | null = null;

/** English for a language tag that is English (`en`, `en-GB`), Dutch for anything else, or none: the site is Dutch. */
export function languageOf(tag: string | null | undefined): Language {
  return /^en([-_]|$)/i.test(tag?.trim() ?? '') ? 'en' : 'nl';
}

/**
 * The interface language for a setting (utils/storage.ts InterfaceLanguage) on a page whose own language is
 * `pageLanguage` (its <html lang>; none on the popup and the options page, which are Dutch). Anything else stored
 * reads as the default.
 */
export function resolveLanguage(setting: unknown, pageLanguage?: string | null): Language {
  if (setting === 'nl' || setting === 'en') return setting;
  return languageOf(pageLanguage);
}

/** Use these messages (in `language`, for this version) before asking the browser; null asks the browser. */
export function useMessageTable(
  messages: Record<string, string> | null,
  language: Language | null = null,
): void {
  table = messages;
  tableLanguage = messages ? language : null;
  cache.clear();
}

/** The language t() writes in now: its table's, else the browser's (getMessage's, whose locales are nl and en). */
export function shownLanguage(): Language {
  if (tableLanguage) return tableLanguage;
  try {
    return languageOf(browser.i18n?.getUILanguage?.());
  } catch {
    return 'nl';
  }
}

/** $1…$9 filled in as the browser does it ($$ is a dollar sign). */
function fill(message: string, substitutions: string[]): string {
  return message.replace(/\$(\d|\$)/g, (_m, n: string) =>
    n === '$' ? '$' : (substitutions[Number(n) - 1] ?? ''),
  );
}

function ask(key: MessageKey, substitutions: string[]): string {
  const copy = table?.[key];
  if (copy) return fill(copy, substitutions);
  try {
    // WXT types getMessage with its own generated keys; ours come from public/_locales.
    const getMessage = browser.i18n?.getMessage as ((name: string, subs?: string[]) => string) | undefined;
    const message = getMessage?.(key, substitutions);
    if (message) return message;
  } catch (err) {
    console.warn('[Kamervragen Lezer] no message', key, err);
  }
  // Never an empty control: a missing message shows its key (and the warning says why).
  return key;
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  // The browser fills in $1…$9 itself (and drops them when asked without substitutions): only plain ones are cached.
  if (substitutions.length) return ask(key, substitutions);
  let message = cache.get(key);
  if (message === undefined) {
    message = ask(key, []);
    cache.set(key, message);
  }
  return message;
}
