// The reader keeps their place while the view fills in, in Chromium, with and without the browser's scroll anchoring
// (test/e2e/support/place.ts; the same cases run in Firefox in firefox-place.e2e.test.ts).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPage } from '../../scripts/bench/synthetic';
import {
  collectExtensionErrors,
  type ExtensionBrowser,
  launchWithExtension,
  siteUrl,
} from './support/extension';
import {
  checkPlace,
  PLACE_DOC,
  PLACE_RESULT,
  type PlaceRecord,
  placeCases,
  placeProbe,
} from './support/place';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
  const file = join(mkdtempSync(join(tmpdir(), 'kvl-e2e-')), `${PLACE_DOC.id}.html`);
  writeFileSync(file, syntheticPage(PLACE_DOC.pairs, PLACE_DOC.id));
  browser.server.route(`/${PLACE_DOC.id}.html`, file);
});
afterAll(async () => {
  await browser?.close();
});

describe('Chromium: the pair the reader went to stays in place while the view fills in', () => {
  it.each(placeCases())('$name', async ({ path, options }) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const errors = collectExtensionErrors(page);
    await page.addInitScript(placeProbe(options));
    await page.goto(siteUrl(path));
    const handle = await page.waitForFunction(PLACE_RESULT, null, { timeout: 20_000 });
    checkPlace((await handle.jsonValue()) as PlaceRecord);
    expect(errors).toEqual([]);
    await page.close();
  });
});
