// Content script: wires the page's plan (./page-plan.ts: detect, read, show the reading view or the original, never
// break the page), the early settings read and the popup's status question.

import { browser, defineContentScript } from '#imports';
import { takeEarlyRead } from '@/utils/early-read';
import { isCurrent, messageTables, requestMessages } from '@/utils/message-cache';
import { isStatusRequest, type KvlStatus } from '@/utils/messages';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import { runPlan } from '@/utils/reading-view/plan';
import { answersOpen, interfaceLanguage, viewMode } from '@/utils/settings';
import { CONTENT_MATCHES } from '@/utils/site/hosts';
import { getValues } from '@/utils/stored';
import { warn } from '@/utils/warn';
import { pagePlan, type Settings } from './page-plan';
import './style.css';

/** What the popup is told about this page (see main) */
let pageStatus: KvlStatus | null = null;

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // Started before the page is parsed, only to take up the storage read of the settings that the early script
  // (entrypoints/early.content.ts) sent just before: the answer arrives while the browser parses the page, so the
  // reading view does not wait for it once the DOM is ready. Everything else runs at DOMContentLoaded, the moment
  // `document_end` would have started the script.
  runAt: 'document_start',
  main() {
    // Saves and edits of the reading list are the background's to write (one writer).
    writeThroughBackground();
    // Who asks (the popup) learns what this page is: null until it is known, or when it is not a Kamervragen document.
    // Answered synchronously: works with and without webextension-polyfill.
    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      if (!isStatusRequest(message)) return;
      sendResponse(pageStatus);
    });
    const settings = readSettings();
    const start = () => {
      try {
        const { steps, hooks } = pagePlan(settings, (status) => {
          pageStatus = status;
        });
        runPlan(steps, hooks);
      } catch (err) {
        // The first step (detect) only looks: the page is as the site delivered it, and stays so.
        warn(err);
      }
    };
    // On the window, where DOMContentLoaded arrives after every listener on the document: the site's own ready
    // handlers (jQuery's among them) see the document the site built before the view moves anything.
    if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  },
});

/**
 * The settings and the stored copy of the interface texts (utils/message-cache.ts), from the one storage read the
 * early script started (or one of its own when there was none); `value` is set once it has arrived, so a ready
 * answer is used synchronously.
 */
function readSettings(): { value: Settings | null; promise: Promise<Settings> } {
  const out: { value: Settings | null; promise: Promise<Settings> } = {
    value: null,
    promise: getValues([viewMode, answersOpen, interfaceLanguage, messageTables], takeEarlyRead()).then(
      async ([mode, open, language, stored]) => {
        // None of this version stored yet (the first page after an install or update): the background's own.
        const fresh = isCurrent(stored, browser.runtime.getManifest().version);
        const messages = fresh ? stored : ((await requestMessages(1500)) ?? stored);
        out.value = { mode, open, language, messages };
        return out.value;
      },
    ),
  };
  // On pages that are not Kamervragen nobody waits for it: a failure must not become an unhandled rejection.
  out.promise.catch(() => {});
  return out;
}
