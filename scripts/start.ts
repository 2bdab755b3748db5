// `npm start`: builds the extension, serves the fixtures as the site, and opens the sample page in Chromium with it.
// With a display: a visible browser that stays open until you close it. Without one (or with CI set): headless,
// screenshots of the page and the popup into shots/, a one-line summary, exit 1 when the extension found nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  launchWithExtension,
  openPopupFor,
  readKvl,
  SAMPLE_ID,
  siteUrl,
  tabIdOf,
} from '../test/e2e/support/extension';
import { REPO_ROOT } from '../test/e2e/support/paths';

const SAMPLE_URL = siteUrl(`${SAMPLE_ID}.html`);

async function headed(): Promise<number> {
  const browser = await launchWithExtension({ headless: false });
  const stop = () => void browser.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(SAMPLE_URL);
  console.log(`\nChromium is open with Kamervragen Lezer on ${SAMPLE_URL}`);
  console.log(`Other fixture pages: ${siteUrl('')} (served from test/fixtures by ${browser.server.origin})`);
  console.log('The extension icon is under the puzzle-piece menu. Close the browser to stop.');
  await new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
  await browser.close();
  return 0;
}

async function headless(): Promise<number> {
  const shots = join(REPO_ROOT, 'shots');
  mkdirSync(shots, { recursive: true });
  const browser = await launchWithExtension({ headless: true });
  try {
    const page = await browser.context.newPage();
    const response = await page.goto(SAMPLE_URL);
    if (!response?.ok()) {
      console.error(
        `The fixture server answered ${response?.status()} for ${SAMPLE_URL}: is the sample fixture there?`,
      );
      return 1;
    }
    await page
      .locator('html[data-kvl]')
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => {});
    const kvl = await readKvl(page);
    const pageShot = join(shots, 'page.png');
    await page.screenshot({ path: pageShot });

    const popup = await openPopupFor(browser, await tabIdOf(browser.serviceWorker, SAMPLE_URL));
    const popupShot = join(shots, 'popup.png');
    await popup.page.screenshot({ path: popupShot });

    console.log(
      `\nScreenshots:\n  ${relative(process.cwd(), pageShot)}\n  ${relative(process.cwd(), popupShot)}`,
    );
    const found = kvl !== null && popup.state === 'found';
    console.log(
      `${found ? 'Found' : 'NOT found'} on ${SAMPLE_URL}: <html data-kvl=${JSON.stringify(kvl)}>; popup: "${popup.text}"`,
    );
    return found ? 0 : 1;
  } finally {
    await browser.close();
  }
}

const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
try {
  process.exit(await (hasDisplay ? headed() : headless()));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
