// Saved copies end to end (issue 19): a page saved from the reading view is copied by the background from the site;
// the popup's filter finds a word that occurs only in one of its answers and shows its sentence; with the site's
// server stopped, the saved-copy page shows the document's pairs. Each browser gets a profile and server of its own
// (the server is stopped halfway). Waits ask for booleans: Firefox's driver returns no element.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeEntry, entryFromLink, type ReadingEntry } from '../../../utils/reading-list/entry';
import { copyOf } from '../../../utils/saved/copy';
import { CASES_DIR, parseFixture } from '../../support/fixtures';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { siteUrl } from '../support/extension';

const ID = 'ah-tk-20232024-2367';
// Only in the answer to question 2 of this document ("rekeninggluren"), in no other fixture document.
const WORD = 'ongehinderd';
const SENTENCE =
  'Gegevens van klanten zouden niet ongehinderd door iedere bankmedewerker moeten kunnen worden ingezien zonder goede reden.';

const PAIRS = `Array.from(document.querySelectorAll('[data-kvl-view] [data-kvl-pair]')).map((p) => p.getAttribute('data-kvl-pair'))`;

/** Sets the popup's filter as typing does (an input event per change). */
const filter = (text: string) => `(() => {
  const input = document.querySelector('[data-kvl-action="filter"]');
  input.value = ${JSON.stringify(text)};
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

export function copiesSuite(launch: () => Promise<BrowserDriver>): void {
  describe('saved copies: readable without the site, searchable by their words', () => {
    let driver: BrowserDriver;
    let popup: PageDriver;

    beforeAll(async () => {
      driver = await launch();
    }, 120_000);
    afterAll(async () => {
      await driver?.close();
    });

    it('copies a saved page from the site, and the popup finds a word only its answer holds, with the sentence', async () => {
      const page = await driver.newPage();
      await page.goto(siteUrl(`/${ID}.html`));
      await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
      await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
      // The background copies the document after the list changed: the popup offers the copy once it is there.
      for (let i = 0; ; i++) {
        popup = await driver.openPopup();
        await popup.waitFor(`!!document.querySelector('[data-kvl-item="${ID}"]')`);
        const has = await popup
          .waitFor(`!!document.querySelector('[data-kvl-item="${ID}"] [data-kvl-action="open-copy"]')`, 2000)
          .then(() => true)
          .catch(() => false);
        if (has) break;
        await popup.close();
        if (i === 20) throw new Error('no saved copy after 40 s');
      }
      await popup.evaluate(filter(WORD));
      await popup.waitFor(`!!document.querySelector('[data-kvl-item="${ID}"] [data-kvl-match]')`);
      expect(
        await popup.evaluate<string[]>(
          `Array.from(document.querySelectorAll('[data-kvl-item]')).map((li) => li.getAttribute('data-kvl-item'))`,
        ),
      ).toEqual([ID]);
      expect(await popup.evaluate(`document.querySelector('[data-kvl-match]').textContent`)).toBe(SENTENCE);
      // The entry's own fields do not hold the word: it was found in the copy.
      expect(
        await popup.evaluate(`document.querySelector('[data-kvl-item] .kvl-entry-title').textContent`),
      ).not.toMatch(WORD);
      await popup.evaluate(filter('gehinderd-nergens'));
      await popup.waitFor(`document.querySelectorAll('[data-kvl-item]').length === 0`);
      expect(page.errors).toEqual([]);
      expect(popup.errors).toEqual([]);
    }, 90_000);

    it('shows the saved copy with the site’s server stopped: the pairs, the question text, and where it came from', async () => {
      const asked = driver.server.requests.length;
      await driver.server.close();
      const copy = await driver.openExtensionPage(`copy.html?id=${ID}`);
      await copy.waitFor(`document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length > 0`);
      expect(await copy.evaluate(PAIRS)).toEqual(['1', '2', '3,4,5,6', '7,8,9,10,11', '12']);
      expect(
        await copy.evaluate(`document.querySelector('[data-kvl-pair="1"] .kvl-question').textContent`),
      ).toBe(
        'Bent u bekend met het NRC-artikel «Bunq-werknemers keken stiekem in klantrekeningen: «Het was te verleidelijk»»1?',
      );
      await copy.click('[data-kvl-pair="2"] details.kvl-answer summary');
      expect(
        await copy.evaluate(`document.querySelector('[data-kvl-pair="2"] .kvl-answer-body').textContent`),
      ).toContain(SENTENCE);
      expect(
        await copy.evaluate(`document.querySelector('[data-kvl-copy]').getAttribute('data-kvl-copy')`),
      ).toBe(ID);
      expect(await copy.evaluate(`document.querySelector('.kvl-page-line a').href`)).toBe(
        siteUrl(`/${ID}.html`),
      );
      expect(driver.server.requests.length).toBe(asked);
      expect(copy.errors).toEqual([]);
    }, 60_000);

    it('restores the copies of an export with content through the options page, with the site still unreachable', async () => {
      // A document the server never had: its copy can only come from the file.
      const id = 'ah-ek-20232024-3001';
      const url = siteUrl(`/${id}.html`);
      const doc = parseFixture(join(CASES_DIR, `html-${ID}`, 'source.html'));
      const link = entryFromLink(url, 'Uit een export', Date.now()) as ReadingEntry;
      const entry = completeEntry(link, { ...doc, id }, Date.now());
      const file = join(mkdtempSync(join(tmpdir(), 'kvl-content-')), 'leeslijst-met-inhoud.json');
      // The options page's export format with content (utils/reading-list/transfer.ts)
      writeFileSync(
        file,
        JSON.stringify({
          format: 'kamervragen-lezer/leeslijst',
          version: 2,
          exportedAt: '',
          kept: [],
          entries: [entry],
          copies: [copyOf(id, url, doc, Date.now() - 86_400_000), { version: 1, id, damaged: true }],
        }),
      );
      const options = await driver.openExtensionPage('options.html');
      await options.upload('[data-kvl-action="import"]', file);
      expect(
        await options.waitFor<string>(
          `document.querySelector('[data-kvl-import]')?.getAttribute('data-kvl-import')`,
          30_000,
        ),
      ).toBe('ok');
      // "1 copy restored", "1 skipped", in the browser's language: the numbers are what is checked.
      expect(
        await options.evaluate(`document.querySelector('[data-kvl-import]').textContent.match(/\\d+/g)`),
      ).toEqual(['1', '0', '0', '1', '1']);
      const copy = await driver.openExtensionPage(`copy.html?id=${id}#vraag-2`);
      await copy.waitFor(`document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length > 0`);
      expect(await copy.evaluate(PAIRS)).toEqual(['1', '2', '3,4,5,6', '7,8,9,10,11', '12']);
      // The deep link opened its pair.
      await copy.waitFor(`document.querySelector('[data-kvl-pair="2"] details.kvl-answer').open === true`);
      expect(options.errors).toEqual([]);
      expect(copy.errors).toEqual([]);
    }, 60_000);
  });
}
