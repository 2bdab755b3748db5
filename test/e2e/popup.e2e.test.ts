// The popup asks the content script of a tab what it found and says so in Dutch.
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
  expect(popup.text).toMatch(
    new RegExp(`^Kamervraag gevonden: ${SAMPLE_ID} — \\d+ vraag/antwoord-pa(ar|ren)$`),
  );
  const pairs = sample?.expected.numbers;
  if (pairs) expect(popup.text).toContain(`— ${pairs.length} vraag/antwoord-pa`);
  else expect(popup.text).not.toContain('— 0 vraag');
  if (sample?.expected.subject) expect(popup.subject).toBe(sample.expected.subject);
});

it('says there is no Kamervragen document on another page', async () => {
  const popup = await popupTextFor(siteUrl('gmb-2017-100007.html'), false);
  expect(popup.state).toBe('none');
  expect(popup.text).toBe('Geen Kamervragen-document op deze pagina');
});
