// The PDF page (pdf.html?url=<a PDF on the site>#vraag-N): wiring only.
import { render } from 'preact';
import { PdfPage } from '@/components/pdf/PdfView';
import { startLanguage } from '@/utils/bundled-messages';
import { startPdfjs } from '@/utils/pdf/in-page';
import { fetchPdf, loadPdf } from '@/utils/pdf/load';
import { type PdfSource, pdfSourceOf } from '@/utils/pdf/page-url';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import '../content/style.css';
import '@/components/model/page.css';

writeThroughBackground();
// pdfjs and its worker start as the PDF is fetched (utils/pdf/in-page.ts)
const read = (source: PdfSource) => loadPdf(source, { fetch: fetchPdf, text: startPdfjs() });
const root = document.getElementById('app');
// The interface's language first (one storage read); 'pagina' is the document's: a PDF of the site is Dutch.
void startLanguage('nl').then(() => {
  if (root) render(<PdfPage source={pdfSourceOf(location.search)} read={read} />, root);
});
