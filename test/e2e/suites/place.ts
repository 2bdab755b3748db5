// The pair the reader went to stays in place while the view fills in, with and without the browser's scroll
// anchoring (test/e2e/support/place.ts has the scenarios and the page script that records every frame).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticPage } from '../../../scripts/bench/synthetic';
import type { BrowserDriver } from '../support/driver';
import { siteUrl } from '../support/extension';
import {
  checkPlace,
  PLACE_DOC,
  PLACE_RESULT,
  type PlaceRecord,
  placeCases,
  placeProbe,
} from '../support/place';

export function placeSuite(driver: () => BrowserDriver): void {
  describe('the pair the reader went to stays in place while the view fills in', () => {
    beforeAll(() => {
      const file = join(mkdtempSync(join(tmpdir(), 'kvl-place-')), `${PLACE_DOC.id}.html`);
      writeFileSync(file, syntheticPage(PLACE_DOC.pairs, PLACE_DOC.id));
      driver().route(`/${PLACE_DOC.id}.html`, file);
    });

    it.each(placeCases())('$name', async ({ path, options }) => {
      const page = await driver().newPage();
      await page.setViewport(1280, 800);
      await page.initScript(placeProbe(options));
      await page.goto(siteUrl(path));
      checkPlace(await page.waitFor<PlaceRecord>(PLACE_RESULT));
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}
