// The content script's settings are read from storage by a tiny script injected before it (entrypoints/early.content.ts),
// so that the request leaves while the browser still compiles the content script proper (about 30 ms with the
// compile hint, see wxt.config.ts). The answer is then usually in when the page's DOM is ready. Both scripts run in
// the same isolated world and share its globalThis; this module is all they share, and it uses no polyfill (the
// early script stays a few hundred bytes).

import { ANSWERS_OPEN, INTERFACE_LANGUAGE, MESSAGES, VIEW_MODE } from './storage';

/** Storage keys of the values read early (the content script's settings and its copy of the interface texts). */
export const EARLY_KEYS = [VIEW_MODE.key, ANSWERS_OPEN.key, INTERFACE_LANGUAGE.key, MESSAGES.key];

type Api = { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };
type Holder = { __kvlEarlyRead?: Promise<Record<string, unknown>> };

/** Starts the read (the early script). Chrome's `chrome.*` and Firefox's `browser.*` both return promises. */
export function startEarlyRead(): void {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api } & Holder;
  const api = g.browser ?? g.chrome;
  if (!api) return;
  const read = api.storage.local.get(EARLY_KEYS);
  // The content script may never ask (a page it leaves alone): a failure must not become an unhandled rejection.
  read.catch(() => {});
  g.__kvlEarlyRead = read;
}

/** The read started early, once (null when there was none: the content script then reads itself). */
export function takeEarlyRead(): Promise<Record<string, unknown>> | null {
  const g = globalThis as unknown as Holder;
  const read = g.__kvlEarlyRead ?? null;
  delete g.__kvlEarlyRead;
  return read;
}
