// What the content script does on a page, in order, as the steps of one plan (utils/reading-view/plan.ts runs it):
// detect, read (a long page in slices of a task each, its body hidden meanwhile), tell who asks what the page is,
// sort its nodes into the view's places (a long page: in a task of its own), wait for the settings if they are not in
// yet, show (the view's first pairs, or the original layout, or a notice), and wait until the view has filled in.
// Then <html data-kvl-complete>. Any step after the first that fails puts the page back as the site delivered it
// and says so once.

import { browser } from '#imports';
import { resolveLanguage, useMessageTable } from '@/utils/i18n';
import { findBodyRoot, type HtmlParse, parseHtmlDocument } from '@/utils/kamervraag/html';
import { currentMessages } from '@/utils/message-cache';
import type { KvlStatus } from '@/utils/messages';
import { subscribeEntry } from '@/utils/reading-list/live';
import { completeFromDocument } from '@/utils/reading-list/store';
import { hide } from '@/utils/reading-view/moves';
import type { PlanHooks, Step } from '@/utils/reading-view/plan';
import { detectKamervraagPage } from '@/utils/site/detect';
import { mark } from '@/utils/timing';
import { warn } from '@/utils/warn';
import { isLongPage, longPageReader, PARSE_OPTIONS, READING } from './long-page';
import { showFailure, startReader } from './reader';
import { prepareView } from './view';

export type Settings = {
  mode: 'lezer' | 'origineel';
  open: boolean;
  /** The interface-language setting (utils/storage.ts InterfaceLanguage) */
  language: unknown;
  /** The background's copy of the interface texts (utils/message-cache.ts) */
  messages: unknown;
};

/**
 * t() in the language the setting gives on this page (its <html lang>: English for `en…`, else Dutch), from the
 * stored copy when it is the one of this version; else the browser's own messages (utils/i18n.ts).
 */
export function applySettingsLanguage({ language, messages }: Settings): void {
  const lang = resolveLanguage(language, document.documentElement.lang);
  const table = currentMessages(messages, browser.runtime.getManifest().version, lang);
  useMessageTable(table, lang);
}

/** The settings as the early read delivers them: `value` once they are in. */
export interface SettingsSource {
  value: Settings | null;
  promise: Promise<Settings>;
}

/** The steps for this page and what ends the plan; `onStatus` learns what the page is as soon as it is read. */
export function pagePlan(
  settings: SettingsSource,
  onStatus: (status: KvlStatus) => void,
): { steps: Step[]; hooks: PlanHooks } {
  const html = document.documentElement;
  const started = performance.now();
  let detectedId: string | null = null;
  let root: Element | null = null;
  let long = false;
  let read: (() => HtmlParse | null) | null = null;
  let parsed: HtmlParse | null = null;
  let lookFailed: { err: unknown } | null = null;
  const page = () => parsed as HtmlParse;
  // What a failed step leaves to put back: a long page's hidden body, then the view.
  let undo: () => void = () => {};
  let filledIn: () => void = () => {};
  const filled = new Promise<void>((resolve) => {
    filledIn = resolve;
  });
  const steps: Step[] = [
    {
      name: 'detect',
      run() {
        // A second injection (extension reload, duplicate script) must not redo anything, not even after a failure.
        if (['data-kvl', READING, 'data-kvl-complete'].some((a) => html.hasAttribute(a))) return 'stop';
        const detected = detectKamervraagPage(location.href, document);
        if (!detected) return 'stop';
        detectedId = detected.id;
        try {
          root = findBodyRoot(document);
          long = root !== null && isLongPage(root);
        } catch (err) {
          // A Kamervragen page whose body could not even be found: the parse step fails with it (and says so).
          lookFailed = { err };
          return undefined;
        }
        if (long && root) {
          // Hidden until the view replaces it: between the tasks that read it the browser would otherwise lay out
          // and paint the whole original body again, only to have it replaced.
          html.setAttribute(READING, '');
          const unhide = hide(root);
          let done = false;
          undo = () => {
            html.removeAttribute(READING);
            if (!done) unhide();
            done = true;
          };
          read = longPageReader(root);
        }
        return undefined;
      },
    },
    {
      name: 'parse',
      // The current task also ends the browser's own parsing of the page: a long page is read from the next one on.
      ownTask: () => long,
      run() {
        if (lookFailed) throw lookFailed.err;
        if (!read) {
          parsed = parseHtmlDocument(document, location.href, root, PARSE_OPTIONS);
          return undefined;
        }
        parsed = read();
        if (parsed === null) return 'again';
        html.removeAttribute(READING);
        return undefined;
      },
    },
    {
      name: 'status',
      run() {
        const model = page().document;
        const status: KvlStatus = {
          id: model.id ?? detectedId ?? 'onbekend',
          kind: model.kind,
          pairs: model.pairs.length,
          subject: model.subject,
        };
        html.dataset.kvl = status.id;
        mark('parse', started);
        onStatus(status);
        return undefined;
      },
    },
    {
      name: 'sort',
      // A long page's nodes are sorted in a task of their own; a short page's as the view mounts (one task).
      ownTask: () => long,
      run() {
        if (long && page().document.pairs.length > 0) prepareView(page());
        return undefined;
      },
    },
    {
      name: 'settings',
      run() {
        // Normally they arrived while the page was parsed; otherwise the view waits for them (the bench reports how
        // long: an answer from storage can take tens of ms).
        if (settings.value) return undefined;
        const from = performance.now();
        // A long page's body is shown meanwhile, as the site delivered it (a slow answer must not leave it blank).
        undo();
        return settings.promise.then(() => mark('wait', from));
      },
    },
    {
      name: 'show',
      ownTask: () => long,
      run() {
        const { mode, open } = settings.value as Settings;
        // Only here, on a Kamervragen page: the texts in the interface's language.
        applySettingsLanguage(settings.value as Settings);
        // The body is shown again in the task that mounts the view, which hides it itself (no layout in between); a
        // notice or the original layout leave it shown.
        undo();
        const reader = startReader(page(), { mode, open, started, onComplete: () => filledIn() });
        undo = reader.putBack;
        // An entry saved from a link, the popup or the shortcut is completed from this page, in either layout. Only
        // after the view is shown: nothing on the page waits for it.
        const model = page().document;
        if (model.id) {
          subscribeEntry(model.id, (entry) => {
            if (entry?.partial) void completeFromDocument(model).catch(() => {});
          });
        }
        return undefined;
      },
    },
    {
      name: 'fill',
      // The view fills in over later tasks of its own (components/page/useChunks.ts); the plan ends when it is complete,
      // or when the first showing ended otherwise (the original layout, a notice, a failure put back by the view).
      run: () => filled,
    },
  ];
  const hooks: PlanHooks = {
    failed(step, err) {
      undo();
      // The page as the site delivered it, said once; the step that failed is named for a bug report.
      html.dataset.kvlStatus = 'fout';
      html.dataset.kvlFailed = step;
      html.dataset.kvlComplete = '';
      warn(err);
      // A step before 'show' failed: the notice in the interface's language when the settings are in.
      if (settings.value) applySettingsLanguage(settings.value);
      showFailure(err);
    },
    done(completed) {
      if (completed) html.dataset.kvlComplete = '';
    },
  };
  return { steps, hooks };
}
