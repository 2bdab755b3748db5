// The built Firefox extension (.output/firefox-mv2) in a real Firefox: the content script (document_start, working at
// DOMContentLoaded) marks Kamervragen pages and renders the reading view, the way back to the original layout is
// exact, other pages of the site are left alone, and the reading list works both ways between page and popup.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syntheticPage } from '../../scripts/bench/synthetic';
import { type HtmlCase, htmlCasesWithId } from './support/cases';
import { SAMPLE_ID, siteUrl } from './support/extension';
import {
  collectErrors,
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './support/firefox';
import { fixtureFileFor } from './support/server';
import { DOCUMENT_URLS, OTHER_URLS } from './support/url-forms';

/** The sample page, the longest document (48 pairs), a question without answers (kv-…), and one without classes. */
const CASE_NAMES = [
  `html-${SAMPLE_ID}`,
  'html-ah-tk-20172018-1547',
  'html-kv-tk-2024Z02563',
  'html-ah-tk-20232024-2313-noclass',
];
const CASES = CASE_NAMES.map((name) => {
  const found = htmlCasesWithId().find((c) => c.name === name);
  if (!found) throw new Error(`Fixture case ${name} is missing (test/fixtures/cases/${name})`);
  return found;
});

/** Real pages of the site that are not Kamervragen documents (test/fixtures/pages/). */
const OTHER_PAGES = ['gmb-2017-100007.html', 'kst-36410-72.html'];
/** What a page's own inline scripts append to <body> at load (New Relic's loader on the gmb page). */
const PAGE_SCRIPT_ADDITIONS: Record<string, string> = {
  'gmb-2017-100007.html':
    // the page's own New Relic snippet, which takes the page's protocol (https, as the site)
    '<script type="text/javascript" src="https://js-agent.newrelic.com/nr-100.js"></script>',
};

interface Ext {
  browser: {
    storage: {
      local: {
        get(k: null | string | string[]): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        remove(k: string | string[]): Promise<void>;
      };
    };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  };
}

let ff: FirefoxWithExtension;
/** An extension page (the popup) kept open: its realm has the full `browser.*` API, to read and reset storage. */
let extPage: Page;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension();
  extPage = await openExtensionPage(ff, 'popup.html?tab=999999');
});
afterAll(async () => {
  await ff?.close();
});

/** storage.local as the extension sees it. */
function stored(keys: null | string | string[] = null): Promise<Record<string, unknown>> {
  return extPage.evaluate((k) => (globalThis as unknown as Ext).browser.storage.local.get(k), keys);
}

beforeEach(async () => {
  // Only the extension page stays; the reading list is empty and the view mode is the default.
  for (const p of await ff.browser.pages()) if (p !== extPage) await p.close();
  await extPage.evaluate(async () => {
    const local = (globalThis as unknown as Ext).browser.storage.local;
    const keys = Object.keys(await local.get(null)).filter(
      (k) => k.startsWith('kvl-item:') || k === 'viewMode',
    );
    await local.remove(keys);
  });
});

/** The id of the tab showing `url` (the extension sees URLs of its host-permission pages without 'tabs'). */
async function tabIdOf(url: string): Promise<number> {
  const tabs = await extPage.evaluate(
    (wanted) => (globalThis as unknown as Ext).browser.tabs.query({ url: wanted }),
    url,
  );
  const id = tabs[0]?.id;
  if (typeof id !== 'number') throw new Error(`No tab shows ${url}`);
  return id;
}

/** Opens a site page in a new tab and waits until the content script has decided (data-kvl-status). */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ff.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(siteUrl(path));
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-kvl-status'), {
    timeout: 10_000,
  });
  return { page, errors };
}

const attr = (page: Page, name: string) =>
  page.evaluate((n) => document.documentElement.getAttribute(n), name);

/** The body as served, parsed by the browser itself: what "exactly as it was" compares against. */
function servedBody(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').body.outerHTML;
  });
}
const liveBody = (page: Page) => page.evaluate(() => document.body.outerHTML);

const pairsOf = (page: Page) =>
  page.$$eval('[data-kvl-view] [data-kvl-pair]', (els) => els.map((e) => e.getAttribute('data-kvl-pair')));

describe('Firefox: reading view', () => {
  it('the content script (document_start) marks the sample page with its id once the DOM is complete and shows the reading view', async () => {
    expect(fixtureFileFor(`/${SAMPLE_ID}.html`), 'sample fixture is missing').not.toBeNull();
    const page = await ff.browser.newPage();
    const errors = collectErrors(page);
    // Before any of the page runs: note the document's state at the moment <html data-kvl> appears.
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __kvlMarked: unknown };
      w.__kvlMarked = null;
      new MutationObserver((_records, observer) => {
        const html = document.documentElement;
        if (!html?.hasAttribute('data-kvl')) return;
        observer.disconnect();
        w.__kvlMarked = {
          readyState: document.readyState,
          // the last element of the served body (the site's footer) was already parsed
          footer: !!document.querySelector('body > footer'),
        };
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-kvl'] });
    });
    await page.goto(siteUrl(`${SAMPLE_ID}.html`));
    await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer', {
      timeout: 10_000,
    });
    expect(await attr(page, 'data-kvl')).toBe(SAMPLE_ID);
    // Not while the page was still loading (document_start), but at DOMContentLoaded, as document_end would have.
    expect(await page.evaluate(() => (window as unknown as { __kvlMarked: unknown }).__kvlMarked)).toEqual({
      readyState: 'interactive',
      footer: true,
    });
    expect(await page.$$eval('[data-kvl-view]', (els) => els.length)).toBe(1);
    expect(errors).toEqual([]);
  });

  it.each(CASES.map((c) => [c.name, c] as [string, HtmlCase]))(
    '%s renders the expected pairs',
    async (_name, c) => {
      const { page, errors } = await open(`${c.name.slice('html-'.length)}.html`);
      expect(await attr(page, 'data-kvl')).toBe(c.id);
      expect(await attr(page, 'data-kvl-status')).toBe('lezer');
      const expected = c.expected.pairs.map((p) => p.numbers.join(','));
      expect(expected.length).toBeGreaterThan(0);
      // Long documents add their later pairs in later tasks: wait for the last one.
      await page.waitForSelector(`[data-kvl-view] [data-kvl-pair="${expected.at(-1)}"]`, { timeout: 10_000 });
      expect(await pairsOf(page)).toEqual(expected);
      expect(errors).toEqual([]);
    },
  );

  it('switches to the original layout, restoring the body exactly, and back with the floating control', async () => {
    const { page, errors } = await open(`${SAMPLE_ID}.html`);
    const served = await servedBody(page);
    expect(await liveBody(page)).not.toBe(served);
    await page.click('[data-kvl-view] [data-kvl-action="toggle-original"]');
    await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'origineel');
    expect(await liveBody(page)).toBe(served);
    await expect.poll(async () => (await stored('viewMode')).viewMode).toBe('origineel');
    // The choice holds for the next page: the setting read at document_start arrives before the view would start.
    const { page: next } = await open('ah-tk-20232024-1314.html');
    expect(await attr(next, 'data-kvl-status')).toBe('origineel');
    expect(await liveBody(next)).toBe(await servedBody(next));
    await next.close();
    // The floating control lives outside <body>, in an open shadow root.
    await page.click('kvl-floating >>> [data-kvl-action="toggle-original"]');
    await page.waitForSelector('[data-kvl-view] [data-kvl-pair]');
    expect(await attr(page, 'data-kvl-status')).toBe('lezer');
    expect(await pairsOf(page)).toEqual(CASES[0].expected.pairs.map((p) => p.numbers.join(',')));
    await expect.poll(async () => (await stored('viewMode')).viewMode).toBe('lezer');
    expect(errors).toEqual([]);
  });
});

describe('Firefox: a long document', () => {
  it('is read in several tasks with its body hidden meanwhile, then shows every pair in order; the original layout comes back exactly', async () => {
    const id = 'ah-tk-20232024-99998';
    const file = join(mkdtempSync(join(tmpdir(), 'kvl-ff-')), `${id}.html`);
    writeFileSync(file, syntheticPage(300, id));
    ff.server.route(`/${id}.html`, file);
    const page = await ff.browser.newPage();
    const errors = collectErrors(page);
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __reading: (boolean | null)[] };
      w.__reading = [];
      new MutationObserver(() => {
        if (document.documentElement.hasAttribute('data-kvl-bezig'))
          w.__reading.push(document.querySelector('div.stuk')?.hasAttribute('hidden') ?? null);
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-kvl-bezig'] });
    });
    await page.goto(siteUrl(`${id}.html`));
    await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer', {
      timeout: 20_000,
    });
    expect(await page.evaluate(() => (window as unknown as { __reading: unknown }).__reading)).toEqual([
      true,
    ]);
    expect(await attr(page, 'data-kvl-bezig')).toBeNull();
    expect(await pairsOf(page)).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 1)));
    await page.click('[data-kvl-view] [data-kvl-action="toggle-original"]');
    await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'origineel');
    expect(await liveBody(page)).toBe(await servedBody(page));
    // back to the default for the tests that follow
    await page.click('kvl-floating >>> [data-kvl-action="toggle-original"]');
    await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer');
    expect(errors).toEqual([]);
  });
});

describe('Firefox: other pages of the site', () => {
  /** A tab with `url` one second after load: the content script would have acted at DOMContentLoaded. */
  async function settled(url: string): Promise<{ page: Page; html: string; errors: string[] }> {
    const page = await ff.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { page, html: await page.evaluate(() => document.documentElement.outerHTML), errors };
  }

  it.each(OTHER_PAGES)('%s is left exactly as it was, without data-kvl', async (file) => {
    expect(fixtureFileFor(`/${file}`), `test/fixtures/pages/${file} is missing`).not.toBeNull();
    const { page, html, errors } = await settled(siteUrl(file));
    expect(html).not.toContain('data-kvl');
    expect(await page.evaluate(() => document.querySelector('kvl-floating, [data-kvl-view]'))).toBeNull();
    // Byte-identical to the body as served, plus only what the page's own scripts add at load.
    const served = await servedBody(page);
    const own = PAGE_SCRIPT_ADDITIONS[file] ?? '';
    expect(await liveBody(page)).toBe(served.replace(/<\/body>$/, `${own}</body>`));
    // And the whole document equals the same page where the extension does not run (the fixture server's own
    // origin, which its matches do not cover): <head> and <html> are untouched too.
    const reference = await settled(`${ff.server.origin}/${file}`);
    expect(html).toBe(reference.html);
    expect(errors).toEqual([]);
  });
});

describe('Firefox: where the content script runs at all', () => {
  /** Whether the tab at `url` has the content script (it answers the status question on every page it runs in). */
  async function injected(url: string): Promise<boolean> {
    const page = await ff.browser.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const tabId = await tabIdOf(page.url().replace(/#.*$/, ''));
      return await extPage.evaluate(async (id) => {
        const tabs = (
          globalThis as unknown as {
            browser: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } };
          }
        ).browser.tabs;
        try {
          await tabs.sendMessage(id, { type: 'kvl:status' });
          return true;
        } catch {
          return false;
        }
      }, tabId);
    } finally {
      await page.close();
    }
  }

  it.each(DOCUMENT_URLS)('runs on $path and shows the view', async ({ route, path, file }) => {
    ff.server.route(route, file);
    const { page, errors } = await open(path);
    expect(await attr(page, 'data-kvl-status')).toBe('lezer');
    expect(errors).toEqual([]);
    await page.close();
    expect(await injected(siteUrl(path))).toBe(true);
  });

  it.each(OTHER_URLS)('does not run on $path at all', async ({ route, path, file }) => {
    if (file) ff.server.route(route, file);
    expect(await injected(siteUrl(path))).toBe(false);
  });
});

describe('Firefox: reading list', () => {
  it('saving from the page shows the entry in the popup and stores it in storage.local', async () => {
    const { page, errors } = await open(`${SAMPLE_ID}.html`);
    await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
    await page.waitForSelector(`[data-kvl-view] .kvl-card [data-kvl-saved="${SAMPLE_ID}"]`);
    // A popup opened now, about this page's tab: it reaches the content script and shows the entry.
    const popup = await openExtensionPage(
      ff,
      `popup.html?tab=${await tabIdOf(siteUrl(`${SAMPLE_ID}.html`))}`,
    );
    await popup.waitForSelector(`.kvl-list [data-kvl-item="${SAMPLE_ID}"]`, { timeout: 10_000 });
    await popup.waitForSelector('[data-testid="kvl-status"][data-state="found"]', { timeout: 10_000 });
    await popup.waitForSelector(`[data-kvl-saved="${SAMPLE_ID}"]`);
    const key = `kvl-item:${SAMPLE_ID}`;
    const entry = (await popup.evaluate(
      (k) => (globalThis as unknown as Ext).browser.storage.local.get(k),
      key,
    )) as Record<string, unknown>;
    expect(entry[key]).toMatchObject({
      key: SAMPLE_ID,
      id: SAMPLE_ID,
      url: siteUrl(`${SAMPLE_ID}.html`),
      title: CASES[0].expected.subject,
      kind: 'antwoord',
      read: false,
      partial: false,
    });
    expect(
      Object.keys(await stored()).filter((k) => k.startsWith('kvl-item:')),
      'only this entry is stored',
    ).toEqual([key]);
    expect(errors).toEqual([]);
  });

  it('saving from the popup reaches the page (storage change in the content script) and completes the entry', async () => {
    const id = 'ah-tk-20232024-1314';
    const { page, errors } = await open(`${id}.html`);
    const popup = await openExtensionPage(ff, `popup.html?tab=${await tabIdOf(siteUrl(`${id}.html`))}`);
    await popup.waitForSelector('[data-testid="kvl-status"][data-state="found"]', { timeout: 10_000 });
    await popup.click('[data-kvl-action="save-page"]');
    await popup.waitForSelector(`.kvl-list [data-kvl-item="${id}"]`);
    await page.waitForSelector(`[data-kvl-view] .kvl-card [data-kvl-saved="${id}"]`, { timeout: 10_000 });
    const key = `kvl-item:${id}`;
    await expect
      .poll(async () => ((await stored(key))[key] as { partial?: boolean } | undefined)?.partial)
      .toBe(false);
    const subject = htmlCasesWithId().find((c) => c.id === id)?.expected.subject;
    expect(subject).toBeTruthy();
    expect((await stored(key))[key]).toMatchObject({
      key: id,
      id,
      kind: 'antwoord',
      url: siteUrl(`${id}.html`),
      title: subject,
    });
    expect(errors).toEqual([]);
  });
});
