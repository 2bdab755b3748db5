// The header card's facts in the real browsers (issue 16): on every fixture document each fact the document states,
// with its exact text and machine value, and no fact it does not state.
import { describe, expect, it } from 'vitest';
import { htmlCasesWithId } from '../support/cases';
import type { BrowserDriver } from '../support/driver';
import { siteUrl } from '../support/extension';

const CASES = htmlCasesWithId().filter((c) => /^(ah|kv)-/.test(c.id));

/** Every fact of the card: its text and value */
const FACTS = `JSON.stringify(Object.fromEntries([...document.querySelectorAll('[data-kvl-view] [data-kvl-fact]')]
  .map((e) => [e.dataset.kvlFact, { text: e.textContent, value: e.dataset.kvlValue ?? null }])))`;

/** The site's header above the view on the saved pages of its current layout (they are served without its styles) */
const SITE_HEADER = 400;

interface FirstLine {
  view: number;
  line: number;
  scrollY: number;
  innerHeight: number;
}
const FIRST_LINE = `JSON.stringify((() => {
  const question = document.querySelector('[data-kvl-view] [data-kvl-pair] .kvl-question');
  const walker = document.createTreeWalker(question, NodeFilter.SHOW_TEXT, (n) =>
    n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP);
  const text = walker.nextNode();
  const range = document.createRange();
  range.setStart(text, text.textContent.search(/\\S/));
  range.setEnd(text, text.textContent.search(/\\S/) + 1);
  return {
    view: document.querySelector('[data-kvl-view]').getBoundingClientRect().top,
    line: range.getBoundingClientRect().bottom,
    scrollY,
    innerHeight,
  };
})())`;

const days = (from: string, to: string) =>
  String(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));

export function factsSuite(driver: () => BrowserDriver): void {
  describe('the header card’s facts', () => {
    it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const page = await driver().newPage();
      await page.setViewport(1280, 800);
      await page.goto(siteUrl(`/${c.name.slice('html-'.length)}.html`));
      await page.waitFor(`document.documentElement.hasAttribute('data-kvl-complete')`);
      const got = JSON.parse((await page.evaluate(FACTS)) as string) as Record<
        string,
        { text: string; value: string | null }
      >;
      const e = c.expected;
      const value = (fact: string) => got[fact]?.value ?? null;
      expect(value('submitted')).toBe(e.dateSubmitted ?? null);
      expect(value('answered')).toBe(e.dateReceived ?? null);
      expect(value('days')).toBe(
        e.dateSubmitted && e.dateReceived ? days(e.dateSubmitted, e.dateReceived) : null,
      );
      expect(value('number')).toBe(/^ah-(?:tk|ek)-\d{8}-(\d+)$/.exec(c.id)?.[1] ?? null);
      expect(got.number?.text).toBe(c.id);
      expect(value('question-number')).toBe(e.questionNumber ?? null);
      const askers = (e.askers ?? []).map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(', ');
      expect(got.asker?.text ?? '').toBe(askers);
      if (e.addressees) expect(got.recipient?.text ?? '').toBe(e.addressees.join(', '));
      if (e.answeredBy) expect(got['answered-by']?.text).toContain(e.answeredBy.name);
      else expect(got['answered-by']).toBeUndefined();
      // The first question on the first screen (1280×800, not scrolled): the bottom of its first line of text.
      const at = JSON.parse((await page.evaluate(FIRST_LINE)) as string) as FirstLine;
      expect([at.scrollY, at.innerHeight]).toEqual([0, 800]);
      // What the view takes, from its top to that line: at most the 420 px the site's header leaves on its pages of
      // today (380 px in these saved pages: its own header, breadcrumb and metadata, without the site's styles).
      expect(at.line - at.view).toBeLessThanOrEqual(420);
      // …so where the site's header is that of today, the first question is on the first screen. (One saved page
      // is in the site's old layout, whose header alone, unstyled, is 740 px.)
      if (!c.name.endsWith('-old')) {
        expect(at.view).toBeLessThanOrEqual(SITE_HEADER);
        expect(at.line).toBeLessThanOrEqual(800);
      }
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}
