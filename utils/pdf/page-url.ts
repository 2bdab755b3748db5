// The extension's PDF page (pdf.html?url=<a PDF on the site>#vraag-N): its address, and the PDF it is asked to read.

import { browser } from '#imports';
import { findKamervraagId, sitePdfUrl, withQuestion } from '../site/ids';

export const PDF_PAGE = '/pdf.html';

/** The PDF page for `pdfUrl` (a PDF on the site, sitePdfUrl), at question `n` when given. */
export function pdfPageUrl(pdfUrl: string, n?: number): string {
  const page = `${browser.runtime.getURL(PDF_PAGE)}?url=${encodeURIComponent(pdfUrl)}`;
  return n === undefined ? page : withQuestion(page, n);
}

export interface PdfSource {
  /** The PDF's address on the site (validated) */
  url: string;
  /** The document id the address holds (`/ah-1271549.pdf`), null when it holds none */
  id: string | null;
}

/**
 * The PDF the page's own address asks for (its `?url=`), when that is a PDF on the site; null for anything else.
 * Only the extension's offers link here (the page is not web-accessible), and the address is checked all the same.
 */
export function pdfSourceOf(search: string): PdfSource | null {
  const url = sitePdfUrl(new URLSearchParams(search).get('url') ?? '');
  return url ? { url, id: findKamervraagId(new URL(url).pathname) } : null;
}
