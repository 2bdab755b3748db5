// The popup's offer for a tab that shows a PDF of the site, or a document page the reading view found nothing on:
// open that PDF in the reading view (the PDF page, components/pdf/PdfView.tsx).

import { t } from '../../utils/i18n';

export function PdfOffer({ pdf, onOpen }: { pdf: string | null; onOpen(pdf: string): void }) {
  if (!pdf) return null;
  return (
    <p class="kvl-pdf-offer">
      <button
        type="button"
        class="kvl-primary"
        data-kvl-action="open-pdf"
        data-kvl-pdf={pdf}
        onClick={() => onOpen(pdf)}
      >
        {t('openPdfView')}
      </button>
    </p>
  );
}
