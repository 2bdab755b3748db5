// A very long page (a thousand pairs) is read in short tasks, none long, with its body hidden meanwhile, and its view
// is mounted in a task of its own after them.

import {
  type HtmlParse,
  type HtmlParseOptions,
  type HtmlReading,
  readHtmlDocument,
} from '@/utils/kamervraag/html';
import { nextTask } from '@/utils/next-task';
import { hide } from '@/utils/reading-view/moves';
import { timedTask } from '@/utils/task-time';
import { prepareView } from './view';

/**
 * A page with more elements than this in its body (about 250 pairs; the longest real answer at hand has 48 pairs and
 * 442 elements) is long. Every other page is parsed and shown in the task that starts the script: once the script
 * lets go of the main thread, the browser lays out and paints the original page first (over 100 ms on a slow
 * machine).
 */
const LONG_PAGE_ELEMENTS = 1500;
/** A task's share of reading a long page */
const SLICE_MS = 15;
/**
 * How the content script parses, long page or not: without the search for references through all the text, whose
 * list it would not use (the view finds them in the page's text nodes as it links them).
 */
export const PARSE_OPTIONS: HtmlParseOptions = { references: false };
/** On <html> while a long page is read over several tasks: a second injection meanwhile does nothing. */
export const READING = 'data-kvl-bezig';

export const isLongPage = (root: Element) => root.getElementsByTagName('*').length > LONG_PAGE_ELEMENTS;

/**
 * Reads the page from the next task on (the current one also ends the browser's own parsing of the page), then hands
 * the parse to `parsed`, whose returned function shows the view in a task of its own. The body stays hidden until
 * then: between the tasks the browser would otherwise lay out and paint the whole original body again, only to have
 * it replaced. Any failure shows the body again, as it was, and goes to `failed`.
 */
export function readLongPage(
  root: Element,
  parsed: (parse: HtmlParse) => () => void,
  failed: (err: unknown) => void,
): void {
  const html = document.documentElement;
  html.setAttribute(READING, '');
  const unhide = hide(root);
  // After a failure the tasks already queued do nothing: the page stays as delivered, with the one notice.
  let stopped = false;
  const later = (job: () => void) =>
    nextTask(() => {
      if (stopped) return;
      try {
        timedTask(job);
      } catch (err) {
        stopped = true;
        unhide();
        html.removeAttribute(READING);
        failed(err);
      }
    });
  let reading: HtmlReading | null = null;
  const step = () => {
    const deadline = performance.now() + SLICE_MS;
    reading ??= readHtmlDocument(document, location.href, root, PARSE_OPTIONS);
    const parse = reading.step(deadline);
    if (parse === null) {
      later(step);
      return;
    }
    html.removeAttribute(READING);
    const show = parsed(parse);
    later(() => prepareView(parse));
    // The body is shown again in the task that mounts the view, which hides it itself (no layout in between); a
    // notice or the original layout leave it shown.
    later(() => {
      unhide();
      show();
    });
  };
  later(step);
}
