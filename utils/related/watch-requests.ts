// What the popup asks of the background about watched questions (the background is the watches' one writer).

import { browser } from '#imports';

const WATCH_MESSAGE = 'kvl:watch';

export type WatchRequest =
  | { type: typeof WATCH_MESSAGE; action: 'check' }
  | { type: typeof WATCH_MESSAGE; action: 'seen' }
  | { type: typeof WATCH_MESSAGE; action: 'set'; id: string; on: boolean };

export function isWatchRequest(m: unknown): m is WatchRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r.type !== WATCH_MESSAGE) return false;
  if (r.action === 'check' || r.action === 'seen') return true;
  return r.action === 'set' && typeof r.id === 'string' && typeof r.on === 'boolean';
}

/** Check every watched document now (resolves when the check is done) */
export const checkWatchedNow = () => browser.runtime.sendMessage({ type: WATCH_MESSAGE, action: 'check' });
/** The popup was seen: answers found so far are no longer new (the badge clears) */
export const markWatchesSeen = () => browser.runtime.sendMessage({ type: WATCH_MESSAGE, action: 'seen' });
/** Watch document `id`, or stop */
export const setWatch = (id: string, on: boolean) =>
  browser.runtime.sendMessage({ type: WATCH_MESSAGE, action: 'set', id, on });
