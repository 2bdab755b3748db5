// Interface texts: the browser's language via _locales (Dutch default, English), Dutch when i18n is unavailable.

import { browser } from '#imports';
import nl from '../public/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

/** Messages never change while a page lives: each is asked of the browser once (a view asks hundreds of times). */
const cache = new Map<MessageKey, string>();

function template(key: MessageKey): string {
  let message = cache.get(key);
  if (message !== undefined) return message;
  try {
    // WXT types getMessage with its own generated keys; ours come from public/_locales. No substitutions here:
    // they are filled in below, so one cached template serves every call.
    const getMessage = browser.i18n?.getMessage as ((name: string) => string) | undefined;
    message = getMessage?.(key) ?? '';
  } catch {
    message = '';
  }
  if (!message) message = nl[key].message;
  cache.set(key, message);
  return message;
}

export function t(key: MessageKey, ...substitutions: string[]): string {
  const message = template(key);
  return substitutions.length
    ? message.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '')
    : message;
}
