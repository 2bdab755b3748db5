// The reading view in a real Chromium with the built extension: pairs, deep links, controls, the way back, a11y.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPage } from '../../scripts/bench/synthetic';
import { htmlCasesWithId } from './support/cases';
import {
  collectExtensionErrors,
  type ExtensionBrowser,
  launchWithExtension,
  SAMPLE_ID,
  siteUrl,
} from './support/extension';
import { CHROME_BUILD_DIR, REPO_ROOT } from './support/paths';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page and waits until the content script has decided (reading view, original, or notice). */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = collectExtensionErrors(page);
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(siteUrl(path));
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-kvl-status'), null, {
    timeout: 10_000,
  });
  return { page, errors };
}

/** The body as served, parsed by the browser itself: what "exactly as it was" compares against. */
function servedBody(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').body.outerHTML;
  });
}
const liveBody = (page: Page) => page.evaluate(() => document.body.outerHTML);

describe('reading view on every HTML fixture', () => {
  it.each(htmlCasesWithId())('$name renders the expected pairs', async ({ name, expected }) => {
    const { page, errors } = await open(`${name.slice('html-'.length)}.html`);
    expect(await page.getAttribute('html', 'data-kvl-status')).toBe('lezer');
    const pairs = await page
      .locator('[data-kvl-view] [data-kvl-pair]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kvl-pair')));
    expect(pairs).toEqual(expected.pairs.map((p) => p.numbers.join(',')));
    // A document without answers shows no empty answer boxes.
    const answers = await page.locator('[data-kvl-view] details.kvl-answer').count();
    expect(answers).toBe(expected.pairs.filter((p) => p.answer !== null).length);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('reading view behaviour', () => {
  it('opens the pair holding a grouped question from a deep link', async () => {
    const { page } = await open(`${SAMPLE_ID}.html#vraag-6`);
    const pair = page.locator('[data-kvl-pair="5,6"]');
    await expect
      .poll(() => pair.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(true);
    const top = await pair.evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
    // and from a later hash change, to another pair
    await page.evaluate(() => {
      location.hash = '#vraag-2';
    });
    await expect
      .poll(() => page.locator('[data-kvl-pair="2"] details').evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(true);
    await page.close();
  });

  it('expands and collapses all answers', async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    const openCount = () =>
      page
        .locator('[data-kvl-view] details.kvl-answer')
        .evaluateAll((ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length);
    await page.click('[data-kvl-action="expand-all"]');
    expect(await openCount()).toBe(5);
    await page.click('[data-kvl-action="collapse-all"]');
    expect(await openCount()).toBe(0);
    await page.close();
  });

  it('turns references into links to the documents they name', async () => {
    const { page } = await open('ah-tk-20202021-876.html');
    expect(
      await page.locator('[data-kvl-view] a[data-kvl-ref="ah-tk-20192020-3975"]').count(),
    ).toBeGreaterThan(0);
    const { page: p2 } = await open(`${SAMPLE_ID}.html`);
    // The "Zie ook" document is in the related documents' navigator, a plain link labelled with its number.
    const related = p2.locator('[data-kvl-related="ah-tk-20232024-1137"] a');
    expect(await related.getAttribute('href')).toMatch(/\/ah-tk-20232024-1137\.html$/);
    expect(await related.textContent()).toMatch(/\s1137$/);
    await page.close();
    await p2.close();
  });

  it('switches to the original layout, restoring the DOM exactly, and back', async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    const served = await servedBody(page);
    expect(await liveBody(page)).not.toBe(served);
    await page.click('[data-kvl-view] [data-kvl-action="toggle-original"]');
    expect(await page.getAttribute('html', 'data-kvl-status')).toBe('origineel');
    expect(await liveBody(page)).toBe(served);
    // The choice is remembered for the next page.
    const { page: next } = await open('ah-tk-20232024-1314.html');
    expect(await next.getAttribute('html', 'data-kvl-status')).toBe('origineel');
    expect(await liveBody(next)).toBe(await servedBody(next));
    await next.close();
    // And back: the floating control (outside <body>) brings the reading view again.
    await page.click('kvl-floating [data-kvl-action="toggle-original"]');
    await page.waitForSelector('[data-kvl-view] [data-kvl-pair]');
    expect(await page.locator('[data-kvl-pair]').count()).toBe(5);
    await page.close();
  });

  it('lets find-in-page text fragments reach text inside a collapsed answer', async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    await page.click('[data-kvl-action="collapse-all"]');
    const text = await page.locator('[data-kvl-pair="2"] .kvl-answer-body').evaluate((el) => {
      const words = (el.textContent ?? '').trim().split(/\s+/).slice(0, 4);
      return words.join(' ');
    });
    // Chromium's find-in-page and text fragments open a closed <details> that holds the match ("auto-expand").
    await page.evaluate((t) => {
      location.hash = `:~:text=${encodeURIComponent(t)}`;
    }, text);
    await expect
      .poll(
        () => page.locator('[data-kvl-pair="2"] details').evaluate((d) => (d as HTMLDetailsElement).open),
        {
          timeout: 5000,
        },
      )
      .toBe(true);
    await page.close();
  });

  // (A shared text-fragment link on load: test/e2e/suites/fragment.ts, in both browsers.)

  it('takes a reader from a note back to where the text cites it, opening the answer that holds it', async () => {
    const { page } = await open('ah-tk-20172018-1547.html');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-kvl-complete'));
    await page.click('[data-kvl-action="collapse-all"]');
    await page.click('.kvl-notes .kvl-note:first-of-type [data-kvl-action="note-back"]');
    const at = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const r = a.getBoundingClientRect();
      return {
        href: a.getAttribute('href'),
        pair: a.closest('[data-kvl-pair]')?.getAttribute('data-kvl-pair'),
        open: (a.closest('details') as HTMLDetailsElement | null)?.open ?? null,
        inView: r.top >= 0 && r.bottom <= innerHeight,
      };
    });
    expect(at).toEqual({ href: '#ID-1547-d37e49', pair: '1', open: true, inView: true });
    await page.close();
  });

  it('moves between pairs with j/k and opens answers with o, but not while typing in a field', async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    const focusedPair = () =>
      page.evaluate(() => document.activeElement?.closest('[data-kvl-pair]')?.getAttribute('data-kvl-pair'));
    await page.keyboard.press('j');
    expect(await focusedPair()).toBe('1');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focusedPair()).toBe('3');
    await page.keyboard.press('k');
    expect(await focusedPair()).toBe('2');
    const pair2Open = () =>
      page.locator('[data-kvl-pair="2"] details').evaluate((d) => (d as HTMLDetailsElement).open);
    const before = await pair2Open();
    await page.keyboard.press('o');
    expect(await pair2Open()).toBe(!before);
    // typing in a field of the page sends no keys to the view
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'kvl-test-input';
      document.documentElement.appendChild(input);
      input.focus();
    });
    await page.keyboard.type('jjjo');
    expect(await page.inputValue('#kvl-test-input')).toBe('jjjo');
    expect(await pair2Open()).toBe(!before);
    await page.close();
  });

  it('shows a table of contents on long documents, closed, linking to every pair once opened', async () => {
    const { page } = await open('ah-tk-20172018-1547.html');
    const tocOpen = () =>
      page.locator('[data-kvl-view] .kvl-toc details').evaluate((d) => (d as HTMLDetailsElement).open);
    // Closed, one line above the first question; its entries are made when it is first opened.
    expect(await tocOpen()).toBe(false);
    expect(await page.locator('[data-kvl-view] .kvl-toc summary').textContent()).toMatch(/\(48\)$/);
    expect(await page.locator('[data-kvl-view] .kvl-toc a').count()).toBe(0);
    await page.click('[data-kvl-view] .kvl-toc summary');
    await page.waitForFunction(() => document.querySelectorAll('[data-kvl-view] .kvl-toc a').length === 48);
    const links = await page
      .locator('[data-kvl-view] .kvl-toc a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(48);
    expect(links[0]).toBe('#vraag-1');
    expect(links[47]).toBe('#vraag-48');
    // collapse-all leaves it alone (it closes answers only)
    expect(await tocOpen()).toBe(true);
    await page.click('[data-kvl-action="collapse-all"]');
    expect(await tocOpen()).toBe(true);
    await page.close();
  });

  it('shows what fills the first screen in the task that shows the view, and the rest right after', async () => {
    // What is on the page when the view says it is shown (data-kvl-ms): counted at the end of that task.
    const atShown = async (path: string) => {
      const page = await browser.context.newPage();
      await page.addInitScript(`
        new MutationObserver((records, observer) => {
          if (!document.documentElement.hasAttribute('data-kvl-ms')) return;
          observer.disconnect();
          window.__atShown = [
            document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length,
            document.querySelectorAll('[data-kvl-view] .kvl-toc li').length,
            document.querySelectorAll('[data-kvl-view] .kvl-notes .noot, [data-kvl-view] .kvl-notes .voet').length,
          ];
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-kvl-ms'] });
      `);
      await page.goto(siteUrl(path));
      await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer');
      const counts = async () => [
        await page.locator('[data-kvl-view] [data-kvl-pair]').count(),
        await page.locator('[data-kvl-view] .kvl-toc li').count(),
        await page.locator('[data-kvl-view] .kvl-notes .noot, [data-kvl-view] .kvl-notes .voet').count(),
      ];
      const result = {
        shown: await page.evaluate(() => (window as unknown as { __atShown: number[] }).__atShown),
        all: await counts(),
      };
      await page.close();
      return result;
    };
    // 48 pairs, contents closed (no entries until opened): the first 5 pairs, then all 48; its 13 footnotes, at the
    // end of the view, come in a task of their own too.
    expect(await atShown('ah-tk-20172018-1547.html')).toEqual({ shown: [5, 0, 0], all: [48, 0, 13] });
    // 7 pairs, no contents: the first 5 pairs, then all 7 and its 2 footnotes.
    expect(await atShown('ah-tk-20232024-878.html')).toEqual({ shown: [5, 0, 0], all: [7, 0, 2] });
  });

  it('prints every answer open and without the controls', async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    await page.click('[data-kvl-action="collapse-all"]');
    await page.emulateMedia({ media: 'print' });
    const hidden = await page
      .locator('[data-kvl-view] .kvl-controls')
      .evaluate((el) => getComputedStyle(el).display);
    expect(hidden).toBe('none');
    // beforeprint opens every answer; afterprint restores the reader's choice
    const state = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      const during = Array.from(document.querySelectorAll('[data-kvl-view] details.kvl-answer')).every(
        (d) => (d as HTMLDetailsElement).open,
      );
      window.dispatchEvent(new Event('afterprint'));
      const after = Array.from(document.querySelectorAll('[data-kvl-view] details.kvl-answer')).some(
        (d) => (d as HTMLDetailsElement).open,
      );
      return { during, after };
    });
    expect(state).toEqual({ during: true, after: false });
    await page.close();
  });

  it("keeps its styles to itself: the page's own elements outside the view look the same", async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    const styleOf = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('body > header, body > footer, table, h1, a'))
          .slice(0, 40)
          .map((el) => {
            const c = getComputedStyle(el);
            return [c.font, c.color, c.margin, c.display].join('|');
          }),
      );
    // the header and footer chrome of the site never enter the view
    const outside = await page.evaluate(
      () =>
        !!document.querySelector('body > header') && !document.querySelector('[data-kvl-view] body > header'),
    );
    expect(outside).toBe(true);
    const withView = (await styleOf()).slice(0, 6);
    await page.click('[data-kvl-view] [data-kvl-action="toggle-original"]');
    const original = (await styleOf()).slice(0, 6);
    expect(withView).toEqual(original);
    await page.click('kvl-floating [data-kvl-action="toggle-original"]');
    await page.waitForSelector('[data-kvl-view] [data-kvl-pair]');
    await page.close();
  });

  it('copies a deep link to a pair to the clipboard', async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    // Served over https, as the site is: the clipboard API is there (the reader's browser asks nothing for a write
    // made on a click; reading it back here needs the permission).
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl('').replace(/\/$/, '') });
    await page.click('[data-kvl-pair="5,6"] [data-kvl-action="copy-link"]');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`https://zoek.officielebekendmakingen.nl/${SAMPLE_ID}.html#vraag-5`);
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    for (const path of [`${SAMPLE_ID}.html`, 'ah-tk-20232024-1999.html', 'ah-tk-20172018-1547.html']) {
      const { page } = await open(path);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe;
        const result = await axe.run({ include: [['[data-kvl-view]']] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id);
      });
      expect(violations, path).toEqual([]);
      await page.close();
    }
  });

  it('leaves a page it cannot parse exactly as it was, with a notice outside the body and no errors', async () => {
    const { page, errors } = await open('ah-tk-20232024-2367-scrambled.html');
    expect(await page.getAttribute('html', 'data-kvl-status')).toBe('geen-paren');
    expect(await liveBody(page)).toBe(await servedBody(page));
    expect(await page.locator('kvl-floating [data-kvl-notice]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does nothing when the content script is injected a second time', async () => {
    const { page } = await open(`${SAMPLE_ID}.html`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const script = readFileSync(join(CHROME_BUILD_DIR, 'content-scripts', 'content.js'), 'utf8');
    const cdp = await browser.context.newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'kvl-second-injection',
    });
    // A world of its own has no extension API; the script needs only to see that it runs in an extension.
    const stub = 'globalThis.chrome = { runtime: { id: "kvl-second-injection" } };';
    const result = await cdp.send('Runtime.evaluate', {
      expression: stub + script,
      contextId: executionContextId,
    });
    expect(result.exceptionDetails).toBeUndefined();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('reads a long document in several tasks with its body hidden, shows its first pairs at once and adds the rest in later tasks; deep links still work', async () => {
    const id = 'ah-tk-20232024-99998';
    const file = join(mkdtempSync(join(tmpdir(), 'kvl-e2e-')), `${id}.html`);
    writeFileSync(file, syntheticPage(300, id));
    browser.server.route(`/${id}.html`, file);
    // Counts the pairs on the page when the view says it is shown (data-kvl-ms), i.e. at the end of that task; and
    // records whether the page was read over several tasks (data-kvl-bezig) with its body hidden meanwhile.
    const probe = `
      window.__shown = null;
      window.__reading = [];
      new MutationObserver((records, observer) => {
        const html = document.documentElement;
        if (html.hasAttribute('data-kvl-bezig')) {
          window.__reading.push(document.querySelector('div.stuk')?.hasAttribute('hidden') ?? null);
        }
        if (!html.hasAttribute('data-kvl-ms')) return;
        window.__shown = Array.from(document.querySelectorAll('[data-kvl-view] [data-kvl-pair]'), (p) => p.getAttribute('data-kvl-pair'));
        observer.disconnect();
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-kvl-ms', 'data-kvl-bezig'] });
    `;
    // Where the deep-linked pair is on the screen at every frame once the page has scrolled to it, until all is in.
    const frames = `
      window.__tops = [];
      const frame = () => {
        const pair = document.getElementById(location.hash.slice(1));
        if (pair && scrollY > 0) window.__tops.push(Math.round(pair.getBoundingClientRect().top));
        if (document.documentElement.dataset.kvlStatus !== 'lezer') requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    `;
    const load = async (hash: string) => {
      const page = await browser.context.newPage();
      const errors = collectExtensionErrors(page);
      await page.addInitScript(probe);
      await page.addInitScript(frames);
      await page.goto(siteUrl(`${id}.html${hash}`));
      await page.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer', null, {
        timeout: 20_000,
      });
      const pairs = await page
        .locator('[data-kvl-view] [data-kvl-pair]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kvl-pair')));
      const { shown, reading } = await page.evaluate(() => {
        const w = window as unknown as { __shown: string[] | null; __reading: (boolean | null)[] };
        return { shown: w.__shown, reading: w.__reading };
      });
      expect(await page.getAttribute('html', 'data-kvl-bezig')).toBeNull();
      return { page, errors, pairs, shown, reading };
    };
    const all = Array.from({ length: 300 }, (_, i) => String(i + 1));

    const plain = await load('');
    expect(plain.reading).toEqual([true]);
    // the bench's hook: the extension's own longest task on the page
    expect(Number(await plain.page.getAttribute('html', 'data-kvl-task-ms'))).toBeGreaterThan(0);
    expect(plain.shown).toEqual(all.slice(0, 5)); // a long document (over 60 pairs) shows 5 pairs at first (as do short ones)
    expect(plain.pairs).toEqual(all);
    expect(plain.errors).toEqual([]);
    // The contents of 300 pairs start closed, with no entries rendered until opened; then every entry comes, in order.
    const toc = plain.page.locator('[data-kvl-view] .kvl-toc');
    expect(await toc.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await toc.locator('a').count()).toBe(0);
    await toc.locator('summary').click();
    await plain.page.waitForFunction(
      () => document.querySelectorAll('[data-kvl-view] .kvl-toc a').length === 300,
      null,
      { timeout: 10_000 },
    );
    expect(
      await toc.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')).slice(0, 3)),
    ).toEqual(['#vraag-1', '#vraag-2', '#vraag-3']);
    expect(await toc.locator('a').last().getAttribute('href')).toBe('#vraag-300');
    await plain.page.close();

    // A deep link far down: its pair and the four after it come with the first five, not the 245 pairs between
    // (a long task); those follow in later chunks. The pair is open and scrolled to, and stays in view meanwhile.
    const deep = await load('#vraag-250');
    expect(deep.shown).toEqual([...all.slice(0, 5), ...all.slice(249, 254)]);
    expect(deep.pairs).toEqual(all);
    expect(
      await deep.page.locator('#vraag-250 details').evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
    const top = await deep.page.locator('#vraag-250').evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(5);
    // It did not slide down as the 245 pairs above it came in (each chunk would push it down by thousands of px).
    const tops = await deep.page.evaluate(() => (window as unknown as { __tops: number[] }).__tops);
    expect(tops.length).toBeGreaterThan(3);
    expect(Math.max(...tops.map((t) => Math.abs(t)))).toBeLessThan(50);
    await deep.page.close();

    // Back to the original layout while later chunks are still to come: the page is exactly as served.
    const early = await browser.context.newPage();
    const earlyErrors = collectExtensionErrors(early);
    // (A real click, as soon as the view is shown: a page script's click() would be ignored. How many pairs were in
    // at that moment is noted in the capture phase, before the view handles it.)
    await early.addInitScript(`
      document.addEventListener('click', () => {
        window.__pairsAtSwitch ??= document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length;
      }, true);
    `);
    // A document of 1,000 pairs: still filling in when the click arrives.
    const longer = 'ah-tk-20232024-99996';
    const longerFile = join(mkdtempSync(join(tmpdir(), 'kvl-e2e-')), `${longer}.html`);
    writeFileSync(longerFile, syntheticPage(1000, longer));
    browser.server.route(`/${longer}.html`, longerFile);
    await early.goto(siteUrl(`${longer}.html`), { waitUntil: 'commit' });
    await early.waitForFunction(() => document.documentElement.hasAttribute('data-kvl-ms'), null, {
      timeout: 20_000,
      polling: 'raf',
    });
    await early.click('[data-kvl-view] [data-kvl-action="toggle-original"]');
    await early.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'origineel', null, {
      timeout: 20_000,
    });
    expect(
      await early.evaluate(() => (window as unknown as { __pairsAtSwitch: number }).__pairsAtSwitch),
    ).toBeLessThan(1000);
    await early.waitForTimeout(300); // any chunk that was still due would have come by now
    expect(await liveBody(early)).toBe(await servedBody(early));
    expect(await early.locator('[data-kvl-view]').count()).toBe(0);
    // the choice is remembered: back to the reading view for the tests that follow
    await early.click('kvl-floating [data-kvl-action="toggle-original"]');
    await early.waitForFunction(() => document.documentElement.dataset.kvlStatus === 'lezer', null, {
      timeout: 20_000,
    });
    expect(earlyErrors).toEqual([]);
    await early.close();
  });

  it("takes its interface texts from the background's stored copy when it is current, else asks the background", async () => {
    type Tables = { version: string; tables: Record<'nl' | 'en', Record<string, string>> };
    type Local = {
      get(k: string): Promise<Record<string, unknown>>;
      set(v: Record<string, unknown>): Promise<void>;
    };
    const sw = browser.serviceWorker;
    const get = () =>
      sw.evaluate(async () => {
        const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage
          .local;
        return ((await local.get('kvl-messages'))['kvl-messages'] ?? null) as Tables | null;
      });
    const put = (table: unknown) =>
      sw.evaluate((value) => {
        const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage
          .local;
        return local.set({ 'kvl-messages': value });
      }, table);
    // What the extension says in Dutch (its messages as packaged), and what the browser itself says (English here)
    const dutch = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'public/_locales/nl/messages.json'), 'utf8')) as Record<
        string,
        { message: string }
      >
    ).expandAll.message;
    const browserSays = await sw.evaluate(() =>
      (
        globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }
      ).chrome.i18n.getMessage('expandAll'),
    );
    expect(browserSays).not.toBe(dutch);
    // The background writes the copy, both languages, when it starts.
    await expect.poll(get).not.toBeNull();
    const stored = (await get()) as Tables;
    expect(stored.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(stored.tables.nl).length).toBeGreaterThan(50);
    expect(Object.keys(stored.tables.en).sort()).toEqual(Object.keys(stored.tables.nl).sort());
    const expandLabel = async () => {
      const { page } = await open(`${SAMPLE_ID}.html`);
      const text = await page.locator('[data-kvl-action="expand-all"]').textContent();
      await page.close();
      return text;
    };
    const marked = {
      nl: { ...stored.tables.nl, expandAll: 'Uitklappen (kopie)' },
      en: { ...stored.tables.en, expandAll: 'Expand (copy)' },
    };
    try {
      // the Dutch table on a Dutch page, by default
      await put({ ...stored, tables: marked });
      expect(await expandLabel()).toBe('Uitklappen (kopie)');
      // made for another version of the extension: not used; the background's own (Dutch), not the browser's
      await put({ ...stored, version: '0.0.0', tables: marked });
      expect(await expandLabel()).toBe(dutch);
      // the shape earlier versions stored (the browser language's table alone): not used either
      await put({ version: stored.version, language: 'en-US', messages: marked.en });
      expect(await expandLabel()).toBe(dutch);
    } finally {
      await put(stored);
    }
  });
});
