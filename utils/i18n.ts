// Interface texts: the browser's language via _locales (Dutch default, English), Dutch when i18n is unavailable.

import { browser } from '#imports';
import nl from '../public/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

/** Messages never change while a page lives: each plain one is asked of the browser once (a view asks hundreds). */
const cache = new Map<MessageKey, string>();

function ask(key: MessageKey, substitutions: string[]): string {
  try {
    // WXT types getMessage with its own generated keys; ours come from public/_locales.
    const getMessage = browser.i18n?.getMessage as ((name: string, subs?: string[]) => string) | undefined;
    return getMessage?.(key, substitutions) ?? '';
  } catch {
    return '';
  }
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  if (substitutions.length === 0) {
    let message = cache.get(key);
    if (message === undefined) {
      message = ask(key, []) || nl[key].message;
      cache.set(key, message);
    }
    return message;
  }
  // The browser fills in $1…$9 itself (and drops them when asked without substitutions): not cached.
  return (
    ask(key, substitutions) ||
    nl[key].message.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '')
  );
}
