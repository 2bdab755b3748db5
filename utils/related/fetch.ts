// Fetches one document from the site and parses it in an inert document (DOMParser: no script runs, nothing loads)
// with the project's own parser. Only the model (text) leaves this module: a related document's facts, a saved copy.

import { parseHtmlDocument } from '../kamervraag/html';
import type { KamervraagDocument } from '../kamervraag/model';
import { detectKamervraagPage } from '../site/detect';
import { documentUrlAt } from '../site/ids';
import { type FailReason, fetchFromSite } from '../site-fetch';
import { factsOf, type RelatedFacts } from './facts';

export type { FailReason };

export type Loaded = { state: 'ok'; facts: RelatedFacts } | { state: 'failed'; reason: FailReason };

/** A document that has not arrived after this long is given up on. */
const TIMEOUT_MS = 10_000;
/** The largest page read (the site's answers are 20–300 KB): anything larger is not what it claims to be. */
export const MAX_BYTES = 3_000_000;

const failed = (reason: FailReason) => ({ state: 'failed', reason }) as const;

/** Parses a fetched page into a document that runs nothing and loads nothing. */
export type InertParse = (html: string) => Document;

/** The browser's own DOMParser: its documents run no script and load nothing. */
export const domParse: InertParse = (html) => new DOMParser().parseFromString(html, 'text/html');

/** Runs a request now or when a slot is free (the loader's limit of requests at a time). */
export type RequestSlot = <T>(request: () => Promise<T>) => Promise<T>;

export interface FetchOptions {
  timeoutMs?: number;
  /** The browser's DOMParser wherever there is one (pages, the Firefox background); Chrome's background service
   * worker has none and passes one */
  parse?: InertParse;
  /** Only the request waits for a slot, not the parse after it */
  slot?: RequestSlot;
}

export type LoadedDocument =
  | { state: 'ok'; doc: KamervraagDocument }
  | { state: 'failed'; reason: FailReason };

/**
 * Document `id` as the site at `origin` serves it now, parsed (with `references`: the list of documents its text
 * refers to, which takes a search through all of it). Never throws.
 */
export async function fetchDocument(
  id: string,
  origin: string,
  options: FetchOptions & { references?: boolean } = {},
): Promise<LoadedDocument> {
  const {
    timeoutMs = TIMEOUT_MS,
    parse = domParse,
    slot = (request) => request(),
    references = false,
  } = options;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return failed('offline');
  const url = documentUrlAt(origin, id);
  const page = await slot(() =>
    fetchFromSite(url, { origin, type: /^text\/html\b/iu, timeoutMs, maxBytes: MAX_BYTES }),
  );
  if (page.state === 'failed') return page;
  try {
    const doc = parse(await page.body.text());
    if (!detectKamervraagPage(url, doc)) return failed('notKamervraag');
    return { state: 'ok', doc: parseHtmlDocument(doc, url, undefined, { references }).document };
  } catch {
    // A page the parser cannot read (nested too deep for the call stack, …): that entry fails, nothing else.
    return failed('error');
  }
}

/** The facts of document `id` as the site at `origin` serves it now. Never throws. */
export async function fetchFacts(id: string, origin: string, options: FetchOptions = {}): Promise<Loaded> {
  const loaded = await fetchDocument(id, origin, options);
  return loaded.state === 'ok' ? { state: 'ok', facts: factsOf(id, loaded.doc) } : loaded;
}
