// Tags in the popup, in both browsers: add one with the keyboard, see its chip (data-kvl-tag), filter by it, clear the
// filter, remove it with ×; the change is the background's (stored as a tag mark), and the popup stays axe-clean.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';
import type { ReadingEntry } from '../../../utils/reading-list/entry';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { savedEntry } from '../support/entries';

const API = '(globalThis.browser ?? globalThis.chrome)';
// Eerste Kamer ids no other suite uses
const [A, B] = ['ah-ek-20232024-2301', 'ah-ek-20232024-2302'];
const TAG = 'Debat 12 mei';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page: PageDriver): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}; true`);
  return page.evaluate(`axe.run({ include: [['body']] })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))`);
}

const shown = `[...document.querySelectorAll('[data-kvl-item^="ah-ek-20232024-230"]')].map((li) => li.dataset.kvlItem).join(' ')`;
const chip = (id: string) => `[data-kvl-item="${id}"] [data-kvl-tag="${TAG}"]`;

export function tagsSuite(driver: () => BrowserDriver, launchDark: () => Promise<BrowserDriver>): void {
  describe('tags on reading-list entries, in the popup', () => {
    it('adds a tag with the keyboard, shows its chip, filters by it, clears the filter and removes it with ×', async () => {
      const d = driver();
      const popup = await d.openPopup();
      const op = (operation: Record<string, unknown>) =>
        popup.evaluate(
          `${API}.runtime.sendMessage({ type: 'kvl:list-op', op: ${JSON.stringify(operation)} })`,
        );
      for (const id of [A, B]) await op({ op: 'add', entry: savedEntry(id), now: Date.now() });
      await popup.waitFor(`document.querySelectorAll('[data-kvl-item^="ah-ek-20232024-230"]').length === 2`);

      // Tag, with the keyboard: the button opens the input (focused), Enter adds
      await popup.click(`[data-kvl-item="${A}"] [data-kvl-action="tag"]`);
      await popup.waitFor(`document.activeElement?.getAttribute('data-kvl-action') === 'tag-text'`);
      await popup.type(`[data-kvl-item="${A}"] [data-kvl-action="tag-text"]`, ` ${TAG} `);
      await popup.press('Enter');
      await popup.waitFor(`!!document.querySelector(${JSON.stringify(chip(A))})`);
      const stored = (await d.storage())[`kvl-item:${A}`] as ReadingEntry;
      expect(stored.tags).toEqual([{ label: TAG, at: expect.any(Number) }]);
      expect(stored.stamps.tags).toBe(stored.tags?.[0].at);
      expect(await violations(popup)).toEqual([]);

      // Filter by clicking the chip: only the tagged entry; the tag select says which; clear shows both again
      await popup.click(`${chip(A)} [data-kvl-action="tag-filter"]`);
      await popup.waitFor(`${shown} === ${JSON.stringify(A)}`);
      expect(
        await popup.evaluate(`document.querySelector('[data-kvl-action="tag-filter-select"]').value`),
      ).toBe(TAG);
      await popup.click('[data-kvl-action="tag-filter-clear"]');
      await popup.waitFor(`document.querySelectorAll('[data-kvl-item^="ah-ek-20232024-230"]').length === 2`);

      // Remove with × from the keyboard: focus it, Enter. Its name says which tag, in the popup's language: Dutch by
      // default, whatever the browser's (the extension's own message tables, public/_locales/nl).
      expect(
        await popup.evaluate(
          `document.querySelector(${JSON.stringify(`${chip(A)} [data-kvl-action="tag-remove"]`)}).getAttribute('aria-label')`,
        ),
      ).toBe(nl.removeTag.message.replace('$1', TAG));
      await popup.evaluate(
        `document.querySelector(${JSON.stringify(`${chip(A)} [data-kvl-action="tag-remove"]`)}).focus()`,
      );
      await popup.press('Enter');
      await popup.waitFor(`!document.querySelector(${JSON.stringify(chip(A))})`);
      // focus is not lost to <body>: the chip was the row's last, so it is on the row's Tag button
      await popup.waitFor(
        `document.activeElement === document.querySelector('[data-kvl-item="${A}"] [data-kvl-action="tag"]')`,
      );
      const after = (await d.storage())[`kvl-item:${A}`] as ReadingEntry;
      expect(after.tags).toEqual([{ label: TAG, at: expect.any(Number), removed: true }]);
      expect(popup.errors).toEqual([]);

      for (const id of [A, B]) await op({ op: 'remove', key: id, now: Date.now() });
      await popup.close();
    });

    let dark: BrowserDriver | undefined;
    afterAll(async () => {
      await dark?.close();
    });

    it('a row with tags and its open tag input are axe-clean in dark mode', async () => {
      dark = await launchDark();
      const popup = await dark.openPopup();
      const op = (operation: Record<string, unknown>) =>
        popup.evaluate(
          `${API}.runtime.sendMessage({ type: 'kvl:list-op', op: ${JSON.stringify(operation)} })`,
        );
      await op({ op: 'add', entry: savedEntry(A), now: Date.now() });
      await op({ op: 'tag', key: A, tag: TAG, on: true, now: Date.now() });
      await op({ op: 'tag', key: A, tag: 'Wonen', on: true, now: Date.now() });
      await popup.waitFor(`!!document.querySelector(${JSON.stringify(chip(A))})`);
      await popup.click(`[data-kvl-item="${A}"] [data-kvl-action="tag"]`);
      await popup.waitFor(`document.activeElement?.getAttribute('data-kvl-action') === 'tag-text'`);
      expect(await popup.evaluate(`matchMedia('(prefers-color-scheme: dark)').matches`)).toBe(true);
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    }, 120_000);
  });
}
