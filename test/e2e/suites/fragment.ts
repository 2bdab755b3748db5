// A shared link with a text fragment (`#:~:text=…`, what search engines and share buttons make) opens the pair that
// holds the text and shows the text, on every load, in both browsers (issue 16: 1 load in 8 before; Firefox never).
import { describe, expect, it } from 'vitest';
import type { BrowserDriver } from '../support/driver';
import { siteUrl } from '../support/extension';

const LOADS = 6;

/** The pairs with an open answer, and whether the element holding `text` is on the screen */
const STATE = (text: string) => `JSON.stringify((() => {
  const open = [...document.querySelectorAll('[data-kvl-view] [data-kvl-pair] details[open]')]
    .map((d) => d.closest('[data-kvl-pair]').dataset.kvlPair);
  const holder = [...document.querySelectorAll('[data-kvl-view] [data-kvl-pair] p, [data-kvl-view] [data-kvl-pair] li')]
    .find((e) => e.textContent.replace(/\\s+/g, ' ').includes(${JSON.stringify(text)}));
  const r = holder.getBoundingClientRect();
  return { open, seen: r.bottom > 0 && r.top < innerHeight };
})())`;

export function fragmentSuite(driver: () => BrowserDriver): void {
  describe('text-fragment links open their pair', () => {
    const cases = [
      // The third answer of 1481, by its first words
      [
        'an answer’s first words',
        'ah-tk-20232024-1481',
        'De%20rapporten%20kunnen%20worden%20gedeeld',
        '3',
        'De rapporten kunnen worden gedeeld',
      ],
      // Start and end, with a prefix: in the answer to the grouped questions 5 and 6
      [
        'a range with a prefix, in a grouped pair',
        'ah-tk-20232024-1481',
        'Het%20kabinet-,beseft,Landen',
        '5,6',
        'Het kabinet beseft dat ongedocumenteerde personen in de Landen',
      ],
    ] as const;
    it.each(cases)('%s, on every load', async (_name, id, directive, pair, text) => {
      for (let load = 0; load < LOADS; load++) {
        const page = await driver().newPage();
        await page.setViewport(1280, 800);
        await page.goto(siteUrl(`/${id}.html#:~:text=${directive}`));
        await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
        // Chromium opens the answer itself, a moment after the view is complete; the view does it in Firefox.
        await page.waitFor(`JSON.parse(${STATE(text)}).open.length > 0`, 5000);
        expect(JSON.parse(await page.evaluate<string>(STATE(text)))).toEqual({ open: [pair], seen: true });
        expect(page.errors).toEqual([]);
        await page.close();
      }
    });
  });
}
