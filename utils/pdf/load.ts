// A PDF on the site read into the document model, and every way that can end: fetched from the site only (as any
// fetch of the extension), its text extracted (by the caller's pdfjs), parsed by the project's own parser, its
// printed lines joined into paragraphs for reading (./paragraphs.ts).

import { isKamervraagDocument, parseText } from '../kamervraag';
import type { KamervraagDocument } from '../kamervraag/model';
import { type FailReason, type Fetched, fetchFromSite } from '../site-fetch';
import type { PdfSource } from './page-url';
import { inParagraphs } from './paragraphs';

/** Why a PDF could not be shown: the fetch's reasons, or not a PDF, or a PDF its text could not be read from. */
export type PdfFailReason = Exclude<FailReason, 'notKamervraag'> | 'notPdf' | 'unreadable';

export type PdfLoaded =
  | { state: 'ok'; doc: KamervraagDocument }
  /** A PDF, read, but no questions in it (another kind of publication, or a scan without text) */
  | { state: 'empty' }
  /** `detail`: what pdfjs said, for a bug report */
  | { state: 'failed'; reason: PdfFailReason; detail?: string };

export interface PdfDeps {
  fetch(url: string): Promise<Fetched>;
  /** The PDF's text as lines (utils/pdf/read.ts with the pdfjs build of the context); throws on a damaged PDF */
  text(bytes: Uint8Array): Promise<string>;
}

/** The site's Aanhangsel PDFs are 15–40 KB; an old scanned one a few MB. Anything larger is not one. */
export const MAX_PDF_BYTES = 20_000_000;
const TIMEOUT_MS = 20_000;

/** The real fetch: from the PDF's own host (www. or zoek.), a PDF's content type, up to MAX_PDF_BYTES. */
export const fetchPdf = (url: string): Promise<Fetched> =>
  fetchFromSite(url, {
    origin: new URL(url).origin,
    type: /^application\/(?:pdf|x-pdf|octet-stream)\b/iu,
    timeoutMs: TIMEOUT_MS,
    maxBytes: MAX_PDF_BYTES,
  });

/** A PDF starts with `%PDF-` within its first 1024 bytes (the site answers some unknown ids with an HTML page). */
function isPdf(bytes: Uint8Array): boolean {
  return /%PDF-/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)));
}

/** The PDF at `source` as a document, or why not. Never throws. */
export async function loadPdf(source: PdfSource, deps: PdfDeps): Promise<PdfLoaded> {
  const fetched = await deps.fetch(source.url);
  if (fetched.state === 'failed') {
    const reason = fetched.reason === 'notKamervraag' ? 'notPdf' : fetched.reason;
    return { state: 'failed', reason };
  }
  const bytes = new Uint8Array(await fetched.body.arrayBuffer());
  if (!isPdf(bytes)) return { state: 'failed', reason: 'notPdf' };
  let text: string;
  try {
    text = await deps.text(bytes);
  } catch (err) {
    // Damaged, encrypted, or not what pdfjs can read: nothing of it is shown.
    return {
      state: 'failed',
      reason: 'unreadable',
      detail: err instanceof Error ? err.message : String(err),
    };
  }
  const parsed = parseText(text).document;
  if (!isKamervraagDocument(parsed) || (parsed.pairs.length === 0 && !parsed.mededeling)) {
    return { state: 'empty' };
  }
  // The id of the address the PDF was read from: the site's name for it (the reading list's key), whatever the
  // PDF prints (a PDF-only document's text may print none).
  return { state: 'ok', doc: inParagraphs({ ...parsed, id: source.id ?? parsed.id }) };
}
