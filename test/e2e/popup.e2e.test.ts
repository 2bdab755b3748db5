// The popup asks the content script of a tab what it found and says so in the interface's language: Dutch by
// default, whatever the browser's language (English here; test/e2e/suites/language.ts has the setting): the
// expected texts are the extension's own Dutch messages.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { htmlCasesWithId } from './support/cases';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openPopupFor,
  SAMPLE_ID,
  siteUrl,
  tabIdOf,
} from './support/extension';

let browser: ExtensionBrowser;

/** The Dutch message texts as the extension has them (_locales/nl): the popup's default, in any browser language. */
function dutchMessages(): Record<string, string> {
  const json = JSON.parse(readFileSync('public/_locales/nl/messages.json', 'utf8')) as Record<
    string,
    { message: string }
  >;
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, v.message]));
}

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `url`, waits for the content script when it should mark the page, then asks the popup about that tab. */
async function popupTextFor(url: string, marked: boolean) {
  const page = await browser.context.newPage();
  await page.goto(url);
  if (marked) await page.locator('html[data-kvl]').waitFor({ state: 'attached', timeout: 10_000 });
  const popup = await openPopupFor(browser, await tabIdOf(browser.serviceWorker, url));
  await Promise.all([popup.page.close(), page.close()]);
  return popup;
}

it('names the Kamervraag and its number of pairs on the sample page', async () => {
  const sample = htmlCasesWithId().find((c) => c.id === SAMPLE_ID);
  expect(
    sample,
    `test/fixtures/cases/html-${SAMPLE_ID}/expected.json (with an "id") is missing`,
  ).toBeDefined();
  const popup = await popupTextFor(siteUrl(`${SAMPLE_ID}.html`), true);
  expect(popup.state).toBe('found');
  const m = dutchMessages();
  const count = sample?.expected.pairs.length ?? 0;
  expect(count).toBeGreaterThan(1);
  expect(popup.text).toBe(
    m.popupFound.replace('$1', SAMPLE_ID).replace('$2', m.pairsMany.replace('$1', String(count))),
  );
  if (sample?.expected.subject) expect(popup.subject).toBe(sample.expected.subject);
});

it('says there is no Kamervragen document on another page', async () => {
  const popup = await popupTextFor(siteUrl('gmb-2017-100007.html'), false);
  expect(popup.state).toBe('none');
  expect(popup.text).toBe(dutchMessages().popupNone);
});
