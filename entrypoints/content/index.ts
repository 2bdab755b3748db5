// Content script: detect a Kamervragen page, parse it, show the reading view (or the original), never break the page.

import { browser, defineContentScript } from '#imports';
import { takeEarlyRead } from '@/utils/early-read';
import { useMessageTable } from '@/utils/i18n';
import { findBodyRoot, type HtmlParse, parseHtmlDocument } from '@/utils/kamervraag/html';
import { currentMessages, messageTable } from '@/utils/message-cache';
import { isStatusRequest, type KvlStatus } from '@/utils/messages';
import { subscribeEntry } from '@/utils/reading-list/live';
import { completeFromDocument } from '@/utils/reading-list/store';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import { answersOpen, viewMode } from '@/utils/settings';
import { detectKamervraagPage } from '@/utils/site/detect';
import { CONTENT_MATCHES } from '@/utils/site/hosts';
import { getValues } from '@/utils/stored';
import { noteTask, timedTask } from '@/utils/task-time';
import { warn } from '@/utils/warn';
import { isLongPage, PARSE_OPTIONS, READING, readLongPage } from './long-page';
import { showFailure, startReader } from './reader';
import './style.css';

type Settings = { mode: 'lezer' | 'origineel'; open: boolean; messages: unknown };

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
      const started = performance.now();
      try {
        // Timed only when it worked on a Kamervragen page: every other page stays untouched.
        if (run(started, settings)) noteTask(performance.now() - started);
      } catch (err) {
        // Leave the page as it is; the user still has the site's own view.
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
 * Both settings and the stored copy of the interface texts (utils/message-cache.ts), from the one storage read the
 * early script started (or one of its own when there was none); `value` is set once it has arrived, so a ready
 * answer is used synchronously.
 */
function readSettings(): { value: Settings | null; promise: Promise<Settings> } {
  const out: { value: Settings | null; promise: Promise<Settings> } = {
    value: null,
    promise: getValues([viewMode, answersOpen, messageTable], takeEarlyRead()).then(
      ([mode, open, messages]) => {
        out.value = { mode, open, messages };
        return out.value;
      },
    ),
  };
  // On pages that are not Kamervragen nobody waits for it: a failure must not become an unhandled rejection.
  out.promise.catch(() => {});
  return out;
}

/** Returns whether it took the page on (a Kamervragen page, not already taken on by an earlier injection). */
function run(started: number, settings: ReturnType<typeof readSettings>): boolean {
  const html = document.documentElement;
  // A second injection (extension reload, duplicate script) must not redo anything.
  if (html.hasAttribute('data-kvl') || html.hasAttribute(READING)) return false;
  const detected = detectKamervraagPage(location.href, document);
  if (!detected) return false;

  try {
    const root = findBodyRoot(document);
    if (!root || !isLongPage(root)) {
      ready(
        parseHtmlDocument(document, location.href, root, PARSE_OPTIONS),
        detected.id,
        started,
        settings,
      )();
      return true;
    }
    readLongPage(root, (parsed) => ready(parsed, detected.id, started, settings), failed);
  } catch (err) {
    // Reading the page changes nothing in it: it is as the site delivered it.
    failed(err);
  }
  return true;
}

/** A Kamervragen page that could not be read or shown: left (or put back) as the site delivered it, and said so. */
function failed(err: unknown): void {
  document.documentElement.dataset.kvlStatus = 'fout';
  warn(err);
  showFailure(err);
}

/** The page is parsed: tell who asks, and return what shows the view (once the settings are in). */
function ready(
  parsed: HtmlParse,
  detectedId: string | null,
  started: number,
  settings: ReturnType<typeof readSettings>,
): () => void {
  const html = document.documentElement;
  const model = parsed.document;
  const status: KvlStatus = {
    id: model.id ?? detectedId ?? 'onbekend',
    kind: model.kind,
    pairs: model.pairs.length,
    subject: model.subject,
  };
  html.dataset.kvl = status.id;
  html.dataset.kvlParseMs = (performance.now() - started).toFixed(2);
  pageStatus = status;

  // Normally the settings arrived while the page was parsed; otherwise the view waits for them.
  const show = ({ mode, open, messages }: Settings) => {
    // Only here, on a Kamervragen page: is the stored copy of the texts the one for this version and language?
    useMessageTable(
      currentMessages(messages, browser.runtime.getManifest().version, browser.i18n.getUILanguage()),
    );
    startReader(parsed, { mode, open, started });
    // An entry saved from a link, the popup or the shortcut is completed from this page, in either layout. Only
    // after the view is shown: nothing on the page waits for it.
    if (model.id) {
      subscribeEntry(model.id, (entry) => {
        if (entry?.partial) void completeFromDocument(model).catch(() => {});
      });
    }
  };
  return () => {
    if (settings.value) return show(settings.value);
    // How long the view waited for them: the bench reports it (an answer from storage can take tens of ms).
    const from = performance.now();
    settings.promise
      .then((value) => {
        html.dataset.kvlWaitMs = (performance.now() - from).toFixed(2);
        timedTask(() => show(value));
      })
      .catch(warn);
  };
}
