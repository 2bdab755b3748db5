// Which PDF the popup offers to open in the reading view for the tab it is opened on: the PDF the tab shows, or the
// PDF of the document the tab shows when its page gives the reading view nothing (no questions found there, or a
// document published only as a PDF). Pure.

import type { KvlStatus } from '../messages';
import {
  documentPdfUrlAt,
  findKamervraagId,
  isKamervraagId,
  isPdfOnlyId,
  isSiteUrl,
  sitePdfUrl,
} from '../site/ids';

/** The PDF to offer, or null (a page that has its reading view, or not a document of the site). */
export function pdfOffer(tabUrl: string | undefined, status: KvlStatus | null): string | null {
  if (!tabUrl || !isSiteUrl(tabUrl)) return null;
  const pdf = sitePdfUrl(tabUrl);
  if (pdf) return pdf;
  const url = new URL(tabUrl);
  // The id the content script found (it says 'onbekend' when there was none), else the one in the address.
  const id = (status && isKamervraagId(status.id) ? status.id : null) ?? findKamervraagId(url.pathname);
  // With the content script there, only when it found no questions; without it, for a PDF-only document.
  if (!id || (status ? status.pairs > 0 : !isPdfOnlyId(id))) return null;
  // The site is https only (an http address of it is offered its https PDF).
  return sitePdfUrl(documentPdfUrlAt(`https://${url.host}`, id));
}
