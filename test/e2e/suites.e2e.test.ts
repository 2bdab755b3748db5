// The suites written once for both browsers (test/e2e/suites/), in Chromium; firefox-suites.e2e.test.ts runs them in
// Firefox.
import { afterAll, beforeAll } from 'vitest';
import { copiesSuite } from './suites/copies';
import { devicesSuite } from './suites/devices';
import { factsSuite } from './suites/facts';
import { fragmentSuite } from './suites/fragment';
import { hostileSuite } from './suites/hostile';
import { keysSuite } from './suites/keys';
import { kindsSuite } from './suites/kinds';
import { languageSuite } from './suites/language';
import { narrowSuite } from './suites/narrow';
import { pdfSuite } from './suites/pdf';
import { placeSuite } from './suites/place';
import { relatedSuite } from './suites/related';
import { siteScriptsSuite } from './suites/site-scripts';
import { tagsSuite } from './suites/tags';
import { themeSuite } from './suites/theme';
import { type BrowserDriver, chromiumDriver } from './support/driver';

let driver: BrowserDriver;
beforeAll(async () => {
  driver = await chromiumDriver();
});
afterAll(async () => {
  await driver?.close();
});

placeSuite(() => driver);
siteScriptsSuite(() => driver);
hostileSuite(() => driver);
keysSuite(() => driver);
narrowSuite(() => driver);
factsSuite(() => driver);
fragmentSuite(() => driver);
kindsSuite(() => driver);
relatedSuite(() => driver);
tagsSuite(
  () => driver,
  () => chromiumDriver({ colorScheme: 'dark' }),
);
languageSuite(() => driver);
devicesSuite(chromiumDriver);
copiesSuite(chromiumDriver);
pdfSuite(chromiumDriver);
themeSuite(
  () => driver,
  () => chromiumDriver({ colorScheme: 'dark' }),
);
