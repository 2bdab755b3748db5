// The background's side of watched questions: the checks (an alarm every 6 hours, and once at browser start), and
// the one writer of the watches (the popup asks by message: check now, watch on/off, seen).

import { browser } from '#imports';
import { listEntries } from '../reading-list';
import { isSiteHost, SITE_ORIGIN } from '../site/ids';
import { warn } from '../warn';
import { writeCached } from './cache';
import { fetchFacts } from './fetch';
import { backgroundParse } from './inert';
import {
  CHECK_EVERY_MS,
  checkWatched,
  isWatchable,
  mergeCheck,
  newWatch,
  validWatches,
  type Watch,
  watches,
} from './watch';
import { isWatchRequest } from './watch-requests';

const ALARM = 'kvl-watch';

/** Every change of the watches, one at a time, each on what is stored then (a check and a toggle never overwrite
 * each other). */
let queue: Promise<unknown> = Promise.resolve();
function change(fn: (all: Record<string, Watch>) => Record<string, Watch>) {
  const run = queue.then(async () => watches.setValue(fn(validWatches(await watches.getValue()))));
  queue = run.catch(warn);
  return run;
}

/** The watched kv documents of the reading list, each with the site origin it was saved from. */
async function watchable(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of (await listEntries()).values()) {
    if (!isWatchable(e.id, e.kind) || out.has(e.id)) continue;
    try {
      const url = new URL(e.url);
      if (isSiteHost(url.hostname)) out.set(e.id, url.origin);
    } catch {
      // An entry without a usable address is not checked.
    }
  }
  return out;
}

/** Checks the watched documents that are due (all of them when `force`); never while offline. */
export async function checkNow(force: boolean): Promise<void> {
  if (navigator.onLine === false) return;
  const origins = await watchable();
  const before = validWatches(await watches.getValue());
  // The fetches run outside the queue (a check may take many seconds): the popup's switch and "seen" are not held
  // up, and the result is merged with whatever they changed meanwhile.
  const checked = await checkWatched(before, {
    ids: [...origins.keys()],
    now: Date.now(),
    force,
    load: async (id, listedBy) => {
      // An answer is on the site its kv page came from.
      const origin = origins.get(listedBy ?? id) ?? SITE_ORIGIN;
      const loaded = await fetchFacts(id, origin, { parse: backgroundParse });
      if (loaded.state === 'ok') await writeCached(loaded.facts).catch(warn);
      return loaded;
    },
  });
  await change((now) => mergeCheck(before, checked, now));
}

/** Starts the checks and answers the popup. `onChange` runs after every change of the watches. */
export function startWatching(onChange: () => void): void {
  browser.alarms
    .get(ALARM)
    .then((alarm) => {
      if (!alarm)
        void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MS / 60_000 });
    })
    .catch(warn);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) checkNow(false).catch(warn);
  });
  browser.runtime.onStartup.addListener(() => {
    checkNow(false).catch(warn);
  });
  watches.watch(onChange);
  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isWatchRequest(message)) return;
    // From the extension's own pages only (the popup), not from a content script.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return;
    if (message.action === 'check') return checkNow(true);
    if (message.action === 'seen')
      return change((all) =>
        Object.fromEntries(
          Object.entries(all).map(([id, w]) => [id, w.unseen ? { ...w, unseen: false } : w]),
        ),
      );
    const { id, on } = message;
    return change((all) => ({ ...all, [id]: { ...(all[id] ?? newWatch()), off: !on, unseen: false } }));
  });
}
