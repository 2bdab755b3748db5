// Launches Chromium (playwright-core) with or without the built extension; the site's hosts go to the fixture server.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { SITE_HOSTS } from '../../../utils/site/ids';
import { requireChromium } from './chromium';
import { CHROME_BUILD_DIR } from './paths';
import { type FixtureServer, startFixtureServer } from './server';

/** The bundled sample page (test/fixtures/cases/html-<id>/source.html). */
export const SAMPLE_ID = 'ah-tk-20232024-1481';

/** The site's URL for a path; the browser's resolver rules send it to the fixture server. */
export function siteUrl(path: string): string {
  return `https://${SITE_HOSTS[0]}/${path.replace(/^\/+/, '')}`;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Reuse a profile (e.g. to restart the browser with the same storage). Kept on close; a temporary one is removed. */
  userDataDir?: string;
  /** Share one fixture server between browsers; otherwise each launch starts (and stops) its own. */
  server?: FixtureServer;
  /** The reader's colour scheme (prefers-color-scheme), light unless said */
  colorScheme?: 'light' | 'dark';
}

export interface PlainBrowser {
  context: BrowserContext;
  /** The Chromium it runs */
  executablePath: string;
  server: FixtureServer;
  port: number;
  userDataDir: string;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends PlainBrowser {
  extensionId: string;
  serviceWorker: Worker;
}

function browserArgs(port: number): string[] {
  const target = `127.0.0.1:${port}`;
  const rules = [
    ...SITE_HOSTS.map((host) => `MAP ${host} ${target}`),
    // Everything else fails at once instead of waiting on DNS: tests never touch the network.
    'MAP * ~NOTFOUND',
    'EXCLUDE 127.0.0.1',
    'EXCLUDE localhost',
  ];
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // The fixture server's certificate (support/tls/) is self-signed: accepted here, in this test browser only.
    '--ignore-certificate-errors',
    `--host-resolver-rules=${rules.join(', ')}`,
  ];
}

async function launch(extension: boolean, options: LaunchOptions): Promise<PlainBrowser> {
  const executablePath = requireChromium();
  if (extension && !existsSync(join(CHROME_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No extension build in ${CHROME_BUILD_DIR}: run \`npm run build\` first.`);
  }
  const server = options.server ?? (await startFixtureServer());
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'kvl-chromium-')));
  const args = browserArgs(server.port);
  if (extension) {
    // Playwright passes --disable-extensions by default; --disable-extensions-except overrides it.
    args.push(`--disable-extensions-except=${CHROME_BUILD_DIR}`, `--load-extension=${CHROME_BUILD_DIR}`);
  }
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      args,
      colorScheme: options.colorScheme ?? 'light',
      // A fixed viewport makes screenshots repeatable; a visible window keeps its own size.
      viewport: (options.headless ?? true) ? { width: 1280, height: 900 } : null,
    });
  } catch (err) {
    if (!options.server) await server.close();
    if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    context,
    executablePath,
    server,
    port: server.port,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      if (!options.server) await server.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with the built extension (.output/chrome-mv3) loaded. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const browser = await launch(true, options);
  try {
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      browser.context.serviceWorkers().find(isOurs) ??
      (await browser.context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { ...browser, serviceWorker, extensionId };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** The same Chromium and host mapping without any extension, to compare pages against. */
export function launchPlain(options: LaunchOptions = {}): Promise<PlainBrowser> {
  return launch(false, options);
}

interface TabsApi {
  chrome: { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
}

/** The id of the tab showing `url` (the extension sees URLs of its host-permission pages without 'tabs'). */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  const id = await serviceWorker.evaluate(async (wanted) => {
    const tabs = await (globalThis as unknown as TabsApi).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
}

/** Opens the popup as a tab, asking about `tabId`, and returns its status text once it has one. */
export async function openPopupFor(
  browser: ExtensionBrowser,
  tabId: number,
): Promise<{ page: Page; state: string | null; text: string; subject: string | null; uiLanguage: string }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 220 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  const status = page.locator('[data-testid="kvl-status"]');
  await status.waitFor({ timeout: 10_000 });
  const subject = page.locator('.kvl-subject');
  return {
    page,
    state: await status.getAttribute('data-state'),
    text: ((await status.textContent()) ?? '').trim(),
    subject: (await subject.count()) ? ((await subject.textContent()) ?? '').trim() : null,
    uiLanguage: await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }
      ).chrome.i18n.getUILanguage(),
    ),
  };
}

/** Waits until the content script has decided on the page (<html data-kvl-status> set), or until it is `status`. */
export async function viewDecided(page: Page, status?: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const seen = document.documentElement?.dataset.kvlStatus;
      return wanted === null ? seen !== undefined : seen === wanted;
    },
    status ?? null,
    { timeout },
  );
}

export interface ViewOptions {
  /** Runs in every document of the tab before the page's own scripts */
  init?: string;
  viewport?: { width: number; height: number };
  /** Wait for this data-kvl-status ('lezer': every pair rendered); by default until the content script decided */
  status?: string;
  timeout?: number;
}

/** A fresh tab on `path` of the site (or on a whole URL), once the content script has decided (viewDecided). */
export async function openView(
  browser: PlainBrowser,
  path: string,
  options: ViewOptions = {},
): Promise<Page> {
  const page = await browser.context.newPage();
  try {
    if (options.viewport) await page.setViewportSize(options.viewport);
    if (options.init) await page.addInitScript(options.init);
    await page.goto(/^[a-z-]+:/.test(path) ? path : siteUrl(path));
    await viewDecided(page, options.status, options.timeout);
    return page;
  } catch (err) {
    await page.close();
    throw err;
  }
}

/** <html data-kvl> of a page, or null. */
export function readKvl(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-kvl'));
}

/** Console errors and page errors that come from the extension (its log prefix or its own scripts). */
export function collectExtensionErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (text.includes('[Kamervragen Lezer]') || msg.location().url.startsWith('chrome-extension://')) {
      errors.push(text);
    }
  });
  page.on('pageerror', (err) => {
    if (`${err.stack ?? ''}`.includes('chrome-extension://')) errors.push(String(err));
  });
  return errors;
}
