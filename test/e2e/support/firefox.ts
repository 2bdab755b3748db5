// Finds and launches the Firefox to drive (puppeteer-core over WebDriver BiDi) with the built extension
// (.output/firefox-mv2) installed as a temporary add-on; the site's hosts go to the fixture server, used as the
// browser's HTTP proxy. See /work/shared/design/firefox-e2e.md for why each pref and flag is there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { type BrowserLookup, findExecutable, requireExecutable } from './executables';
import { FIREFOX_BUILD_DIR } from './paths';
import { type FixtureServer, startFixtureServer } from './server';

export const FIREFOX_HELP =
  'No Firefox found. Install one (Debian/Ubuntu: `sudo apt-get install firefox-esr`) ' +
  'or set FIREFOX_PATH to a Firefox executable.';

/** The extension's gecko id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'kamervragen-lezer@kvl.example';
/** Its moz-extension:// host: fixed through the pref extensions.webextensions.uuids, so no need to look it up. */
export const EXTENSION_UUID = '6f1c2a9e-4b7d-4e2a-9c3f-5a8b0d1e2f34';

const FIREFOX: BrowserLookup = {
  envVar: 'FIREFOX_PATH',
  candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
  pathNames: ['firefox-esr', 'firefox'],
  help: FIREFOX_HELP,
};

/** The executable to use, or null when there is none. A FIREFOX_PATH that does not exist is an error. */
export const findFirefox = (env: NodeJS.ProcessEnv = process.env) => findExecutable(FIREFOX, env);

/** Like findFirefox, but throws with instructions when there is none. */
export const requireFirefox = (env: NodeJS.ProcessEnv = process.env) => requireExecutable(FIREFOX, env);

export interface FirefoxWithExtension {
  browser: Browser;
  server: FixtureServer;
  /** moz-extension://<uuid> */
  extensionOrigin: string;
  close(): Promise<void>;
}

/** Firefox (headless, temporary profile) with the built extension installed; the fixture server is its proxy. */
export async function launchFirefoxWithExtension(
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<FirefoxWithExtension> {
  const executablePath = requireFirefox();
  if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No extension build in ${FIREFOX_BUILD_DIR}: run \`npm run build:firefox\` first.`);
  }
  // Loaded here, not at the top: scripts/test-all.ts imports this file only to find Firefox.
  const { default: puppeteer } = await import('puppeteer-core');
  const server = await startFixtureServer();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // The fixture server's certificate (support/tls/) is self-signed: accepted in this session only.
      acceptInsecureCerts: true,
      // BiDi navigates to moz-extension:// (the popup) only with system access.
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        // Every request goes to the fixture server's proxy, which tunnels https (CONNECT) to its https server and
        // serves by pathname: the site's hosts need no DNS and nothing reaches the network.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': server.proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': server.proxyPort,
        'network.proxy.share_proxy_settings': false,
        'dom.security.https_first': false,
        'dom.security.https_only_mode': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        // The reader's colour scheme, for pages and the extension's own (0 dark, 1 light)
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
        'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      },
    });
    const id = await browser.installExtension(FIREFOX_BUILD_DIR);
    if (id !== GECKO_ID) throw new Error(`Installed add-on has id ${id}, expected ${GECKO_ID}`);
  } catch (err) {
    await browser?.close().catch(() => {});
    await server.close();
    throw err;
  }
  const launched = browser;
  return {
    browser: launched,
    server,
    extensionOrigin: `moz-extension://${EXTENSION_UUID}`,
    async close() {
      await launched.close().catch(() => {});
      await server.close();
    },
  };
}

interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

/**
 * Opens an extension page (popup.html, options.html) in a new tab. Not page.goto: on moz-extension:// it never sees
 * the navigation end (Firefox's NavigationManager fails on extension documents), so the raw BiDi navigate is used.
 */
export async function openExtensionPage(ff: FirefoxWithExtension, path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  const frame = page.mainFrame() as unknown as BidiFrame;
  await frame.browsingContext.navigate(`${ff.extensionOrigin}/${path.replace(/^\/+/, '')}`, 'complete');
  return page;
}

/** Errors the extension logs or throws in a page (its log prefix, or its own moz-extension:// scripts). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warn') return;
    const text = msg.text();
    if (text.includes('[Kamervragen Lezer]') || (msg.location().url ?? '').startsWith('moz-extension://')) {
      errors.push(text);
    }
  });
  page.on('pageerror', (err) => {
    if (`${(err as Error).stack ?? err}`.includes('moz-extension://')) errors.push(String(err));
  });
  return errors;
}
