// `npm run screenshots [-- --no-build]`: the README's pictures, remade from the built extension in Chromium on the
// bundled real pages: the reading view in light and dark at 1280×800 and on a phone's 360 px, and the popup in light
// and dark, into docs/.
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  openPopupFor,
  SAMPLE_ID,
  siteUrl,
  tabIdOf,
} from '../test/e2e/support/extension';
import { REPO_ROOT } from '../test/e2e/support/paths';

const DOCS = join(REPO_ROOT, 'docs');
const SAMPLE_URL = siteUrl(`${SAMPLE_ID}.html`);

/** The view complete, its top at the top of the screen (the site's own header above it is the site's). */
async function showView(page: Page): Promise<void> {
  await page.goto(SAMPLE_URL);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-kvl-complete'));
  await page.evaluate(() => document.querySelector('[data-kvl-view]')?.scrollIntoView());
  // One frame for the scroll and the fonts.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
}

async function main(): Promise<number> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  const browser = await launchWithExtension({ headless: true });
  const written: string[] = [];
  const shot = async (page: Page, name: string) => {
    const path = join(DOCS, name);
    await page.screenshot({ path });
    written.push(relative(process.cwd(), path));
  };
  try {
    const page = await browser.context.newPage();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await showView(page);
      await shot(page, `reading-view-${scheme}.png`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 360, height: 800 });
    await showView(page);
    await shot(page, 'reading-view-narrow.png');

    const tab = await tabIdOf(browser.serviceWorker, SAMPLE_URL);
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopupFor(browser, tab);
      await popup.page.emulateMedia({ colorScheme: scheme });
      await popup.page.setViewportSize({ width: 400, height: 420 });
      await shot(popup.page, `popup-${scheme}.png`);
      await popup.page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Screenshots:\n  ${written.join('\n  ')}`);
  return 0;
}

process.exit(await main());
