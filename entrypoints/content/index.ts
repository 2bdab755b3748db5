// Content script: detect a Kamervragen page, parse it, show the reading view (or the original), never break the page.

import { browser, defineContentScript } from '#imports';
import { parseHtmlDocument } from '@/utils/kamervraag/html';
import { isStatusRequest, type KvlStatus } from '@/utils/messages';
import { subscribeEntry } from '@/utils/reading-list/live';
import { completeFromDocument } from '@/utils/reading-list/store';
import { answersOpen, viewMode } from '@/utils/settings';
import { detectKamervraagPage } from '@/utils/site/detect';
import { SITE_HOSTS } from '@/utils/site/ids';
import { startReader } from './reader';
import './style.css';

export default defineContentScript({
  matches: SITE_HOSTS.map((host) => `*://${host}/*`),
  runAt: 'document_end',
  main() {
    const started = performance.now();
    try {
      run(started);
    } catch (err) {
      // Leave the page as it is; the user still has the site's own view.
      console.warn('[Kamervragen Lezer]', err);
    }
  },
});

function run(started: number): void {
  const html = document.documentElement;
  // A second injection (extension reload, duplicate script) must not redo anything.
  if (html.hasAttribute('data-kvl')) return;
  const detected = detectKamervraagPage(location.href, document);
  if (!detected) return;
  // Settings are read while the page is parsed.
  const settings = Promise.all([viewMode.getValue(), answersOpen.getValue()]);

  const parsed = parseHtmlDocument(document, location.href);
  const model = parsed.document;
  const status: KvlStatus = {
    id: model.id ?? detected.id ?? 'onbekend',
    kind: model.kind,
    pairs: model.pairs.length,
    subject: model.subject,
  };
  html.dataset.kvl = status.id;
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

  settings
    .then(([mode, open]) => startReader(parsed, { mode, open, started }))
    .catch((err) => console.warn('[Kamervragen Lezer]', err));
}
