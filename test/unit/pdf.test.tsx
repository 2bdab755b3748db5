// The PDF reading view's pure parts and its page (happy-dom): which addresses it reads (the site's PDFs only), what
// the popup offers for a tab, how a PDF is loaded (with the real pdfjs, Node's build) and every way that ends, and
// the page's states, each with a link to the PDF.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PdfPage } from '../../components/pdf/PdfView';
import type { KvlStatus } from '../../utils/messages';
import { fetchPdf, loadPdf, MAX_PDF_BYTES, type PdfLoaded } from '../../utils/pdf/load';
import { pdfOffer } from '../../utils/pdf/offer';
import { type PdfSource, pdfPageUrl, pdfSourceOf } from '../../utils/pdf/page-url';
import { paragraphs } from '../../utils/pdf/paragraphs';
import { type Pdfjs, pdfText } from '../../utils/pdf/read';
import { documentPdfUrlAt, isPdfOnlyId, sitePdfUrl } from '../../utils/site/ids';
import { tinyPdf } from '../support/tiny-pdf';

const SITE = 'https://zoek.officielebekendmakingen.nl';
const FIXTURE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', 'ah-tk-20232024-1786.pdf'));
/** The pairs of ah-tk-20232024-1786 (test/fixtures/cases/txt-ah-tk-20232024-1786/expected.json) */
const PAIRS = [[1], [2], [3], [4], [5], [6], [7], [8], [9], [10, 11], [12], [13], [14], [15]];

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the PDFs the PDF page reads: the site’s, nothing else', () => {
  it.each([
    [`${SITE}/ah-1271549.pdf`, `${SITE}/ah-1271549.pdf`],
    [`${SITE}/ah-1271549.pdf#page=2`, `${SITE}/ah-1271549.pdf`],
    [
      'https://WWW.officielebekendmakingen.nl/ah-tk-20232024-1786.PDF',
      'https://www.officielebekendmakingen.nl/ah-tk-20232024-1786.PDF',
    ],
    [`${SITE}/dossier/kst-36410-72.pdf?x=1`, `${SITE}/dossier/kst-36410-72.pdf?x=1`],
  ])('%s → %s', (url, expected) => {
    expect(sitePdfUrl(url)).toBe(expected);
  });

  it.each([
    ['another site', 'https://example.org/ah-1271549.pdf'],
    ['a look-alike host', 'https://zoek.officielebekendmakingen.nl.example.org/ah-1271549.pdf'],
    ['http', 'http://zoek.officielebekendmakingen.nl/ah-1271549.pdf'],
    ['a port', 'https://zoek.officielebekendmakingen.nl:444/ah-1271549.pdf'],
    ['a user', 'https://x@zoek.officielebekendmakingen.nl/ah-1271549.pdf'],
    ['a page, not a PDF', `${SITE}/ah-1271549.html`],
    ['a PDF named only in the query', `${SITE}/zoeken?q=ah-1271549.pdf`],
    ['javascript:', 'javascript:alert(1)//.pdf'],
    ['a file', 'file:///tmp/ah-1271549.pdf'],
    ['nothing', ''],
  ])('refuses %s', (_name, url) => {
    expect(sitePdfUrl(url)).toBeNull();
  });

  it('knows a document’s PDF, and the documents published only as one', () => {
    expect(documentPdfUrlAt(SITE, 'ah-tk-20232024-1786')).toBe(`${SITE}/ah-tk-20232024-1786.pdf`);
    expect(isPdfOnlyId('ah-1271549')).toBe(true);
    expect(isPdfOnlyId('ah-tk-20232024-1786')).toBe(false);
    expect(isPdfOnlyId('kv-1234567')).toBe(false);
  });

  it('reads its own address only for a PDF of the site, and builds it back', () => {
    const page = pdfPageUrl(`${SITE}/ah-1271549.pdf`, 3);
    expect(page).toBe(
      `${fakeBrowser.runtime.getURL('/pdf.html')}?url=${encodeURIComponent(`${SITE}/ah-1271549.pdf`)}#vraag-3`,
    );
    expect(pdfSourceOf(new URL(page).search)).toEqual({ url: `${SITE}/ah-1271549.pdf`, id: 'ah-1271549' });
    expect(pdfSourceOf(`?url=${encodeURIComponent(`${SITE}/bijlage.pdf`)}`)).toEqual({
      url: `${SITE}/bijlage.pdf`,
      id: null,
    });
    expect(pdfSourceOf(`?url=${encodeURIComponent('https://example.org/ah-1271549.pdf')}`)).toBeNull();
    expect(pdfSourceOf('?id=ah-1271549')).toBeNull();
    expect(pdfSourceOf('')).toBeNull();
  });
});

describe('what the popup offers for a tab', () => {
  const status = (pairs: number, id = 'ah-tk-20232024-1786'): KvlStatus => ({
    id,
    kind: 'antwoord',
    pairs,
    subject: null,
  });
  it.each([
    ['a PDF of the site', `${SITE}/ah-tk-20232024-1786.pdf`, null, `${SITE}/ah-tk-20232024-1786.pdf`],
    [
      'a document page with no questions found',
      `${SITE}/ah-tk-20232024-1786.html`,
      status(0),
      `${SITE}/ah-tk-20232024-1786.pdf`,
    ],
    [
      'the same on www.',
      'https://www.officielebekendmakingen.nl/ah-tk-20232024-1786.html',
      status(0),
      'https://www.officielebekendmakingen.nl/ah-tk-20232024-1786.pdf',
    ],
    [
      'no id found on the page: the address’s',
      `${SITE}/ah-1271549.html`,
      status(0, 'onbekend'),
      `${SITE}/ah-1271549.pdf`,
    ],
    [
      'a PDF-only document the content script did not take for one',
      `${SITE}/ah-1271549`,
      null,
      `${SITE}/ah-1271549.pdf`,
    ],
    ['a page with its reading view', `${SITE}/ah-tk-20232024-1786.html`, status(14), null],
    ['a document page without the content script', `${SITE}/ah-tk-20232024-1786.html`, null, null],
    ['the site’s search', `${SITE}/zoeken?q=kamervragen`, null, null],
    ['another site’s PDF', 'https://example.org/ah-1271549.pdf', null, null],
    ['no address (no host permission for the tab)', undefined, null, null],
  ])('%s', (_name, url, st, expected) => {
    expect(pdfOffer(url, st)).toBe(expected);
  });
});

describe('a PDF’s printed lines in paragraphs', () => {
  it('joins lines that run on, and ends a paragraph at a short line ending a sentence, or a blank line', () => {
    const text = [
      'Het kabinet overweegt niet om de exportkredietverzekeringen in te trekken',
      'voor deze projecten, o.a. op milieu- en sociale, financiële en compliance',
      'risico’s, en daarom is er ingestemd met een polis.',
      'Intrekken kan alleen bij verzuim.',
      'Een regel die precies aan het eind van de kolom een zin afsluit, loopt.',
      'door als de volgende regel er gewoon achteraan komt en verder gaat.',
      '',
      'Nieuwe alinea na een witregel',
    ].join('\n');
    expect(paragraphs(text).split('\n')).toEqual([
      'Het kabinet overweegt niet om de exportkredietverzekeringen in te trekken voor deze projecten, o.a. op milieu- en sociale, financiële en compliance risico’s, en daarom is er ingestemd met een polis.',
      'Intrekken kan alleen bij verzuim.',
      'Een regel die precies aan het eind van de kolom een zin afsluit, loopt. door als de volgende regel er gewoon achteraan komt en verder gaat.',
      'Nieuwe alinea na een witregel',
    ]);
  });

  it('joins a word broken at the line’s end, keeps a hyphen that belongs to the words, starts list items anew', () => {
    const text = [
      'Hiervoor ben ik met partijen, waaronder de zorgverzeke-',
      'raars, in gesprek over het PKI-',
      'consortium en de volgende punten van aandacht en zorg:',
      '– het eerste punt van de lijst, dat',
      'doorloopt op de regel eronder;',
      '– het tweede punt.',
    ].join('\n');
    expect(paragraphs(text).split('\n')).toEqual([
      'Hiervoor ben ik met partijen, waaronder de zorgverzekeraars, in gesprek over het PKI- consortium en de volgende punten van aandacht en zorg:',
      '– het eerste punt van de lijst, dat doorloopt op de regel eronder;',
      '– het tweede punt.',
    ]);
  });
});

/** The site as fetch finds it: one answer for every request */
function serve(body: BodyInit | null, init: ResponseInit = {}) {
  const fetch = vi.fn(async (url: string) => {
    const res = new Response(body, { headers: { 'content-type': 'application/pdf' }, ...init });
    Object.defineProperty(res, 'url', { value: url });
    return res;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const nodeText = (bytes: Uint8Array) => pdfText(pdfjs as unknown as Pdfjs, bytes);
const load = (url = `${SITE}/ah-tk-20232024-1786.pdf`) =>
  loadPdf(pdfSourceOf(`?url=${encodeURIComponent(url)}`) as PdfSource, { fetch: fetchPdf, text: nodeText });

describe('loading a PDF', () => {
  it('reads a real Aanhangsel PDF into its pairs, from the site, without cookies', async () => {
    const fetch = serve(new Uint8Array(FIXTURE));
    const loaded = await load();
    expect(fetch).toHaveBeenCalledWith(
      `${SITE}/ah-tk-20232024-1786.pdf`,
      expect.objectContaining({ credentials: 'omit' }),
    );
    expect(loaded.state).toBe('ok');
    if (loaded.state !== 'ok') return;
    expect(loaded.doc.id).toBe('ah-tk-20232024-1786');
    expect(loaded.doc.pairs.map((p) => p.numbers)).toEqual(PAIRS);
    expect(loaded.doc.pairs[9].label).toBe('Vraag 10 en 11');
    expect(loaded.doc.references.map((r) => r.id)).toContain('kst-26485-432');
  }, 30_000);

  it('names the document by the address it was read from (a PDF-only id), whatever the PDF prints', async () => {
    serve(new Uint8Array(FIXTURE));
    const loaded = await load(`${SITE}/ah-1271549.pdf`);
    expect(loaded.state === 'ok' && [loaded.doc.id, loaded.doc.pairs.length]).toEqual(['ah-1271549', 14]);
  }, 30_000);

  it('says when a PDF holds no questions', async () => {
    serve(new Uint8Array(tinyPdf(['Staatscourant', 'Bekendmaking van een besluit over (de) subsidie'])));
    expect(await load()).toEqual({ state: 'empty' });
  }, 30_000);

  it.each([
    ['a 404', () => serve('niet gevonden', { status: 404 }), { state: 'failed', reason: 'notFound' }],
    ['a server error', () => serve('', { status: 500 }), { state: 'failed', reason: 'error' }],
    [
      'an HTML error page with status 200',
      () => serve('<html>Pagina niet gevonden</html>', { headers: { 'content-type': 'text/html' } }),
      { state: 'failed', reason: 'notPdf' },
    ],
    [
      'bytes that are no PDF, whatever the type says',
      () =>
        serve('<html>Pagina niet gevonden</html>', {
          headers: { 'content-type': 'application/octet-stream' },
        }),
      { state: 'failed', reason: 'notPdf' },
    ],
    [
      'a network failure',
      () =>
        vi.stubGlobal(
          'fetch',
          vi.fn(async () => Promise.reject(new TypeError('x'))),
        ),
      { state: 'failed', reason: 'error' },
    ],
  ])('%s fails as it should', async (_name, setUp, expected) => {
    setUp();
    expect(await load()).toEqual(expected);
  });

  it('says a damaged PDF is unreadable, with what pdfjs said', async () => {
    serve(`%PDF-1.4\n${'x'.repeat(2000)}`);
    const loaded = await load();
    expect(loaded).toMatchObject({ state: 'failed', reason: 'unreadable' });
    expect(loaded.state === 'failed' && loaded.detail).toMatch(/PDF/);
  }, 30_000);

  it('gives up on a body larger than MAX_PDF_BYTES, whatever the headers say', async () => {
    const text = vi.fn(nodeText);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const chunk = new Uint8Array(1_000_000);
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(c) {
            sent += chunk.length;
            if (sent > MAX_PDF_BYTES + 2_000_000) c.close();
            else c.enqueue(chunk);
          },
        });
        const res = new Response(body, { headers: { 'content-type': 'application/pdf' } });
        Object.defineProperty(res, 'url', { value: url });
        return res;
      }),
    );
    expect(
      await loadPdf({ url: `${SITE}/ah-1271549.pdf`, id: 'ah-1271549' }, { fetch: fetchPdf, text }),
    ).toEqual({ state: 'failed', reason: 'tooLarge' });
    expect(text).not.toHaveBeenCalled();
  });
});

describe('the PDF page', () => {
  const host = document.createElement('div');
  document.body.append(host);
  afterEach(() => render(null, host));
  const settle = () => new Promise((r) => setTimeout(r, 50));
  const SOURCE: PdfSource = { url: `${SITE}/ah-1271549.pdf`, id: 'ah-1271549' };
  const state = () => host.querySelector('[data-kvl-pdf-state]')?.getAttribute('data-kvl-pdf-state');
  const pdfLink = () => host.querySelector<HTMLAnchorElement>('[data-kvl-pdf-link]')?.href;

  it('says it is fetching and reading, then shows the pairs in the reading view, references as links', async () => {
    serve(new Uint8Array(FIXTURE));
    let done: (l: PdfLoaded) => void = () => {};
    const loading = new Promise<PdfLoaded>((resolve) => {
      done = resolve;
    });
    render(<PdfPage source={SOURCE} read={() => loading} />, host);
    expect(state()).toBe('loading');
    expect(host.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(pdfLink()).toBe(SOURCE.url);
    delete document.documentElement.dataset.kvlComplete;
    done(await loadPdf(SOURCE, { fetch: fetchPdf, text: nodeText }));
    // The footnotes (where its references are) come in a task of their own: complete once they are in.
    for (let i = 0; i < 100 && !document.documentElement.hasAttribute('data-kvl-complete'); i++)
      await settle();
    const view = host.querySelector('[data-kvl-view]');
    expect(view?.getAttribute('data-kvl-pdf')).toBe(SOURCE.url);
    expect(
      Array.from(host.querySelectorAll('[data-kvl-pair]')).map((p) => p.getAttribute('data-kvl-pair')),
    ).toEqual(PAIRS.map(String));
    expect(host.querySelector('[data-kvl-fact="number"]')?.textContent).toBe('ah-1271549');
    const kst = host.querySelector<HTMLAnchorElement>('a[href*="kst-26485-432"]');
    expect(kst?.href).toBe(`${SITE}/kst-26485-432.html`);
    expect(host.querySelector('.kvl-page-line [data-kvl-pdf-link]')?.getAttribute('href')).toBe(SOURCE.url);
    expect(document.title).toContain('exportkredietverzekeringen');
  }, 30_000);

  it.each([
    [{ state: 'empty' } as PdfLoaded, 'empty', 'In deze PDF staan geen Kamervragen'],
    [
      { state: 'failed', reason: 'notFound' } as PdfLoaded,
      'failed',
      'De PDF kon niet worden gelezen: niet gevonden.',
    ],
    [{ state: 'failed', reason: 'notPdf' } as PdfLoaded, 'failed', 'de site gaf op dit adres geen PDF'],
    [{ state: 'failed', reason: 'timeout' } as PdfLoaded, 'failed', 'de site antwoordde niet (20 s)'],
    [
      { state: 'failed', reason: 'unreadable', detail: 'Invalid PDF structure.' } as PdfLoaded,
      'failed',
      'Invalid PDF structure.',
    ],
  ])('shows %j as %s, with why and a link to the PDF', async (loaded, shown, text) => {
    render(<PdfPage source={SOURCE} read={async () => loaded} />, host);
    await settle();
    expect(state()).toBe(shown);
    expect(host.textContent).toContain(text);
    expect(pdfLink()).toBe(SOURCE.url);
  });

  it('reads nothing for an address that is not a PDF of the site, and links nowhere', async () => {
    const read = vi.fn();
    render(<PdfPage source={null} read={read} />, host);
    await settle();
    expect(state()).toBe('invalid');
    expect(read).not.toHaveBeenCalled();
    expect(host.querySelector('a')).toBeNull();
  });
});
