// Every step of building the view is guarded: whichever one throws (sorting the page's nodes, linking references in
// the first task or a later one, rendering the first pairs or a later chunk, opening a deep link), the page ends
// exactly as the site delivered it, with one notice and the error in the extension's console. On a real document
// (html-ah-tk-20172018-1547: 48 pairs, footnotes), in happy-dom.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReader } from '../../entrypoints/content/reader';
import { findBodyRoot, parseHtmlDocument } from '../../utils/kamervraag/html';
import { catchWarnings } from '../support/browser-env';
import { caseSource } from '../support/fixtures';
import { loadSitePage, sitePart } from '../support/site-page';

const ctl = vi.hoisted(() => ({
  failAt: '',
  /** After the task that shows the view: a later step */
  shown: () => document.documentElement.hasAttribute('data-kvl-ms'),
  fail(step: string, later: boolean) {
    if (this.failAt === step && this.shown() === later) throw new Error(`step ${step} failed (test)`);
  },
}));

vi.mock('../../utils/reading-view/sort-nodes', async (original) => {
  const m = await original<typeof import('../../utils/reading-view/sort-nodes')>();
  return {
    ...m,
    sortNodes: (...args: Parameters<typeof m.sortNodes>) => {
      ctl.fail('sort', false);
      return m.sortNodes(...args);
    },
  };
});
vi.mock('../../utils/reading-view/links', async (original) => {
  const m = await original<typeof import('../../utils/reading-view/links')>();
  return {
    ...m,
    linkReferences: (...args: Parameters<typeof m.linkReferences>) => {
      ctl.fail('link', false);
      ctl.fail('link later', true);
      return m.linkReferences(...args);
    },
  };
});
vi.mock('../../components/page/fill', async (original) => {
  const m = await original<typeof import('../../components/page/fill')>();
  return {
    ...m,
    fill: (nodes: Node[]) => {
      const ref = m.fill(nodes);
      return (el: HTMLElement | null) => {
        if (el) {
          ctl.fail('render', false);
          ctl.fail('render later', true);
        }
        ref(el);
      };
    },
  };
});
vi.mock('../../utils/reading-view/deep-link', async (original) => {
  const m = await original<typeof import('../../utils/reading-view/deep-link')>();
  return {
    ...m,
    openHash: (...args: Parameters<typeof m.openHash>) => {
      ctl.fail('deep link', true);
      return m.openHash(...args);
    },
  };
});

const ID = 'ah-tk-20172018-1547';
const SOURCE = caseSource(`html-${ID}`);

const loadPage = (hash = '') => loadSitePage(SOURCE, ID, hash);

/** Reads and shows the page as the content script does, then waits until the view is complete or has failed. */
async function show(): Promise<string> {
  const parsed = parseHtmlDocument(document, location.href, findBodyRoot(document), { references: false });
  startReader(parsed, { mode: 'lezer', open: false, started: performance.now() });
  await vi.waitFor(() => expect(['lezer', 'fout']).toContain(document.documentElement.dataset.kvlStatus), {
    timeout: 5000,
    interval: 5,
  });
  // any task still due would have run by now
  await new Promise((resolve) => setTimeout(resolve, 50));
  return document.documentElement.dataset.kvlStatus ?? '';
}

let warned: unknown[][];
beforeEach(() => {
  ctl.failAt = '';
  warned = catchWarnings();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('every step of building the view is guarded', () => {
  it('without a failure the view is complete (the harness works)', async () => {
    loadPage();
    expect(await show()).toBe('lezer');
    expect(document.querySelectorAll('[data-kvl-view] [data-kvl-pair]')).toHaveLength(48);
    expect(warned).toEqual([]);
  });

  it.each([
    ['sort', ''],
    ['link', ''],
    ['render', ''],
    ['link later', ''],
    ['render later', ''],
    ['deep link', '#vraag-40'],
  ])('%s throws: the page is exactly as delivered, with one notice', async (step, hash) => {
    const original = loadPage(hash);
    ctl.failAt = step;
    expect(await show()).toBe('fout');
    expect(sitePart()).toBe(original);
    expect(document.querySelector('[data-kvl-view]')).toBeNull();
    const notices = document.querySelectorAll('kvl-floating');
    expect(notices).toHaveLength(1);
    expect(notices[0].shadowRoot?.querySelector('[data-kvl-notice]')?.getAttribute('data-kvl-notice')).toBe(
      'viewFailed',
    );
    expect(warned).toHaveLength(1);
    expect(String(warned[0][1])).toContain(`step ${step} failed (test)`);
  });

  it('a stack overflow (a document nested too deeply) says so in words', async () => {
    loadPage();
    const overflow = new RangeError('Maximum call stack size exceeded');
    const { showFailure } = await import('../../entrypoints/content/reader');
    showFailure(overflow);
    const notice = document.querySelector('kvl-floating')?.shadowRoot?.querySelector('[data-kvl-notice]');
    expect(notice?.getAttribute('data-kvl-notice')).toBe('tooDeep');
    expect(notice?.textContent).toContain('te diep genest om te herschikken');
    expect(notice?.textContent).not.toContain('Maximum call stack');
  });
});
