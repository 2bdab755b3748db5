// The site's own scripts keep working with the extension: their ready handlers see their own document, embedded
// frames are not reloaded by the reader's switches, a node they removed stays removed, and a page script cannot drive
// the reading list (test/e2e/support/site-scripts.ts has the page).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { siteUrl } from '../support/extension';
import { SITE_SCRIPTS_ID, type SiteNotes, siteScriptsFiles } from '../support/site-scripts';

const status = (page: PageDriver, value: string) =>
  page.waitFor(`document.documentElement.dataset.kvlStatus === ${JSON.stringify(value)}`, 10_000);
const count = (page: PageDriver, selector: string) =>
  page.evaluate<number>(`document.querySelectorAll(${JSON.stringify(selector)}).length`);
const notes = (page: PageDriver) => page.evaluate<SiteNotes>('window.__site');
const SERVED_BODY = `(async () => {
  const html = await (await fetch(location.href)).text();
  return new DOMParser().parseFromString(html, 'text/html').body.outerHTML;
})()`;
const REMOVABLE = '<p id="site-removable">Deze alinea haalt het script van de site weg.</p>';

export function siteScriptsSuite(driver: () => BrowserDriver): void {
  describe("the site's own scripts", () => {
    beforeAll(() => {
      for (const [route, file] of siteScriptsFiles()) driver().route(route, file);
    });
    async function open(): Promise<PageDriver> {
      const page = await driver().newPage();
      await page.goto(siteUrl(`${SITE_SCRIPTS_ID}.html`));
      await status(page, 'lezer');
      // the plan's one completion signal: every pair is in
      expect(await page.evaluate("document.documentElement.hasAttribute('data-kvl-complete')")).toBe(true);
      expect(await count(page, '[data-kvl-view] [data-kvl-pair]')).toBe(5);
      return page;
    }
    async function toOriginal(page: PageDriver) {
      await page.click('[data-kvl-view] [data-kvl-action="toggle-original"]');
      await status(page, 'origineel');
    }
    async function toReader(page: PageDriver) {
      await page.clickFloating('[data-kvl-action="toggle-original"]');
      await status(page, 'lezer');
    }

    it('a DOMContentLoaded handler of the site sees the document the site built', async () => {
      const page = await open();
      expect((await notes(page)).ready).toMatchObject({ view: false, vragen: 6, hiddenRoot: false });
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('an iframe in an answer, and one alone in its paragraph, load once, in their pairs, through collapse/expand all and two switches', async () => {
      const page = await open();
      await expect.poll(async () => (await notes(page)).loads).toBe(1);
      await expect.poll(async () => (await notes(page)).aloneLoads).toBe(1);
      expect(await count(page, '[data-kvl-view] [data-kvl-pair="1"] iframe#site-frame')).toBe(1);
      // content with no text beside it goes into its pair too: nothing is left in the hidden original
      expect(
        await count(page, '[data-kvl-view] [data-kvl-pair="3"] .kvl-answer iframe#site-frame-alone'),
      ).toBe(1);
      expect(await count(page, '[data-kvl-view] [data-kvl-pair="4"] #site-image')).toBe(1);
      expect(await count(page, '[data-kvl-view] [data-kvl-pair="4"] svg#site-drawing')).toBe(1);
      expect(await count(page, 'div.stuk iframe, div.stuk img, div.stuk svg')).toBe(0);
      await page.click('[data-kvl-view] [data-kvl-action="collapse-all"]');
      await page.click('[data-kvl-view] [data-kvl-action="expand-all"]');
      for (const _ of [1, 2]) {
        await toOriginal(page);
        expect(await count(page, 'div.stuk iframe')).toBe(2);
        await toReader(page);
      }
      await new Promise((resolve) => setTimeout(resolve, 300)); // a reload would have counted by now
      expect((await notes(page)).loads).toBe(1);
      expect((await notes(page)).aloneLoads).toBe(1);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('a node the site removed after the view was built stays removed in the original layout', async () => {
      const page = await open();
      const served = await page.evaluate<string>(SERVED_BODY);
      await page.evaluate("document.getElementById('site-removable')?.remove()");
      await toOriginal(page);
      expect(await count(page, '#site-removable')).toBe(0);
      // Everything else is exactly as the site delivered it.
      expect(served).toContain(REMOVABLE);
      expect(await page.evaluate('document.body.outerHTML')).toBe(served.replace(REMOVABLE, ''));
      await toReader(page);
      expect(await count(page, '#site-removable')).toBe(0);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it("a page script's click() on save or the layout switch does nothing; the reader's own click saves", async () => {
      const page = await open();
      await page.evaluate(`(() => {
        for (const sel of ['[data-kvl-action="save"]', '[data-kvl-action="toggle-original"]'])
          for (const el of document.querySelectorAll('[data-kvl-view] ' + sel)) el.click();
      })()`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const stored = await driver().storage();
      expect(Object.keys(stored).filter((k) => k.startsWith('kvl-item:'))).toEqual([]);
      expect(stored).not.toHaveProperty('viewMode', 'origineel');
      expect(await page.evaluate('document.documentElement.dataset.kvlStatus')).toBe('lezer');
      await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
      await page.waitFor(
        `document.querySelector('[data-kvl-view] .kvl-card [data-kvl-saved="${SITE_SCRIPTS_ID}"]') !== null`,
      );
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}
