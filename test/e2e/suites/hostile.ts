// Pages that try to freeze or break the content script end readable, without a long task of the extension's
// (test/e2e/support/hostile.ts has the pages).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { siteUrl } from '../support/extension';
import { HOSTILE, hostileFiles } from '../support/hostile';

interface Outcome {
  status: string;
  taskMs: number;
  notice: string | null;
  pairs: number;
  text: string;
}

const OUTCOME = `({
  status: document.documentElement.dataset.kvlStatus,
  taskMs: Number(document.documentElement.dataset.kvlTaskMs ?? 0),
  notice: document.querySelector('kvl-floating')?.shadowRoot?.querySelector('[data-kvl-notice]')?.getAttribute('data-kvl-notice') ?? null,
  pairs: document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length,
  text: document.body.textContent ?? '',
})`;

export function hostileSuite(driver: () => BrowserDriver): void {
  describe('pages that try to freeze or break the content script', () => {
    beforeAll(() => {
      for (const [route, file] of hostileFiles()) driver().route(route, file);
    });
    async function load(id: string): Promise<{ page: PageDriver } & Outcome> {
      const page = await driver().newPage();
      await page.goto(siteUrl(`${id}.html`));
      await page.waitFor('document.documentElement.dataset.kvlStatus !== undefined');
      return { page, ...(await page.evaluate<Outcome>(OUTCOME)) };
    }

    it('a 40 KB pathological header: the view, its five pairs (5 and 6 together), no task of ours over 200 ms', async () => {
      const r = await load(HOSTILE.header);
      expect(r.status).toBe('lezer');
      expect(r.pairs).toBe(5);
      expect(r.taskMs).toBeGreaterThan(0);
      expect(r.taskMs).toBeLessThan(200);
      expect(r.page.errors).toEqual([]);
      await r.page.close();
    });

    it('an answer nested 10,000 deep: readable (the view, or the page as delivered with a notice in words), no task of ours over 200 ms', async () => {
      const r = await load(HOSTILE.deep);
      expect(['lezer', 'fout']).toContain(r.status);
      if (r.status === 'fout') expect(r.notice).toBe('tooDeep');
      else expect(r.pairs).toBe(5);
      expect(r.text).toContain('Diep genest antwoord.');
      expect(r.taskMs).toBeLessThan(200);
      expect(r.page.errors.join('\n')).not.toMatch(/call stack|recursion/i);
      await r.page.close();
    });
  });
}
