// The interface's language (utils/storage.ts INTERFACE_LANGUAGE) in the real browsers, whose own language here is
// not Dutch (English on this machine): by default the page's, so a document of the site (<html lang="nl">), the popup
// and the options page are Dutch; an English document (<html lang="en">) gets English; once the reader chooses
// English on the options page, every page opened after it is English.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { SAMPLE_ID, siteUrl } from '../support/extension';
import { FIXTURES_DIR } from '../support/paths';

const API = '(globalThis.browser ?? globalThis.chrome)';
/** The sample document as an English page of the site would be marked, one folder down (the scripts run there too) */
const ENGLISH_PATH = `/taal-en/${SAMPLE_ID}.html`;

/** The texts a page shows: the view's expand-all button, or the popup's status and settings link, or the options' */
const VIEW_TEXT = `document.querySelector('[data-kvl-action="expand-all"]').textContent.trim()`;
const POPUP_TEXT = `[document.querySelector('[data-testid="kvl-status"]').textContent.trim(), document.querySelector('.kvl-footer button').textContent.trim()]`;
const OPTIONS_TEXT = `[document.querySelector('h1').textContent, document.querySelector('label[for="kvl-language"]').textContent, document.querySelector('select[data-kvl-option="language"]').value, document.documentElement.lang]`;

async function view(driver: BrowserDriver, url: string): Promise<PageDriver> {
  const page = await driver.newPage();
  await page.goto(url);
  await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
  return page;
}

async function textOf<T>(page: PageDriver, expression: string): Promise<T> {
  await page.waitFor(`(() => { try { return ${expression}; } catch { return false; } })()`);
  const value = await page.evaluate<T>(expression);
  await page.close();
  return value;
}

export function languageSuite(driver: () => BrowserDriver): void {
  describe("the interface's language", () => {
    afterAll(async () => {
      // Back to the default for the suites after this one.
      await driver().inExtension(`${API}.storage.local.remove('interfaceLanguage').then(() => true)`);
    });

    it("is the page's by default, never the browser's: Dutch on a Dutch document, the popup and the options page; English on an English document", async () => {
      expect(await driver().inExtension<string>(`${API}.i18n.getUILanguage()`)).not.toMatch(/^nl/i);
      const english = join(tmpdir(), `kvl-${SAMPLE_ID}-en.html`);
      writeFileSync(
        english,
        readFileSync(join(FIXTURES_DIR, 'cases', `html-${SAMPLE_ID}`, 'source.html'), 'utf8').replace(
          '<html lang="nl">',
          '<html lang="en">',
        ),
      );
      driver().route(ENGLISH_PATH, english);

      expect(await textOf(await view(driver(), siteUrl(`${SAMPLE_ID}.html`)), VIEW_TEXT)).toBe(
        nl.expandAll.message,
      );
      expect(await textOf(await view(driver(), siteUrl(ENGLISH_PATH)), VIEW_TEXT)).toBe(en.expandAll.message);
      expect(await textOf(await driver().openPopup(), POPUP_TEXT)).toEqual([
        nl.popupNone.message,
        nl.settings.message,
      ]);
      expect(await textOf(await driver().openExtensionPage('options.html'), OPTIONS_TEXT)).toEqual([
        nl.optionsTitle.message,
        nl.optLanguage.message,
        'pagina',
        'nl',
      ]);
    });

    it('is English everywhere once English is chosen on the options page (the options page at once, pages opened after)', async () => {
      const options = await driver().openExtensionPage('options.html');
      await options.waitFor(`!!document.querySelector('select[data-kvl-option="language"]')`);
      await options.evaluate(`(() => {
        const select = document.querySelector('select[data-kvl-option="language"]');
        select.focus();
        select.value = 'en';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      })()`);
      // The options page itself, at once, the control keeping its focus
      await options.waitFor(
        `document.querySelector('h1').textContent === ${JSON.stringify(en.optionsTitle.message)}`,
      );
      expect(
        await options.evaluate(
          `[${OPTIONS_TEXT}, document.activeElement === document.querySelector('select')]`,
        ),
      ).toEqual([[en.optionsTitle.message, en.optLanguage.message, 'en', 'en'], true]);
      expect(options.errors).toEqual([]);
      await options.close();
      expect((await driver().storage()).interfaceLanguage).toBe('en');

      // A Dutch document, opened after the choice
      const page = await view(driver(), siteUrl(`${SAMPLE_ID}.html`));
      expect(page.errors).toEqual([]);
      expect(await textOf(page, VIEW_TEXT)).toBe(en.expandAll.message);
      expect(await textOf(await driver().openPopup(), POPUP_TEXT)).toEqual([
        en.popupNone.message,
        en.settings.message,
      ]);
    });
  });
}
