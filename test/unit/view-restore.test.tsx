// The reading view gives the page back exactly: mounted on a real page of the site (every HTML fixture page, the
// related answers' pages, a long synthetic one), used (a pair opened, expand and collapse all, the keys, the
// contents, "compare answers", a deep link), and unmounted, the document is the one the site delivered, byte for
// byte, made of the very same nodes; all the view leaves is its timing mark on <html> (utils/timing.ts, for the bench).
// Also through the reader's own way back ("Oorspronkelijke weergave") and forth, twice, which only the reader's own
// (trusted) click works.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PARSE_OPTIONS } from '../../entrypoints/content/long-page';
import { startReader } from '../../entrypoints/content/reader';
import { mountReadingView } from '../../entrypoints/content/view';
import { syntheticPage } from '../../scripts/bench/synthetic';
import { buildRelatedFixtures } from '../../scripts/fixtures/make-related-fixtures';
import { findBodyRoot, type HtmlParse, parseHtmlDocument } from '../../utils/kamervraag/html';
import { catchWarnings, resetBrowser } from '../support/browser-env';
import { fixtureCases, readSource } from '../support/fixtures';
import { loadSitePage, sitePart } from '../support/site-page';

const SITE = 'https://zoek.officielebekendmakingen.nl';
const LONG_ID = 'ah-tk-20232024-99999';
const related = buildRelatedFixtures();

interface Page {
  name: string;
  id: string;
  source: string;
}

const PAGES: Page[] = [
  ...fixtureCases('html-').map((c) => ({
    name: c.name,
    id: c.expected.id ?? c.name.replace(/^html-/, ''),
    source: readSource(c.source),
  })),
  // (ah-tk-20232024-1063, the hostile one, loses half its body in happy-dom's parser: test/fixtures/related/README.md)
  ...Object.entries(related)
    .filter(([file]) => file !== 'ah-tk-20232024-1063.html')
    .map(([file, source]) => ({ name: `related/${file}`, id: file.replace(/\.html$/, ''), source })),
  { name: 'a long synthetic page (400 pairs)', id: LONG_ID, source: syntheticPage(400, LONG_ID) },
];
const page = (name: string) => PAGES.find((p) => p.name === name) as Page;

/** Every node of `root` in document order (text and comments too), by identity. */
function nodesOf(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(root);
  return out;
}

/** What the view may leave on <html>: the longest task it ran (utils/timing.ts) */
const TIMING = 'data-kvl-task-ms';

/** The document as text: <html>'s attributes but the timing mark, its head and body byte for byte. */
function documentText(): string {
  const html = document.documentElement;
  const attributes = Array.from(html.attributes).filter((a) => a.name !== TIMING);
  return [
    `<html ${attributes.map((a) => `${a.name}="${a.value}"`).join(' ')}>`,
    ...Array.from(html.childNodes).map((n) => (n as Element).outerHTML ?? n.textContent),
  ].join('\n');
}

/** Whether `after` holds the very nodes of `before`, in the same places (toEqual would compare them as values). */
function sameNodes(before: Node[], after: Node[]): string | null {
  if (before.length !== after.length) return `${before.length} nodes before, ${after.length} after`;
  const i = before.findIndex((n, j) => n !== after[j]);
  return i < 0 ? null : `node ${i} (${before[i].nodeName}) is another node now`;
}

/** The page as the content script reads it */
const parse = (): HtmlParse =>
  parseHtmlDocument(document, location.href, findBodyRoot(document), PARSE_OPTIONS);

/** The site, for "compare answers" and the navigator: the related answers' pages, and 404 for any other. */
function serveSite() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const body = related[url.slice(`${SITE}/`.length)];
      const res = body
        ? new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } })
        : new Response('', { status: 404 });
      Object.defineProperty(res, 'url', { value: url });
      return res;
    }),
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const key = (k: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
/** A click as the reader makes it (a page script's `click()` is not trusted) */
function trustedClick(el: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

/** What a reader does in the view: every control that changes it. */
async function use(view: HTMLElement): Promise<void> {
  const $ = <E extends Element>(sel: string) => view.querySelector<E>(sel);
  const toc = $<HTMLDetailsElement>('.kvl-toc details');
  if (toc && !toc.open) {
    toc.open = true;
    toc.dispatchEvent(new Event('toggle'));
    await vi.waitFor(() =>
      expect(toc.querySelectorAll('li').length).toBe(view.querySelectorAll('.kvl-pair').length),
    );
  }
  const answer = $<HTMLDetailsElement>('details.kvl-answer');
  if (answer) answer.open = true;
  $<HTMLButtonElement>('[data-kvl-action="expand-all"]')?.click();
  $<HTMLButtonElement>('[data-kvl-action="collapse-all"]')?.click();
  for (const k of ['j', 'j', 'o', 'k', 'e']) key(k);
  const compare = $<HTMLButtonElement>('[data-kvl-action="compare"]');
  if (compare) {
    compare.click();
    await vi.waitFor(
      () => {
        expect(view.querySelector('.kvl-compare')).not.toBeNull();
        expect(view.querySelector('.kvl-compare [data-kvl-state="loading"]')).toBeNull();
      },
      { timeout: 5000, interval: 10 },
    );
  }
  await settle();
}

let warned: unknown[][];
beforeEach(() => {
  resetBrowser();
  // The background, which takes the related facts a page fetched
  fakeBrowser.runtime.onMessage.addListener(() => undefined);
  serveSite();
  warned = catchWarnings();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the reading view, mounted, used and unmounted, gives the page back exactly', () => {
  it('has the pages: every HTML fixture case, the related answers but the hostile one, a long page', () => {
    expect(PAGES.filter((p) => p.name.startsWith('html-')).length).toBeGreaterThanOrEqual(18);
    expect(
      PAGES.filter((p) => p.name.startsWith('related/'))
        .map((p) => p.id)
        .sort(),
    ).toEqual([
      'ah-tk-20232024-1047',
      'ah-tk-20232024-1059',
      'ah-tk-20232024-1060',
      'ah-tk-20232024-1064',
      'kv-tk-2024Z01722',
    ]);
  });

  const runs: [string, Page, string][] = [
    ...PAGES.map((p): [string, Page, string] => [p.name, p, '']),
    ['html-ah-tk-20172018-1547, deep-linked far down', page('html-ah-tk-20172018-1547'), '#vraag-40'],
    ['the long page, deep-linked far down', page('a long synthetic page (400 pairs)'), '#vraag-300'],
    ['related/kv-tk-2024Z01722.html, deep-linked', page('related/kv-tk-2024Z01722.html'), '#vraag-6'],
  ];
  it.each(runs)('%s', async (_name, { id, source }, hash) => {
    loadSitePage(source, id, hash);
    const html = document.documentElement;
    const before = documentText();
    expect(before).toContain('<body');
    const nodes = nodesOf(html);
    const children = Array.from(document.body.children);
    const parsed = parse();
    const pairs = parsed.document.pairs.length;
    expect(pairs).toBeGreaterThan(0);
    let failure: unknown = null;
    let rendered = false;
    const mounted = mountReadingView(parsed, {
      openByDefault: false,
      onShowOriginal: () => {},
      onOpenByDefault: () => {},
      onShown: () => {},
      onRendered: () => {
        rendered = true;
      },
      onError: (err) => {
        failure = err;
      },
    });
    const view = mounted.element;
    await vi.waitFor(() => expect(rendered || failure).toBeTruthy(), { timeout: 8000, interval: 5 });
    expect(failure).toBeNull();
    // The view is there, made of the page's own nodes, and the original is hidden: the page did change.
    expect(view.isConnected).toBe(true);
    expect(view.querySelectorAll('.kvl-pair')).toHaveLength(pairs);
    expect(parsed.root?.hasAttribute('hidden')).toBe(true);
    expect(nodes.filter((n) => view.contains(n)).length).toBeGreaterThan(pairs);
    if (hash) {
      // the deep-linked pair is open (a kv page's pairs have no answer to open)
      const target = () => view.querySelector(hash)?.closest('.kvl-pair')?.querySelector('details') ?? null;
      await vi.waitFor(() => expect(target()?.open ?? view.querySelector(hash)).toBeTruthy());
    }
    await use(view);
    // "compare answers" showed what the site served (a related document this test serves, not only failures)
    if (parsed.document.related.some((r) => r.id !== 'ah-tk-20232024-1063' && `${r.id}.html` in related))
      expect(
        view.querySelector('.kvl-compare [data-kvl-state]:not([data-kvl-state="failed"])'),
      ).not.toBeNull();
    expect(documentText()).not.toBe(before);

    mounted.unmount();
    expect(documentText()).toBe(before);
    expect(sameNodes(nodes, nodesOf(html))).toBeNull();
    expect(sameNodes(children, Array.from(document.body.children))).toBeNull();
    // nothing left running: a key or a late task changes nothing now
    for (const k of ['j', 'o', 'e']) key(k);
    await settle();
    expect(documentText()).toBe(before);
    expect(warned).toEqual([]);
  });
});

describe("the reader's way back to the original layout and forth again", () => {
  it.each(PAGES.map((p) => [p.name, p] as const))('%s', async (_name, { id, source }) => {
    const original = loadSitePage(source, id);
    const nodes = () => [...nodesOf(document.head), ...nodesOf(document.body)];
    const before = nodes();
    let complete = false;
    const reader = startReader(parse(), {
      mode: 'lezer',
      open: false,
      started: performance.now(),
      onComplete: () => {
        complete = true;
      },
    });
    const html = document.documentElement;
    const shown = () =>
      vi.waitFor(() => expect(html.dataset.kvlStatus).toBe('lezer'), { timeout: 8000, interval: 5 });
    await shown();
    expect(complete).toBe(true);
    for (let round = 1; round <= 2; round++) {
      const view = document.querySelector('[data-kvl-view]') as HTMLElement;
      const pairs = view.querySelectorAll('.kvl-pair').length;
      await use(view);
      const toOriginal = view.querySelector('[data-kvl-action="toggle-original"]') as HTMLButtonElement;
      // A page script's click does nothing.
      toOriginal.click();
      expect(view.isConnected).toBe(true);
      trustedClick(toOriginal);
      expect(html.dataset.kvlStatus).toBe('origineel');
      expect(document.querySelector('[data-kvl-view]')).toBeNull();
      expect(sitePart()).toBe(original);
      expect(sameNodes(before, nodes())).toBeNull();
      expect((await fakeBrowser.storage.local.get('viewMode')).viewMode).toBe('origineel');
      // And back to the view, from the button outside the page's body.
      const toReader = document
        .querySelector('kvl-floating')
        ?.shadowRoot?.querySelector('[data-kvl-action="toggle-original"]') as HTMLButtonElement;
      toReader.click();
      expect(document.querySelector('[data-kvl-view]')).toBeNull();
      html.dataset.kvlStatus = '';
      trustedClick(toReader);
      await shown();
      expect(document.querySelector('kvl-floating')).toBeNull();
      expect(document.querySelectorAll('[data-kvl-view] .kvl-pair')).toHaveLength(pairs);
      expect((await fakeBrowser.storage.local.get('viewMode')).viewMode).toBe('lezer');
    }
    reader.putBack();
    expect(sitePart()).toBe(original);
    expect(warned).toEqual([]);
  });
});
