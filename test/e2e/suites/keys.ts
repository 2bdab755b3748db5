// The view's keys where a reader uses them: after following a contents link, and with nothing focused after
// scrolling (issue 16: `j` went back after a contents click, `o` opened the pair above the screen).
import { describe, expect, it } from 'vitest';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { siteUrl } from '../support/extension';

// 48 pairs, numbered 1–48 one question each, with an open contents list.
const DOC = 'ah-tk-20172018-1547';

const press = (key: string) =>
  `document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true, cancelable: true }))`;
const FOCUSED = `document.activeElement?.closest('[data-kvl-pair]')?.getAttribute('data-kvl-pair') ?? null`;
const open = (n: number) => `document.querySelector('[data-kvl-pair="${n}"] details.kvl-answer').open`;
/** Two frames: the scroll and the place keeper's corrections are done */
const settle = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`;

async function view(driver: BrowserDriver): Promise<PageDriver> {
  const page = await driver.newPage();
  await page.setViewport(1280, 800);
  await page.goto(siteUrl(`/${DOC}.html`));
  await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
  return page;
}

export function keysSuite(driver: () => BrowserDriver): void {
  describe('keys act on the pair the reader is at', () => {
    it('after following a contents link, j goes to the next pair and k to the one before', async () => {
      const page = await view(driver());
      await page.click('[data-kvl-view] .kvl-toc summary');
      await page.waitFor(`!!document.querySelector('[data-kvl-view] .kvl-toc a[href="#vraag-10"]')`);
      await page.click('[data-kvl-view] .kvl-toc a[href="#vraag-10"]');
      await page.waitFor(`location.hash === '#vraag-10'`);
      await page.evaluate(settle);
      await page.evaluate(press('j'));
      expect(await page.evaluate(FOCUSED)).toBe('11');
      await page.evaluate(press('k'));
      await page.evaluate(press('k'));
      expect(await page.evaluate(FOCUSED)).toBe('9');
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('with nothing focused, o opens the pair at the top of the screen, not the one whose end is above it', async () => {
      const page = await view(driver());
      // Scrolled so that only the last 20 px of pair 20 are on the screen, pair 21 below them.
      await page.evaluate(
        `(() => { const p = document.querySelector('[data-kvl-pair="20"]'); window.scrollBy(0, p.getBoundingClientRect().bottom - 20); return true; })()`,
      );
      await page.evaluate(settle);
      await page.evaluate(`document.activeElement?.blur(), true`);
      const before = [await page.evaluate<boolean>(open(20)), await page.evaluate<boolean>(open(21))];
      await page.evaluate(press('o'));
      expect([await page.evaluate(open(20)), await page.evaluate(open(21))]).toEqual([before[0], !before[1]]);
      await page.evaluate(press('j'));
      expect(await page.evaluate(FOCUSED)).toBe('22');
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('a long answer being read counts as the pair at the top while it fills the upper half of the screen', async () => {
      const page = await view(driver());
      await page.evaluate(`document.querySelector('[data-kvl-pair="5"] details.kvl-answer').open = true`);
      // Pair 5 reaches from above the screen into its upper half (its top 300 px above).
      await page.evaluate(
        `(() => { const p = document.querySelector('[data-kvl-pair="5"]'); window.scrollBy(0, p.getBoundingClientRect().top + 300); return true; })()`,
      );
      await page.evaluate(settle);
      const tall = await page.evaluate<boolean>(
        `document.querySelector('[data-kvl-pair="5"]').getBoundingClientRect().bottom > innerHeight / 2`,
      );
      await page.evaluate(press('j'));
      // When pair 5 still fills the upper half, j goes to 6; else 5 is nearly gone and 6 is the one at the top: 7.
      expect(await page.evaluate(FOCUSED)).toBe(tall ? '6' : '7');
      await page.close();
    });
  });
}
