// The suites written once for both browsers (test/e2e/suites/), in Firefox; suites.e2e.test.ts runs them in
// Chromium.
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
import { type BrowserDriver, firefoxDriver } from './support/driver';

let driver: BrowserDriver;
beforeAll(async () => {
  driver = await firefoxDriver();
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
  () => firefoxDriver({ colorScheme: 'dark' }),
);
languageSuite(() => driver);
devicesSuite(firefoxDriver);
copiesSuite(firefoxDriver);
pdfSuite(firefoxDriver);
themeSuite(
  () => driver,
  () => firefoxDriver({ colorScheme: 'dark' }),
);
