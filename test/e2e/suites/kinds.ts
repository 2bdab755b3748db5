// Each kind of document as issue 16 describes it, in the real browsers: a Mededeling shows its message first, above
// the questions, and names who sent it; a kv page (questions without an answer) shows the answers it is linked to
// first, its questions without answer boxes, and its kamervraagnummer.
import { describe, expect, it } from 'vitest';
import type { BrowserDriver } from '../support/driver';
import { siteUrl } from '../support/extension';

/** Where the first element matching each selector stands in the view, in document order (-1: not there) */
const ORDER = (selectors: string[]) => `JSON.stringify((() => {
  const all = [...document.querySelectorAll('[data-kvl-view] *')];
  return ${JSON.stringify(selectors)}.map((s) => all.indexOf(document.querySelector('[data-kvl-view] ' + s)));
})())`;

export function kindsSuite(driver: () => BrowserDriver): void {
  describe('each kind of document', () => {
    it('a Mededeling: its message first, then the questions; who sent it', async () => {
      const page = await driver().newPage();
      await page.goto(siteUrl('/ah-tk-20232024-1999.html'));
      await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
      const [mededeling, firstPair] = JSON.parse(
        (await page.evaluate(ORDER(['.kvl-mededeling', '[data-kvl-pair]']))) as string,
      ) as number[];
      expect(mededeling).toBeGreaterThan(-1);
      expect(firstPair).toBeGreaterThan(mededeling);
      expect(
        await page.evaluate(
          `document.querySelector('[data-kvl-view] .kvl-mededeling').textContent.includes('zijn beantwoord middels een brief')`,
        ),
      ).toBe(true);
      expect(
        await page.evaluate(`document.querySelector('[data-kvl-fact="answered-by"]').textContent`),
      ).toContain('De Jonge');
      expect(
        await page.evaluate(`document.querySelectorAll('[data-kvl-view] details.kvl-answer').length`),
      ).toBe(0);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('a kv page: the answers it links to first, its questions without answer boxes, its kamervraagnummer', async () => {
      const page = await driver().newPage();
      await page.goto(siteUrl('/kv-tk-2024Z02563.html'));
      await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
      const [nav, firstPair] = JSON.parse(
        (await page.evaluate(ORDER(['nav.kvl-nav-kv', '[data-kvl-pair]']))) as string,
      ) as number[];
      expect(nav).toBeGreaterThan(-1);
      expect(firstPair).toBeGreaterThan(nav);
      expect(await page.evaluate(`document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length`)).toBe(
        6,
      );
      expect(
        await page.evaluate(`document.querySelectorAll('[data-kvl-view] details.kvl-answer').length`),
      ).toBe(0);
      expect(
        await page.evaluate(`document.querySelector('[data-kvl-fact="question-number"]').dataset.kvlValue`),
      ).toBe('2024Z02563');
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}
