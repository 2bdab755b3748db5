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
  /** A real click inside the extension's floating controls (an open shadow root) */
  clickFloating(selector: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Errors the extension logged or threw in this tab */
  errors: string[];
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: 'Chromium' | 'Firefox';
  newPage(): Promise<PageDriver>;
  /** Serve `file` at `path` on the site's hosts */
  route(path: string, file: string): void;
  /** The fixture server behind the site's hosts (routes, requests seen) */
  server: FixtureServer;
  /** The extension's storage.local */
  storage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function chromiumDriver(): Promise<BrowserDriver> {
  const browser = await launchWithExtension();
  return {
    name: 'Chromium',
    async newPage() {
      const page: PlaywrightPage = await browser.context.newPage();
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
        clickFloating: (selector) => page.click(`kvl-floating ${selector}`),
        setViewport: (width, height) => page.setViewportSize({ width, height }),
        close: () => page.close(),
      };
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
    close: () => browser.close(),
  };
}

export async function firefoxDriver(): Promise<BrowserDriver> {
  const ff = await launchFirefoxWithExtension();
  // An extension page: its realm has the full `browser.*` API, to read storage.
  const extPage = await openExtensionPage(ff, 'popup.html?tab=999999');
  return {
    name: 'Firefox',
    async newPage() {
      const page: PuppeteerPage = await ff.browser.newPage();
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
        clickFloating: (selector) => page.click(`kvl-floating >>> ${selector}`),
        setViewport: (width, height) => page.setViewport({ width, height }),
        close: () => page.close(),
      };
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
    close: () => ff.close(),
  };
}
