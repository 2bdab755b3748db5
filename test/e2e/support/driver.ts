// One small interface over both browsers' drivers (Playwright for Chromium, Puppeteer over WebDriver BiDi for Firefox),
// so that a suite of end-to-end tests is written once and run in both (test/e2e/suites/). Page code is passed as
// strings: the same text runs in either browser.

import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { collectExtensionErrors, launchWithExtension } from './extension';
import { collectErrors, launchFirefoxWithExtension, openExtensionPage } from './firefox';
import type { FixtureServer } from './server';

export interface PageDriver {
  goto(url: string): Promise<void>;
  /** Runs `source` in every document of this tab before the page's own scripts */
  initScript(source: string): Promise<void>;
  /** The value of an expression in the page */
  evaluate<T>(expression: string): Promise<T>;
  /** Waits until the expression is truthy; its value */
  waitFor<T>(expression: string, timeoutMs?: number): Promise<T>;
  /** A real (trusted) click on the first element matching `selector` in the page */
  click(selector: string): Promise<void>;
  /** Focuses the first element matching `selector` and types `text` there with the keyboard */
  type(selector: string, text: string): Promise<void>;
  /** Presses a key ("Enter", "Escape", "Tab") where the focus is */
  press(key: string): Promise<void>;
  /** A real click inside the extension's floating controls (an open shadow root) */
  clickFloating(selector: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Chooses `file` in the file input matching `selector`, as a user does (its change event follows) */
  upload(selector: string, file: string): Promise<void>;
  /** Errors the extension logged or threw in this tab */
  errors: string[];
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: 'Chromium' | 'Firefox';
  newPage(): Promise<PageDriver>;
  /** The popup, opened as a page of its own (asking about no tab) */
  openPopup(): Promise<PageDriver>;
  /** One of the extension's own pages (options.html, …) */
  openExtensionPage(path: string): Promise<PageDriver>;
  /** A tab the extension opened (tabs.create) on one of its own pages, `path` the start of its address there */
  waitForExtensionPage(path: string, timeoutMs?: number): Promise<PageDriver>;
  /** Serve `file` at `path` on the site's hosts */
  route(path: string, file: string): void;
  /** The fixture server behind the site's hosts (routes, requests seen) */
  server: FixtureServer;
  /** The extension's storage.local */
  storage(): Promise<Record<string, unknown>>;
  /** The value of an expression in the extension's own realm (`browser` or `chrome` is its API) */
  inExtension<T>(expression: string): Promise<T>;
  /** The toolbar button's badge: its text, and its colour as "r,g,b" */
  badge(): Promise<{ text: string; color: string }>;
  close(): Promise<void>;
}

/** The badge of `api` (chrome.action, browser.browserAction) as { text, color: "r,g,b" }, in the extension's realm. */
const readBadge = (api: string) =>
  `Promise.all([${api}.getBadgeText({}), ${api}.getBadgeBackgroundColor({})]).then(([text, color]) => ({ text, color: color.slice(0, 3).join(',') }))`;

export async function chromiumDriver(
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserDriver> {
  const browser = await launchWithExtension(options);
  const openPage = async (path: string) => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return pollingWaits(playwrightPage(page));
  };
  return {
    name: 'Chromium',
    newPage: async () => playwrightPage(await browser.context.newPage()),
    openPopup: () => openPage('popup.html?tab=999999'),
    openExtensionPage: openPage,
    waitForExtensionPage: async (path, timeoutMs) => {
      const prefix = `chrome-extension://${browser.extensionId}/${path}`;
      const page = await waitUntil(
        () => browser.context.pages().find((p) => p.url().startsWith(prefix)),
        timeoutMs,
      );
      return pollingWaits(playwrightPage(page));
    },
    route: (path, file) => browser.server.route(path, file),
    server: browser.server,
    storage: () =>
      browser.serviceWorker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get(null),
      ),
    inExtension: <T>(expression: string) => browser.serviceWorker.evaluate(expression) as Promise<T>,
    badge: () =>
      browser.serviceWorker.evaluate(readBadge('chrome.action')) as Promise<{
        text: string;
        color: string;
      }>,
    close: () => browser.close(),
  };
}

export async function firefoxDriver(
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserDriver> {
  const ff = await launchFirefoxWithExtension(options);
  // An extension page: its realm has the full `browser.*` API, to read storage.
  const extPage = await openExtensionPage(ff, 'popup.html?tab=999999');
  return {
    name: 'Firefox',
    newPage: async () => puppeteerPage(await ff.browser.newPage()),
    openPopup: async () => pollingWaits(puppeteerPage(await openExtensionPage(ff, 'popup.html?tab=999999'))),
    openExtensionPage: async (path) => pollingWaits(puppeteerPage(await openExtensionPage(ff, path))),
    waitForExtensionPage: async (path, timeoutMs) => {
      const prefix = `${ff.extensionOrigin}/${path}`;
      // Puppeteer's url() of a tab the extension navigated says about:blank: its document is asked instead.
      const href = (p: PuppeteerPage) => p.evaluate('location.href').catch(() => '') as Promise<string>;
      const page = await waitUntil(async () => {
        for (const p of await ff.browser.pages()) if ((await href(p)).startsWith(prefix)) return p;
        return undefined;
      }, timeoutMs);
      return pollingWaits(puppeteerPage(page));
    },
    route: (path, file) => ff.server.route(path, file),
    server: ff.server,
    storage: () =>
      extPage.evaluate(() =>
        (
          globalThis as unknown as {
            browser: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
          }
        ).browser.storage.local.get(null),
      ),
    inExtension: <T>(expression: string) => extPage.evaluate(expression) as Promise<T>,
    badge: () =>
      extPage.evaluate(readBadge('browser.browserAction')) as Promise<{
        text: string;
        color: string;
      }>,
    close: () => ff.close(),
  };
}

function playwrightPage(page: PlaywrightPage): PageDriver {
  return {
    errors: collectExtensionErrors(page),
    goto: async (url) => {
      await page.goto(url);
    },
    initScript: async (source) => {
      await page.addInitScript(source);
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    waitFor: async <T>(expression: string, timeout = 20_000) =>
      (await (await page.waitForFunction(expression, null, { timeout })).jsonValue()) as T,
    click: (selector) => page.click(selector),
    type: async (selector, text) => {
      await page.focus(selector);
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key),
    clickFloating: (selector) => page.click(`kvl-floating ${selector}`),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    upload: (selector, file) => page.setInputFiles(selector, file),
    close: () => page.close(),
  };
}

function puppeteerPage(page: PuppeteerPage): PageDriver {
  return {
    errors: collectErrors(page),
    goto: async (url) => {
      await page.goto(url);
    },
    initScript: async (source) => {
      await page.evaluateOnNewDocument(source);
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    waitFor: async <T>(expression: string, timeout = 20_000) =>
      (await (await page.waitForFunction(expression, { timeout })).jsonValue()) as T,
    click: (selector) => page.click(selector),
    type: async (selector, text) => {
      await page.focus(selector);
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
    clickFloating: (selector) => page.click(`kvl-floating >>> ${selector}`),
    setViewport: (width, height) => page.setViewport({ width, height }),
    async upload(selector, file) {
      const input = await page.waitForSelector(selector);
      await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
    },
    close: () => page.close(),
  };
}

/** The first value `find` gives, asked every 100 ms (a page opened by the extension itself: no event to wait for). */
async function waitUntil<T>(
  find: () => T | undefined | Promise<T | undefined>,
  timeout = 20_000,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for a page`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * waitFor by asking again every 50 ms: on an extension page, whose policy forbids evaluating strings in the page, the
 * drivers' own waitFor cannot run (their evaluate goes through the debugger protocol, which may).
 */
function pollingWaits(page: PageDriver): PageDriver {
  return {
    ...page,
    async waitFor<T>(expression: string, timeout = 20_000) {
      const end = Date.now() + timeout;
      for (;;) {
        const value = await page.evaluate<T>(expression);
        if (value) return value;
        if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${expression}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
