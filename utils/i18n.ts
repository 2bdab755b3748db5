// Interface texts: the browser's language via _locales (Dutch default, English), Dutch when i18n is unavailable.

import { browser } from '#imports';
import nl from '../public/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

export function t(key: MessageKey, ...substitutions: string[]): string {
  let message = '';
  try {
    // WXT types getMessage with its own generated keys; ours come from public/_locales.
    const getMessage = browser.i18n?.getMessage as ((name: string, subs?: string[]) => string) | undefined;
    message = getMessage?.(key, substitutions) ?? '';
  } catch {
    message = '';
  }
  if (message) return message;
  return nl[key].message.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
}
