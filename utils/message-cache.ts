// A copy of the extension's messages in the browser's language, kept in storage.local by the background (one
// writer, rewritten whenever it starts: after install, update, browser start) and read by the content script with
// its settings. Derived data: when it is missing or was written for another version or language, the content script
// asks the browser as before.

import { browser } from '#imports';
import type { MessageKey } from './i18n';
import { MESSAGES } from './storage';
import { storedValue } from './stored';

export interface MessageTable {
  /** The extension version and the browser language it was made for */
  version: string;
  language: string;
  messages: Record<string, string>;
}

export const messageTable = storedValue(MESSAGES);

/** The stored table when it was made for this version of the extension and this browser language. */
export function currentMessages(
  value: unknown,
  version: string,
  language: string,
): Record<string, string> | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<MessageTable>;
  if (v.version !== version || v.language !== language) return null;
  if (typeof v.messages !== 'object' || v.messages === null) return null;
  const out: Record<string, string> = {};
  for (const [k, m] of Object.entries(v.messages)) if (typeof m === 'string' && m) out[k] = m;
  return out;
}

/** What this browser says for each key, unfilled ($1… kept): asked once, by the background. */
export function browserMessages(keys: readonly MessageKey[]): MessageTable {
  const getMessage = browser.i18n.getMessage as (name: string, subs?: string[]) => string;
  // Asked with the placeholders as their own substitutions, so the table keeps "$1" where the message has it.
  const placeholders = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];
  const messages: Record<string, string> = {};
  for (const k of keys) {
    const m = getMessage(k, placeholders);
    if (m) messages[k] = m;
  }
  return { version: browser.runtime.getManifest().version, language: browser.i18n.getUILanguage(), messages };
}
