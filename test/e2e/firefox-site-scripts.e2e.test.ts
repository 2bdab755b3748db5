// The site's own scripts keep working with the extension, in Firefox (as site-scripts.e2e.test.ts in Chromium).

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteUrl } from './support/extension';
import {
  collectErrors,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './support/firefox';
import { SITE_SCRIPTS_ID, type SiteNotes, siteScriptsFiles } from './support/site-scripts';

let ff: FirefoxWithExtension;
/** An extension page: its realm has `browser.storage`. */
let extPage: Page;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension();
  for (const [route, file] of siteScriptsFiles()) ff.server.route(route, file);
  extPage = await openExtensionPage(ff, 'popup.html?tab=999999');
});
afterAll(async () => {
  await ff?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await ff.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(siteUrl(`${SITE_SCRIPTS_ID}.html`));
  await status(page, 'lezer');
  return { page, errors };
}
const notes = (page: Page) => page.evaluate(() => (window as unknown as { __site: SiteNotes }).__site);
const status = (page: Page, value: string) =>
  page.waitForFunction((v) => document.documentElement.dataset.kvlStatus === v, { timeout: 10_000 }, value);
async function toOriginal(page: Page) {
  await page.click('[data-kvl-view] [data-kvl-action="toggle-original"]');
  await status(page, 'origineel');
}
async function toReader(page: Page) {
  await page.click('kvl-floating >>> [data-kvl-action="toggle-original"]');
  await status(page, 'lezer');
}

describe("Firefox: the site's own scripts", () => {
  it('a DOMContentLoaded handler of the site sees the document the site built', async () => {
    const { page, errors } = await open();
    expect((await notes(page)).ready).toMatchObject({ view: false, vragen: 6, hiddenRoot: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('iframes in answers (one beside text, one alone in its paragraph) load once, through collapse/expand all and two switches to the original and back', async () => {
    const { page, errors } = await open();
    await expect.poll(async () => (await notes(page)).loads).toBe(2);
    expect(await page.$$eval('[data-kvl-view] [data-kvl-pair="1"] iframe#site-frame', (f) => f.length)).toBe(
      1,
    );
    // Carried into its pair like everything else: nothing of the document stays in the hidden original.
    expect(
      await page.$$eval('[data-kvl-view] [data-kvl-pair="3"] iframe#site-lone-frame', (f) => f.length),
    ).toBe(1);
    expect(await page.$$eval('div.stuk iframe', (f) => f.length)).toBe(0);
    await page.click('[data-kvl-view] [data-kvl-action="collapse-all"]');
    await page.click('[data-kvl-view] [data-kvl-action="expand-all"]');
    for (const _ of [1, 2]) {
      await toOriginal(page);
      expect(await page.$$eval('div.stuk iframe#site-frame', (f) => f.length)).toBe(1);
      await toReader(page);
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // a reload would have counted by now
    expect((await notes(page)).loads).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a node the site removed after the view was built stays removed in the original layout', async () => {
    const { page, errors } = await open();
    const served = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').body.outerHTML;
    });
    await page.evaluate(() => document.getElementById('site-removable')?.remove());
    await toOriginal(page);
    expect(await page.$('#site-removable')).toBeNull();
    const withoutIt = served.replace(
      '<p id="site-removable">Deze alinea haalt het script van de site weg.</p>',
      '',
    );
    expect(withoutIt).not.toBe(served);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(withoutIt);
    await toReader(page);
    expect(await page.$('#site-removable')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a page script's click() on save or the layout switch does nothing", async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      for (const sel of ['[data-kvl-action="save"]', '[data-kvl-action="toggle-original"]'])
        for (const el of document.querySelectorAll<HTMLElement>(`[data-kvl-view] ${sel}`)) el.click();
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = await extPage.evaluate(() =>
      (
        globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<object> } } } }
      ).browser.storage.local.get(null),
    );
    expect(Object.keys(stored).filter((k) => k.startsWith('kvl-item:'))).toEqual([]);
    expect(stored).not.toHaveProperty('viewMode', 'origineel');
    expect(await page.evaluate(() => document.documentElement.dataset.kvlStatus)).toBe('lezer');
    await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
    await page.waitForSelector(`[data-kvl-view] .kvl-card [data-kvl-saved="${SITE_SCRIPTS_ID}"]`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
