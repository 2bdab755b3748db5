// The PDF page: a PDF of the site (a document published only as a PDF, an old year's) read into the same reading view
// as a page of the site, saved to the reading list like one. Until then it says what it is doing; when it cannot, why,
// or that the PDF holds no questions, each time with a link to the PDF itself.

import { useEffect, useState } from 'preact/hooks';
import { failText } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { KamervraagDocument } from '../../utils/kamervraag/model';
import { keepPdfDocument } from '../../utils/pdf/keep';
import type { PdfFailReason, PdfLoaded } from '../../utils/pdf/load';
import type { PdfSource } from '../../utils/pdf/page-url';
import { answersOpen } from '../../utils/settings';
import { warn } from '../../utils/warn';
import { ModelView } from '../model/ModelView';

type Shown = { state: 'loading' } | (PdfLoaded & { open: boolean }) | { state: 'viewFailed' };

/** Why, in the reader's words. */
function reasonText(reason: PdfFailReason): string {
  if (reason === 'notPdf') return t('pdfNotPdf');
  if (reason === 'unreadable') return t('pdfUnreadable');
  if (reason === 'timeout') return t('pdfTimeout');
  return failText(reason);
}

export function PdfPage({
  source,
  read,
}: {
  /** The PDF the page's address asks for, null when that is not a PDF of the site */
  source: PdfSource | null;
  /** Fetches and reads it (utils/pdf/load.ts with the page's pdfjs) */
  read(source: PdfSource): Promise<PdfLoaded>;
}) {
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  useEffect(() => {
    if (!source) return;
    Promise.all([read(source), answersOpen.getValue().catch(() => false)])
      .then(([loaded, open]) => setShown({ ...loaded, open }))
      .catch((err: unknown) => {
        warn(err);
        setShown({ state: 'failed', reason: 'error', open: false });
      });
  }, [source, read]);

  if (!source) {
    document.title = t('pdfTitle', 'PDF');
    return (
      <p class="kvl-page-state" role="alert" data-kvl-pdf-state="invalid">
        {t('pdfInvalid')}
      </p>
    );
  }
  const link = (
    <a href={source.url} data-kvl-pdf-link="">
      {t('pdfOpen')}
    </a>
  );
  document.title = t('pdfTitle', shown.state === 'ok' ? (shown.doc.subject ?? source.url) : source.url);
  if (shown.state === 'ok') {
    return (
      <PdfDocument
        doc={shown.doc}
        url={source.url}
        open={shown.open}
        onFailed={() => setShown({ state: 'viewFailed' })}
      />
    );
  }
  if (shown.state === 'loading') {
    return (
      <p class="kvl-page-state" role="status" aria-busy="true" data-kvl-pdf-state="loading">
        {t('pdfLoading')} {link}
      </p>
    );
  }
  if (shown.state === 'empty') {
    return (
      <p class="kvl-page-state" role="status" data-kvl-pdf-state="empty">
        {t('pdfEmpty')} {link}
      </p>
    );
  }
  if (shown.state === 'viewFailed') {
    return (
      <p class="kvl-page-state" role="alert" data-kvl-pdf-state="failed" data-kvl-reason="view">
        {t('pdfViewFailed')} {link}
      </p>
    );
  }
  return (
    <div class="kvl-page-state" role="alert" data-kvl-pdf-state="failed" data-kvl-reason={shown.reason}>
      <p>
        {t('pdfFailed', reasonText(shown.reason))} {link}
      </p>
      {shown.detail ? <p class="kvl-detail">{shown.detail}</p> : null}
    </div>
  );
}

/** The document read from the PDF, in the reading view; kept with the reading list while it is shown. */
function PdfDocument({
  doc,
  url,
  open,
  onFailed,
}: {
  doc: KamervraagDocument;
  url: string;
  open: boolean;
  onFailed(): void;
}) {
  const id = doc.id;
  useEffect(() => (id ? keepPdfDocument({ ...doc, id }, url) : undefined), [doc, id, url]);
  return (
    <ModelView
      doc={doc}
      pageUrl={url}
      open={open}
      marker={{ 'data-kvl-pdf': url }}
      onShowOriginal={() => location.assign(url)}
      onFailed={onFailed}
    >
      <p class="kvl-page-line">
        {t('pdfLine')}{' '}
        <a href={url} data-kvl-pdf-link="">
          {t('pdfOpen')}
        </a>
      </p>
    </ModelView>
  );
}
