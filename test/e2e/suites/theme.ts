// Light and dark, as the reader's system says (prefers-color-scheme): the popup, the options page, the saved-copy
// page, the PDF page (its reading view, and a failure) and the reading view (issue 16: the popup and the options page
// ignored dark mode). A browser of its own in dark mode; the suite's shared one is light.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { siteUrl } from '../support/extension';

/** The page's background and text as relative luminance (0 black – 1 white), and whether it is told dark. */
const LOOK = `(() => {
  const lum = (css) => {
    const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const el = document.querySelector('[data-kvl-view]') ?? document.body;
  const style = getComputedStyle(el);
  return {
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    background: lum(style.backgroundColor),
    text: lum(style.color),
  };
})()`;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations in the page (the view's region on a page of the site) */
async function violations(page: PageDriver): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}; true`);
  return page.evaluate(`axe.run({ include: [[document.querySelector('[data-kvl-view]') ? '[data-kvl-view]' : 'body']] })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))`);
}

interface Look {
  dark: boolean;
  background: number;
  text: number;
}

/** Each page, and when it is ready to be looked at (it has text, unless said) */
const PAGES: [string, string, string?][] = [
  ['the popup', 'popup.html?tab=999999'],
  ['the options page', 'options.html'],
  ['the saved-copy page', 'copy.html?id=ah-tk-20232024-1'],
  [
    'the PDF page (a PDF read into the reading view)',
    `pdf.html?url=${encodeURIComponent(siteUrl('/ah-tk-20232024-1786.pdf'))}`,
    `document.documentElement.hasAttribute('data-kvl-complete')`,
  ],
  [
    'the PDF page saying why it could not read a PDF',
    `pdf.html?url=${encodeURIComponent(siteUrl('/ah-tk-20232024-99991.pdf'))}`,
    `!!document.querySelector('[data-kvl-pdf-state="failed"]')`,
  ],
];

export function themeSuite(light: () => BrowserDriver, launchDark: () => Promise<BrowserDriver>): void {
  describe('light and dark, as the reader’s system says', () => {
    let dark: BrowserDriver;
    beforeAll(async () => {
      dark = await launchDark();
    }, 120_000);
    afterAll(async () => {
      await dark?.close();
    });

    it.each(PAGES)(
      '%s is dark in dark mode and light in light mode, axe-clean in both',
      async (_name, path, ready) => {
        for (const [driver, isDark] of [
          [light(), false],
          [dark, true],
        ] as const) {
          const page = await driver.openExtensionPage(path);
          await page.waitFor(ready ?? `document.body.textContent.trim().length > 0`, 30_000);
          const look = await page.evaluate<Look>(LOOK);
          expect(look.dark).toBe(isDark);
          if (isDark) {
            expect(look.background).toBeLessThan(0.05);
            expect(look.text).toBeGreaterThan(0.6);
          } else {
            expect(look.background).toBeGreaterThan(0.9);
            expect(look.text).toBeLessThan(0.1);
          }
          // Contrast and the rest, in either scheme
          expect(await violations(page)).toEqual([]);
          expect(page.errors).toEqual([]);
          await page.close();
        }
      },
    );

    it('the reading view on a page is dark in dark mode, axe-clean', async () => {
      const page = await dark.newPage();
      await page.goto(siteUrl('/ah-tk-20232024-1481.html'));
      await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
      const look = await page.evaluate<Look>(LOOK);
      expect(look).toMatchObject({ dark: true });
      expect(look.background).toBeLessThan(0.05);
      expect(look.text).toBeGreaterThan(0.6);
      expect(await violations(page)).toEqual([]);
      await page.close();
    });
  });
}
