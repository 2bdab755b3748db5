// The built extension in a real Chromium marks Kamervragen pages and leaves every other page exactly as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlCasesWithId } from './support/cases';
import {
  collectExtensionErrors,
  type ExtensionBrowser,
  launchPlain,
  launchWithExtension,
  type PlainBrowser,
  readKvl,
  SAMPLE_ID,
  siteUrl,
} from './support/extension';
import { CHROME_BUILD_DIR } from './support/paths';
import { type FixtureServer, fixtureFileFor, startFixtureServer } from './support/server';
import { DOCUMENT_URLS, OTHER_URLS } from './support/url-forms';

/** Pages of the site that are not Kamervragen documents (test/fixtures/pages/), one of them an error page at a Kamervraag address. */
const OTHER_PAGES = ['kst-36410-72.html', 'gmb-2017-100007.html', 'ah-tk-20232024-99990.html'];

let server: FixtureServer;
let withExtension: ExtensionBrowser;
let plain: PlainBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  [withExtension, plain] = await Promise.all([launchWithExtension({ server }), launchPlain({ server })]);
});

afterAll(async () => {
  await Promise.all([withExtension?.close(), plain?.close()]);
  await server?.close();
});

/** Loads `url` in a fresh tab and waits for the content script to mark the page. */
async function kvlOf(url: string): Promise<{ kvl: string | null; errors: string[] }> {
  const page = await withExtension.context.newPage();
  const errors = collectExtensionErrors(page);
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-kvl'), null, {
      timeout: 10_000,
    });
    return { kvl: await readKvl(page), errors };
  } finally {
    await page.close();
  }
}

/** The page's DOM one second after load, and the extension's console errors meanwhile. */
async function settledHtml(browser: PlainBrowser, url: string): Promise<{ html: string; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectExtensionErrors(page);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    return { html: await page.evaluate(() => document.documentElement.outerHTML), errors };
  } finally {
    await page.close();
  }
}

describe('Kamervragen pages', () => {
  it('loads a content script whose first line asks V8 to compile all of it at load (wxt.config.ts)', () => {
    const script = readFileSync(join(CHROME_BUILD_DIR, 'content-scripts', 'content.js'), 'utf8');
    expect(script.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
    // and only it: the popup's and the background's scripts compile lazily as before
    expect(readFileSync(join(CHROME_BUILD_DIR, 'background.js'), 'utf8')).not.toContain(
      'allFunctionsCalledOnLoad',
    );
  });

  it('injects the early script (its settings read) before the content script, in the same manifest entry', () => {
    const manifest = JSON.parse(readFileSync(join(CHROME_BUILD_DIR, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[]; run_at: string }[];
    };
    expect(manifest.content_scripts.map((c) => [c.run_at, c.js])).toEqual([
      ['document_start', ['content-scripts/early.js', 'content-scripts/content.js']],
    ]);
    // Tiny: it leaves before the browser compiles the content script proper.
    expect(readFileSync(join(CHROME_BUILD_DIR, 'content-scripts', 'early.js')).length).toBeLessThan(1500);
  });

  it('marks the sample page with its id', async () => {
    expect(fixtureFileFor(`/${SAMPLE_ID}.html`), 'sample fixture is missing').not.toBeNull();
    const { kvl, errors } = await kvlOf(siteUrl(`${SAMPLE_ID}.html`));
    expect(kvl).toBe(SAMPLE_ID);
    expect(errors).toEqual([]);
  });

  it.each(htmlCasesWithId().map((c) => [c.name, c] as const))('marks %s with its id', async (_name, c) => {
    server.route(`/${c.id}.html`, c.source);
    const { kvl, errors } = await kvlOf(siteUrl(`${c.id}.html`));
    expect(kvl).toBe(c.id);
    expect(errors).toEqual([]);
  });
});

describe('what the page can see', () => {
  // WXT's own content-script context would post a message to the window and dispatch an event on the document at
  // every load, both visible to the page's scripts (shims/wxt-context.ts replaces it).
  it.each([`${SAMPLE_ID}.html`, OTHER_PAGES[0]])(
    '%s gets no message and no event from the extension',
    async (file) => {
      const page = await withExtension.context.newPage();
      try {
        const wxtEvent = `${withExtension.extensionId}:content:wxt:content-script-started`;
        await page.addInitScript((type) => {
          const seen: string[] = [];
          (window as unknown as { __seen: string[] }).__seen = seen;
          window.addEventListener('message', (e) => seen.push(`message ${JSON.stringify(e.data)}`));
          document.addEventListener(type, () => seen.push(`event ${type}`));
        }, wxtEvent);
        await page.goto(siteUrl(file), { waitUntil: 'load' });
        if (file.startsWith('ah-')) {
          await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer');
        } else await page.waitForTimeout(500);
        expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('other pages of the site', () => {
  it.each(OTHER_PAGES)('%s is left exactly as it was', async (file) => {
    expect(fixtureFileFor(`/${file}`), `test/fixtures/pages/${file} is missing`).not.toBeNull();
    const url = siteUrl(file);
    const [extended, reference] = await Promise.all([
      settledHtml(withExtension, url),
      settledHtml(plain, url),
    ]);
    expect(extended.html).not.toContain('data-kvl');
    expect(extended.html).toBe(reference.html);
    expect(extended.errors).toEqual([]);
  });
});

describe('where the content script runs at all', () => {
  /**
   * Whether the tab at `url` has the content script: it answers the popup's status question on every page it is
   * injected in (null when the page is not a Kamervragen document), and a tab without it has no receiver.
   */
  async function injected(url: string): Promise<boolean> {
    const page = await withExtension.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      return await withExtension.serviceWorker.evaluate(async (tabUrl) => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id?: number }[]>;
              sendMessage(id: number, m: unknown): Promise<unknown>;
            };
          };
        };
        const [tab] = await chrome.tabs.query({ url: tabUrl.replace(/#.*$/, '') });
        if (tab?.id === undefined) throw new Error(`no tab at ${tabUrl}`);
        try {
          await chrome.tabs.sendMessage(tab.id, { type: 'kvl:status' });
          return true;
        } catch {
          return false; // "Receiving end does not exist"
        }
      }, page.url());
    } finally {
      await page.close();
    }
  }

  it.each(DOCUMENT_URLS)('runs on $path and shows the view', async ({ route, path, file }) => {
    withExtension.server.route(route, file);
    const page = await withExtension.context.newPage();
    try {
      await page.goto(siteUrl(path));
      await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer', null, {
        timeout: 10_000,
      });
    } finally {
      await page.close();
    }
    expect(await injected(siteUrl(path))).toBe(true);
  });

  it.each(OTHER_URLS)('does not run on $path at all', async ({ route, path, file }) => {
    if (file) withExtension.server.route(route, file);
    expect(await injected(siteUrl(path))).toBe(false);
  });

  it('the same pages would be answered if the script ran there (the check can tell)', async () => {
    // A document page the script runs on but does not take on (an error page at a Kamervraag address).
    expect(await injected(siteUrl('ah-tk-20232024-99990.html'))).toBe(true);
  });
});
