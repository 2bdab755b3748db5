// A very long page (a thousand pairs) is read in short tasks, none long, with its body hidden meanwhile, and its view
// is mounted in a task of its own after them (the steps of ./index.ts).

import {
  type HtmlParse,
  type HtmlParseOptions,
  type HtmlReading,
  readHtmlDocument,
} from '@/utils/kamervraag/html';

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

/** Reads a long page a slice (SLICE_MS) per call: the parse once it is read, null while there is more to read. */
export function longPageReader(root: Element): () => HtmlParse | null {
  let reading: HtmlReading | null = null;
  return () => {
    // (the first slice's setup counts against its time)
    const deadline = performance.now() + SLICE_MS;
    reading ??= readHtmlDocument(document, location.href, root, PARSE_OPTIONS);
    return reading.step(deadline);
  };
}
