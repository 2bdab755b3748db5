// Pages that try to freeze or break the content script end readable, in Firefox (as hostile.e2e.test.ts in Chromium).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteUrl } from './support/extension';
import { collectErrors, type FirefoxWithExtension, launchFirefoxWithExtension } from './support/firefox';
import { HOSTILE, hostileFiles } from './support/hostile';

let ff: FirefoxWithExtension;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension();
  for (const [route, file] of hostileFiles()) ff.server.route(route, file);
});
afterAll(async () => {
  await ff?.close();
});

async function load(id: string) {
  const page = await ff.browser.newPage();
  const errors = collectErrors(page);
  await page.goto(siteUrl(`${id}.html`));
  await page.waitForFunction(() => document.documentElement.dataset.kvlStatus !== undefined, {
    timeout: 20_000,
  });
  const result = await page.evaluate(() => ({
    status: document.documentElement.dataset.kvlStatus,
    taskMs: Number(document.documentElement.dataset.kvlTaskMs ?? 0),
    notice:
      document
        .querySelector('kvl-floating')
        ?.shadowRoot?.querySelector('[data-kvl-notice]')
        ?.getAttribute('data-kvl-notice') ?? null,
    pairs: document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length,
    text: document.body.textContent ?? '',
  }));
  return { page, errors, ...result };
}

describe('Firefox: pages that try to freeze or break the content script', () => {
  it('a 40 KB pathological header: the view, its five pairs (5 and 6 together), no task of ours over 200 ms', async () => {
    const r = await load(HOSTILE.header);
    expect(r.status).toBe('lezer');
    expect(r.pairs).toBe(5);
    expect(r.taskMs).toBeGreaterThan(0);
    expect(r.taskMs).toBeLessThan(200);
    expect(r.errors).toEqual([]);
    await r.page.close();
  });

  it('an answer nested 10,000 deep: readable (the view, or the page as delivered with a notice in words), no task of ours over 200 ms', async () => {
    const r = await load(HOSTILE.deep);
    expect(['lezer', 'fout']).toContain(r.status);
    if (r.status === 'fout') expect(r.notice).toBe('tooDeep');
    else expect(r.pairs).toBe(5);
    expect(r.text).toContain('Diep genest antwoord.');
    expect(r.taskMs).toBeLessThan(200);
    expect(r.errors.join('\n')).not.toMatch(/call stack|recursion/i);
    await r.page.close();
  });
});
