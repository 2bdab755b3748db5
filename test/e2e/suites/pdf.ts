// The PDF reading view (issue 17): a real Aanhangsel PDF served at the site's address is read by the extension's PDF
// page (fetched from the site, text by pdfjs in the page, the project's parser) into the same reading view: the pairs
// of its expected.json, references as links, a deep link, saving it (and one answer) to the reading list, its saved
// copy. The states: a PDF the site does not have, a PDF without questions, an address off the site. The offer: the
// popup on a PDF-only document's page (`ah-<digits>`, whose page has no text to read) opens the PDF page. A browser of
// its own (its reading list is written). Page code as strings; waits ask for booleans (Firefox's driver).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../support/tiny-pdf';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { siteUrl } from '../support/extension';
import { FIXTURES_DIR } from '../support/paths';

const ID = 'ah-tk-20232024-1786';
const PDF = siteUrl(`/${ID}.pdf`);
/** The pairs of test/fixtures/cases/txt-ah-tk-20232024-1786/expected.json ("numbers"), as the view marks them */
const PAIRS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10,11', '12', '13', '14', '15'];
/** A document published only as a PDF (its page on the site has no text to read); the same real PDF serves as its */
const PDF_ONLY = 'ah-1271549';
/** Its page on the site, built by hand: the site's page of such a document has not been seen (HTML-SOURCES.md) */
const PDF_ONLY_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Aanhangsel van de Handelingen 1271549</title>
<meta name="DC.identifier" content="${PDF_ONLY}">
<meta name="OVERHEIDop.publicationName" content="Kamervragen (Aanhangsel)">
</head><body><main><h1>Aanhangsel van de Handelingen</h1>
<p>Deze publicatie is alleen als PDF beschikbaar.</p><p><a href="${PDF_ONLY}.pdf">Download PDF</a></p>
</main></body></html>`;

const pdfPage = (url: string, hash = '') => `pdf.html?url=${encodeURIComponent(url)}${hash}`;
const PAIRS_SHOWN = `Array.from(document.querySelectorAll('[data-kvl-view] [data-kvl-pair]')).map((p) => p.getAttribute('data-kvl-pair'))`;
const STATE = `(document.querySelector('[data-kvl-pdf-state]')?.getAttribute('data-kvl-pdf-state') ?? null)`;
const COMPLETE = `document.documentElement.hasAttribute('data-kvl-complete')`;

export function pdfSuite(launch: () => Promise<BrowserDriver>): void {
  describe('PDFs of the site in the reading view', () => {
    let driver: BrowserDriver;

    beforeAll(async () => {
      driver = await launch();
      driver.server.routeText(`/${PDF_ONLY}.html`, PDF_ONLY_PAGE);
      driver.route(`/${PDF_ONLY}.pdf`, join(FIXTURES_DIR, 'pdf', `${ID}.pdf`));
      const dir = mkdtempSync(join(tmpdir(), 'kvl-pdf-'));
      writeFileSync(
        join(dir, 'stcrt.pdf'),
        tinyPdf(['Staatscourant', 'Bekendmaking van een besluit over de subsidieregeling']),
      );
      driver.route('/stcrt-2024-12345.pdf', join(dir, 'stcrt.pdf'));
    }, 120_000);
    afterAll(async () => {
      await driver?.close();
    });

    it('reads a real Aanhangsel PDF from the site into its pairs, references as links, a deep link opened', async () => {
      const page = await driver.openExtensionPage(pdfPage(PDF, '#vraag-11'));
      await page.waitFor(COMPLETE, 30_000);
      expect(await page.evaluate(PAIRS_SHOWN)).toEqual(PAIRS);
      expect(
        await page.evaluate(`document.querySelector('[data-kvl-pdf]').getAttribute('data-kvl-pdf')`),
      ).toBe(PDF);
      expect(
        await page.evaluate(`document.querySelector('[data-kvl-pair="10,11"] .kvl-pair-head').textContent`),
      ).toContain('Vraag 10 en 11');
      // #vraag-11 opened the pair that holds question 11
      expect(
        await page.evaluate(`document.querySelector('[data-kvl-pair="10,11"] details.kvl-answer').open`),
      ).toBe(true);
      // A Kamerstuk in the text is a link to it on the site
      expect(
        await page.evaluate(
          `Array.from(document.querySelectorAll('[data-kvl-view] a')).some((a) => a.href === ${JSON.stringify(siteUrl('/kst-26485-432.html'))})`,
        ),
      ).toBe(true);
      expect(
        await page.evaluate(
          `document.querySelector('[data-kvl-fact="number"]').getAttribute('data-kvl-value')`,
        ),
      ).toBe('1786');
      expect(driver.server.requests).toContain(`/${ID}.pdf`);
      expect(page.errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('saves the document and one answer to the reading list, pointing at the PDF, with a copy readable offline', async () => {
      const page = await driver.openExtensionPage(pdfPage(PDF));
      await page.waitFor(COMPLETE, 30_000);
      await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
      await page.click('[data-kvl-pair="3"] [data-kvl-action="save"]');
      await page.waitFor(
        `!!document.querySelector('.kvl-card [data-kvl-saved="${ID}"]') && !!document.querySelector('[data-kvl-saved="${ID}#vraag-3"]')`,
      );
      const stored = await driver.storage();
      expect((stored[`kvl-item:${ID}`] as { url: string; title: string }).url).toBe(PDF);
      expect((stored[`kvl-item:${ID}`] as { title: string }).title).toBe(
        'exportkredietverzekeringen voor de baggersector',
      );
      expect((stored[`kvl-item:${ID}#vraag-3`] as { url: string }).url).toBe(`${PDF}#vraag-3`);
      // The page gave the background the document's copy: the saved-copy page shows it, from the extension alone.
      let copy: PageDriver | null = null;
      for (let i = 0; i < 40 && !copy; i++) {
        const tried = await driver.openExtensionPage(`copy.html?id=${ID}`);
        const shown = await tried
          .waitFor(`!!document.querySelector('[data-kvl-view] [data-kvl-pair]')`, 1000)
          .then(() => true)
          .catch(() => false);
        if (shown) copy = tried;
        else await tried.close();
      }
      if (!copy) throw new Error('no saved copy');
      expect(await copy.evaluate(PAIRS_SHOWN)).toEqual(PAIRS);
      expect(await copy.evaluate(`document.querySelector('.kvl-page-line a').href`)).toBe(PDF);
      expect(page.errors).toEqual([]);
      expect(copy.errors).toEqual([]);
      await copy.close();
      await page.close();
    }, 90_000);

    it('says so when the site has no such PDF (404), with a link to it', async () => {
      const missing = siteUrl('/ah-tk-20232024-99991.pdf');
      const page = await driver.openExtensionPage(pdfPage(missing));
      expect(await page.waitFor(`${STATE} === 'failed' && ${STATE}`)).toBe('failed');
      expect(
        await page.evaluate(`document.querySelector('[data-kvl-pdf-state]').getAttribute('data-kvl-reason')`),
      ).toBe('notFound');
      expect(await page.evaluate(`document.querySelector('[data-kvl-pdf-link]').href`)).toBe(missing);
      expect(await page.evaluate(`!!document.querySelector('[data-kvl-view]')`)).toBe(false);
      expect(page.errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('says so when a PDF holds no questions, with a link to it', async () => {
      const other = siteUrl('/stcrt-2024-12345.pdf');
      const page = await driver.openExtensionPage(pdfPage(other));
      expect(await page.waitFor(`${STATE} === 'empty' && ${STATE}`, 30_000)).toBe('empty');
      expect(await page.evaluate(`document.querySelector('[data-kvl-pdf-link]').href`)).toBe(other);
      expect(page.errors).toEqual([]);
      await page.close();
    }, 60_000);

    it('fetches nothing for an address that is not a PDF of the site', async () => {
      // (Firefox's proxy, the test server, would see a request for it, wherever it went)
      const page = await driver.openExtensionPage(pdfPage('https://example.org/ah-tk-20232024-1787.pdf'));
      expect(await page.waitFor(`${STATE} === 'invalid' && ${STATE}`)).toBe('invalid');
      expect(await page.evaluate(`document.querySelectorAll('a').length`)).toBe(0);
      expect(driver.server.requests.filter((r) => r.includes('1787'))).toEqual([]);
      await page.close();
    }, 60_000);

    it('on a PDF-only document’s page: the popup offers the PDF in the reading view, and its button opens it', async () => {
      const site = await driver.newPage();
      await site.goto(siteUrl(`/${PDF_ONLY}.html`));
      // The content script finds no questions on the page and says so, as before.
      await site.waitFor(COMPLETE);
      expect(await site.evaluate(`document.documentElement.getAttribute('data-kvl-status')`)).toBe(
        'geen-paren',
      );
      const tabId = await driver.inExtension<number>(
        `(globalThis.browser ?? globalThis.chrome).tabs.query({ url: ${JSON.stringify(siteUrl(`/${PDF_ONLY}.html`))} }).then((tabs) => tabs[0].id)`,
      );
      const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitFor(`!!document.querySelector('[data-kvl-action="open-pdf"]')`);
      expect(
        await popup.evaluate(
          `document.querySelector('[data-kvl-action="open-pdf"]').getAttribute('data-kvl-pdf')`,
        ),
      ).toBe(siteUrl(`/${PDF_ONLY}.pdf`));
      await popup.click('[data-kvl-action="open-pdf"]');
      const opened = await driver.waitForExtensionPage(pdfPage(siteUrl(`/${PDF_ONLY}.pdf`)));
      await opened.waitFor(COMPLETE, 30_000);
      expect(await opened.evaluate(PAIRS_SHOWN)).toEqual(PAIRS);
      // The document is the one at that address (the reading list's key), whatever its PDF prints.
      expect(await opened.evaluate(`document.querySelector('[data-kvl-fact="number"]').textContent`)).toBe(
        PDF_ONLY,
      );
      // A page with its reading view gets no offer.
      await site.goto(siteUrl(`/${ID}.html`));
      await site.waitFor(COMPLETE);
      const tabId2 = await driver.inExtension<number>(
        `(globalThis.browser ?? globalThis.chrome).tabs.query({ url: ${JSON.stringify(siteUrl(`/${ID}.html`))} }).then((tabs) => tabs[0].id)`,
      );
      const popup2 = await driver.openExtensionPage(`popup.html?tab=${tabId2}`);
      await popup2.waitFor(
        `document.querySelector('[data-testid="kvl-status"]')?.getAttribute('data-state') === 'found'`,
      );
      expect(await popup2.evaluate(`!!document.querySelector('[data-kvl-action="open-pdf"]')`)).toBe(false);
      expect(popup.errors).toEqual([]);
      expect(opened.errors).toEqual([]);
      for (const p of [site, popup, popup2, opened]) await p.close();
    }, 90_000);
  });
}
