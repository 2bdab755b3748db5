// The reader keeps their place while the view fills in, in Firefox, with and without the browser's scroll anchoring
// (the same cases as place.e2e.test.ts in Chromium; test/e2e/support/place.ts).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPage } from '../../scripts/bench/synthetic';
import { siteUrl } from './support/extension';
import { collectErrors, type FirefoxWithExtension, launchFirefoxWithExtension } from './support/firefox';
import {
  checkPlace,
  PLACE_DOC,
  PLACE_RESULT,
  type PlaceRecord,
  placeCases,
  placeProbe,
} from './support/place';

let ff: FirefoxWithExtension;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension();
  const file = join(mkdtempSync(join(tmpdir(), 'kvl-ff-')), `${PLACE_DOC.id}.html`);
  writeFileSync(file, syntheticPage(PLACE_DOC.pairs, PLACE_DOC.id));
  ff.server.route(`/${PLACE_DOC.id}.html`, file);
});
afterAll(async () => {
  await ff?.close();
});

describe('Firefox: the pair the reader went to stays in place while the view fills in', () => {
  it.each(placeCases())('$name', async ({ path, options }) => {
    const page = await ff.browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const errors = collectErrors(page);
    await page.evaluateOnNewDocument(placeProbe(options));
    await page.goto(siteUrl(path));
    const handle = await page.waitForFunction(PLACE_RESULT, { timeout: 20_000 });
    checkPlace((await handle.jsonValue()) as PlaceRecord);
    expect(errors).toEqual([]);
    await page.close();
  });
});
