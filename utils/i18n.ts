// Interface texts in the browser's language via _locales (Dutch default, English). The message table is not bundled:
// the browser has it (the content script must stay small); unit tests give fakeBrowser the Dutch table
// (test/support/i18n.ts).

import { browser } from '#imports';
import type nl from '../public/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

/** Messages never change while a page lives: each plain one is asked of the browser once (a view asks hundreds). */
const cache = new Map<MessageKey, string>();

function ask(key: MessageKey, substitutions: string[]): string {
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
