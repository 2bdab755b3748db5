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
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}
