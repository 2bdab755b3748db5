// The PDF page (pdf.html?url=<a PDF on the site>#vraag-N): wiring only.
import { render } from 'preact';
import { browser } from '#imports';
import { PdfPage } from '@/components/pdf/PdfView';
import { startPdfjs } from '@/utils/pdf/in-page';
import { fetchPdf, loadPdf } from '@/utils/pdf/load';
import { type PdfSource, pdfSourceOf } from '@/utils/pdf/page-url';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import '../content/style.css';
import '@/components/model/page.css';

writeThroughBackground();
document.documentElement.lang = browser.i18n?.getUILanguage?.().startsWith('en') ? 'en' : 'nl';
// pdfjs and its worker start as the PDF is fetched (utils/pdf/in-page.ts)
const read = (source: PdfSource) => loadPdf(source, { fetch: fetchPdf, text: startPdfjs() });
const root = document.getElementById('app');
if (root) render(<PdfPage source={pdfSourceOf(location.search)} read={read} />, root);
