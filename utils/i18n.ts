// Interface texts in the browser's language via _locales (Dutch default, English). The message table is not bundled
// (the content script must stay small): the browser has it, and the background keeps a copy for the browser's
// language in storage (./message-cache.ts) that the content script reads together with its settings, before the
// page is parsed, because the browser's first getMessage in a page asks the browser process synchronously (measured
// 3–15 ms in a content script). Unit tests give fakeBrowser the Dutch table (test/support/i18n.ts).

import { browser } from '#imports';
import type nl from '../public/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

/** Messages never change while a page lives: each plain one is asked of the browser once (a view asks hundreds). */
const cache = new Map<MessageKey, string>();
/** The stored copy of the browser's messages, when the caller has found one that is current. */
let table: Record<string, string> | null = null;

/** Use these messages (the browser's own, for its language and this version) before asking the browser. */
export function useMessageTable(messages: Record<string, string> | null): void {
  table = messages;
  cache.clear();
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
