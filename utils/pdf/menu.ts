// The context menu's "open in reading view" on a link to a PDF of the site: the PDF page in a new tab next to the
// page the link is on. The background creates the item and hands its clicks here.

import { browser } from '#imports';
import { t } from '../i18n';
import { PDF_LINK_PATTERNS } from '../site/hosts';
import { sitePdfUrl } from '../site/ids';
import { pdfPageUrl } from './page-url';

export const PDF_MENU_ID = 'kvl-open-pdf';

export function createPdfMenu(): void {
  browser.contextMenus.create({
    id: PDF_MENU_ID,
    title: t('contextPdf'),
    contexts: ['link'],
    targetUrlPatterns: PDF_LINK_PATTERNS,
  });
}

/** Opens the linked PDF in the PDF page; a link anywhere else (the patterns are the browser's check) opens nothing. */
export async function openPdfLink(linkUrl: string | undefined, tab?: { index?: number }): Promise<void> {
  const pdf = sitePdfUrl(linkUrl ?? '');
  if (!pdf) return;
  await browser.tabs.create({
    url: pdfPageUrl(pdf),
    ...(tab?.index === undefined ? {} : { index: tab.index + 1 }),
  });
}
