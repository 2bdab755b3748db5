// Content script: detect a Kamervragen page, parse it, show the reading view (or the original), never break the page.

import { browser, defineContentScript } from '#imports';
import { useMessageTable } from '@/utils/i18n';
import { findBodyRoot, type HtmlParse, type HtmlReading, readHtmlDocument } from '@/utils/kamervraag/html';
import { currentMessages, messageTable } from '@/utils/message-cache';
import { isStatusRequest, type KvlStatus } from '@/utils/messages';
import { nextTask } from '@/utils/next-task';
import { subscribeEntry } from '@/utils/reading-list/live';
import { completeFromDocument } from '@/utils/reading-list/store';
import { answersOpen, viewMode } from '@/utils/settings';
import { detectKamervraagPage } from '@/utils/site/detect';
import { SITE_HOSTS } from '@/utils/site/ids';
import { getValues } from '@/utils/stored';
import { noteTask, timedTask } from '@/utils/task-time';
import { startReader } from './reader';
import { prepareView } from './view';
import './style.css';

type Settings = { mode: 'lezer' | 'origineel'; open: boolean; messages: unknown };

/**
 * A page with more elements than this in its body (about 250 pairs; the longest real answer at hand has 48 pairs and
 * 442 elements) is parsed in several tasks of SLICE_MS, none long (over 50 ms), and the view is mounted in a task of
 * its own after them. Every other page is parsed and shown in the first task: once the content script lets go of the
 * main thread, the browser lays out and paints the original page first (over 100 ms on a slow machine).
 */
const LONG_PAGE_ELEMENTS = 1500;
const SLICE_MS = 15;
/** On <html> while a long page is read over several tasks: a second injection meanwhile does nothing. */
const READING = 'data-kvl-bezig';

export default defineContentScript({
  matches: SITE_HOSTS.map((host) => `*://${host}/*`),
  // Started before the page is parsed, only to ask storage for the settings then: the answer arrives while the
  // browser parses the page, so the reading view does not wait for it once the DOM is ready. Everything else runs
  // at DOMContentLoaded, the moment `document_end` would have started the script.
  runAt: 'document_start',
  main() {
    const settings = readSettings();
    const start = () => {
      const started = performance.now();
      try {
        // Timed only when it worked on a Kamervragen page: every other page stays untouched.
        if (run(started, settings)) noteTask(performance.now() - started);
      } catch (err) {
        // Leave the page as it is; the user still has the site's own view.
        console.warn('[Kamervragen Lezer]', err);
      }
    };
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  },
});

/**
 * Both settings and the stored copy of the interface texts (utils/message-cache.ts) in one storage read; `value` is
 * set once it has arrived, so a ready answer is used synchronously.
 */
function readSettings(): { value: Settings | null; promise: Promise<Settings> } {
  const out: { value: Settings | null; promise: Promise<Settings> } = {
    value: null,
    promise: getValues([viewMode, answersOpen, messageTable]).then(([mode, open, messages]) => {
      out.value = { mode, open, messages };
      return out.value;
    }),
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

  const root = findBodyRoot(document);
  if (!root || root.getElementsByTagName('*').length <= LONG_PAGE_ELEMENTS) {
    const parsed = readHtmlDocument(document, location.href, root).step(Number.POSITIVE_INFINITY);
    ready(parsed as HtmlParse, detected.id, started, settings)();
    return true;
  }
  // A long page: read from the next task on (this one also ends the browser's own parsing of the page), with its
  // body hidden meanwhile: between the tasks the browser would otherwise lay out and paint the whole original body
  // again, only to have it replaced.
  html.setAttribute(READING, '');
  const unhide = hideWhileReading(root);
  const later = (job: () => void) =>
    nextTask(() => {
      try {
        timedTask(job);
      } catch (err) {
        unhide();
        html.removeAttribute(READING);
        console.warn('[Kamervragen Lezer]', err);
      }
    });
  let reading: HtmlReading | null = null;
  const step = () => {
    const deadline = performance.now() + SLICE_MS;
    reading ??= readHtmlDocument(document, location.href, root);
    const parsed = reading.step(deadline);
    if (parsed === null) {
      later(step);
      return;
    }
    html.removeAttribute(READING);
    const show = ready(parsed, detected.id, started, settings);
    later(() => prepareView(parsed));
    // The body is shown again in the task that mounts the view, which hides it itself (no layout in between); a
    // notice or the original layout leave it shown.
    later(() => {
      unhide();
      show();
    });
  };
  later(step);
  return true;
}

/** Hides the body while it is read (`hidden`, as the view does); returns what puts its attribute back as it was. */
function hideWhileReading(root: Element): () => void {
  const before = root.getAttribute('hidden');
  root.setAttribute('hidden', '');
  return () => {
    if (before === null) root.removeAttribute('hidden');
    else root.setAttribute('hidden', before);
  };
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
  // An entry saved from a link, the popup or the shortcut is completed from this page, in either layout.
  if (model.id) {
    subscribeEntry(model.id, (entry) => {
      if (entry?.partial) void completeFromDocument(model).catch(() => {});
    });
  }

  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isStatusRequest(message)) return;
    // Answered synchronously: works with and without webextension-polyfill.
    sendResponse(status);
  });

  // Normally the settings arrived while the page was parsed; otherwise the view waits for them.
  const show = ({ mode, open, messages }: Settings) => {
    // Only here, on a Kamervragen page: is the stored copy of the texts the one for this version and language?
    useMessageTable(
      currentMessages(messages, browser.runtime.getManifest().version, browser.i18n.getUILanguage()),
    );
    startReader(parsed, { mode, open, started });
  };
  return () => {
    if (settings.value) show(settings.value);
    else
      settings.promise
        .then((value) => timedTask(() => show(value)))
        .catch((err) => console.warn('[Kamervragen Lezer]', err));
  };
}
