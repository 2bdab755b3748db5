// The content script's plan (entrypoints/content/page-plan.ts) on real pages in happy-dom: every step after the first
// can fail, and whichever does, the page ends exactly as the site delivered it, with one notice, the failed step named
// and <html data-kvl-complete>. Without a failure the plan ends complete with the view filled in, on a short real
// document and on a long synthetic one (read over several tasks).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pagePlan, type Settings, type SettingsSource } from '../../entrypoints/content/page-plan';
import { syntheticPage } from '../../scripts/bench/synthetic';
import { runPlan } from '../../utils/reading-view/plan';
import { catchWarnings, resetBrowser } from '../support/browser-env';
import { caseSource } from '../support/fixtures';
import { loadSitePage, sitePart } from '../support/site-page';

const ID = 'ah-tk-20172018-1547';
const LONG_ID = 'ah-tk-20232024-99999';
const SHORT = caseSource(`html-${ID}`);
const LONG = syntheticPage(400, LONG_ID);
const SETTINGS: Settings = { mode: 'lezer', open: false, language: 'pagina', messages: null };

const loadPage = loadSitePage;

/** Runs the page's plan (step `failing` made to throw) until <html data-kvl-complete>. */
async function run(
  failing = '',
  settings: SettingsSource = { value: SETTINGS, promise: Promise.resolve(SETTINGS) },
) {
  const { steps, hooks } = pagePlan(settings, () => {});
  const names = steps.map((s) => s.name);
  const step = steps.find((s) => s.name === failing);
  if (step) {
    const real = step.run;
    let calls = 0;
    // a long page's parse (run again for every slice) fails on its second slice, half way through the page
    const failOn = failing === 'parse' && document.documentElement.outerHTML.includes(LONG_ID) ? 2 : 1;
    step.run = () => {
      calls++;
      if (calls === failOn) throw new Error(`step ${failing} failed (test)`);
      return real();
    };
  }
  runPlan(steps, hooks);
  await vi.waitFor(() => expect(document.documentElement.hasAttribute('data-kvl-complete')).toBe(true), {
    timeout: 8000,
    interval: 5,
  });
  // any task still due would have run by now
  await new Promise((resolve) => setTimeout(resolve, 50));
  return names;
}

let warned: unknown[][];
beforeEach(() => {
  // (the show step asks the browser for the manifest and its language)
  resetBrowser();
  warned = catchWarnings();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the content script's plan", () => {
  it('names its steps in order', async () => {
    loadPage(SHORT, ID);
    expect(await run()).toEqual(['detect', 'parse', 'status', 'sort', 'settings', 'show', 'fill']);
  });

  it.each([
    ['a short real document', SHORT, ID, 48],
    ['a long document, read over several tasks with its body hidden', LONG, LONG_ID, 400],
  ])('ends complete on %s, every pair in', async (_name, source, id, pairs) => {
    loadPage(source, id);
    await run();
    const html = document.documentElement;
    expect(warned.map((w) => String(w[1]))).toEqual([]);
    expect(html.dataset.kvlStatus).toBe('lezer');
    expect(html.dataset.kvl).toBe(id);
    expect(document.querySelectorAll('[data-kvl-view] [data-kvl-pair]')).toHaveLength(pairs);
    expect(html.hasAttribute('data-kvl-bezig')).toBe(false);
    for (const attr of ['kvlParseMs', 'kvlMs', 'kvlCompleteMs'] as const)
      expect(html.dataset[attr]).toMatch(/^\d+\.\d+$/);
    expect(warned).toEqual([]);
  });

  // Issue 16: a pair is named by its label and question (not its buttons); a closed answer shows its first words
  // (drawn by CSS from data-kvl-preview, so find and text fragments see the answer once); its heading is a heading,
  // outside the summary.
  it('names each pair by its label and question, previews its answer, and keeps the answer heading a heading', async () => {
    loadPage(SHORT, ID);
    await run();
    const pair = document.querySelector<HTMLElement>('[data-kvl-view] [data-kvl-pair="1"]') as HTMLElement;
    const [label, question] = (pair.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id));
    expect(label?.textContent?.trim()).toBe('Vraag 1');
    expect(question?.classList.contains('kvl-question')).toBe(true);
    expect(question?.textContent).toContain('Herinnert u zich dat ik in de Kamer in de zaak van de tipgever');
    expect(label?.closest('.kvl-tools')).toBeNull();
    const summary = pair.querySelector('details.kvl-answer > summary') as HTMLElement;
    expect(summary.dataset.kvlPreview).toBe(
      'Ik ben mij er van bewust dat het lid Omtzigt in de loop van de tijd veel vragen heeft gesteld over het tipgeversdossier zwartspaarders. De vragen worden vooral…',
    );
    expect(summary.querySelector('h1, h2, h3, h4, [role="heading"]')).toBeNull();
    expect(pair.querySelector('details.kvl-answer > .kvl-answer-label')?.textContent?.trim()).toBe(
      'Antwoord 1',
    );
  });

  it('folds the header as published away where the card states its facts, one click from view', async () => {
    loadPage(caseSource('html-ah-tk-20232024-1481'), 'ah-tk-20232024-1481');
    await run();
    const fold = document.querySelector(
      '[data-kvl-view] details.kvl-omschrijving-fold',
    ) as HTMLDetailsElement;
    expect(fold.open).toBe(false);
    expect(fold.querySelector('summary')?.textContent).toBe('Omschrijving zoals gepubliceerd');
    expect(fold.querySelector('.kvl-omschrijving')?.textContent).toContain(
      'Vragen van het lid Koekkoek (Volt)',
    );
    // The card says it once: subject and asker.
    expect(document.querySelector('[data-kvl-view] .kvl-subject')?.textContent).toBe(
      'de (toegang tot) zorg voor ongedocumenteerde personen op Aruba, Sint-Maarten en Curaçao',
    );
    expect(document.querySelector('[data-kvl-fact="asker"]')?.textContent).toBe('Koekkoek (Volt)');
  });

  it.each([
    ['ah-tk-20192020-2197', '5,6', 'Vraag 5, 6', 'Bent u het ermee eens'],
    ['ah-tk-20232024-2367', '7,8,9,10,11', 'Vraag 7, 8, 9 10 en 11', 'Wat gaat u, samen met'],
  ])(
    '%s: the grouped heading once, in the page’s own words, as the pair’s heading',
    async (id, pair, head, question) => {
      loadPage(caseSource(`html-${id}`), id);
      await run();
      const el = document.querySelector(`[data-kvl-view] [data-kvl-pair="${pair}"]`) as HTMLElement;
      expect(el.querySelector('.kvl-label')?.textContent?.trim()).toBe(head);
      expect(el.querySelector('.kvl-question')?.textContent?.trim().startsWith(question)).toBe(true);
      expect(el.textContent?.split(head)).toHaveLength(2);
    },
  );

  it('gives the notes a heading and each a way back to where the text cites it', async () => {
    loadPage(SHORT, ID);
    await run();
    const notes = document.querySelector('[data-kvl-view] section.kvl-notes') as HTMLElement;
    expect(notes.querySelector('h2')?.textContent).toBe('Noten');
    expect(notes.querySelectorAll('.kvl-note')).toHaveLength(13);
    expect(notes.querySelectorAll('.kvl-note [data-kvl-action="note-back"]')).toHaveLength(13);
    const first = notes.querySelector('[data-kvl-action="note-back"]') as HTMLButtonElement;
    first.click();
    // The scroll and the focus come after the view has seen the answer open (a microtask later).
    await Promise.resolve();
    const cited = document.activeElement as HTMLAnchorElement;
    expect(cited.getAttribute('href')).toBe('#ID-1547-d37e49');
    expect(cited.closest('[data-kvl-pair]')?.getAttribute('data-kvl-pair')).toBe('1');
  });

  it('waits for settings that are not in yet, and says how long', async () => {
    loadPage(SHORT, ID);
    let give: (s: Settings) => void = () => {};
    const settings: SettingsSource = { value: null, promise: new Promise((r) => (give = r)) };
    let shownBefore: boolean | null = null;
    setTimeout(() => {
      shownBefore = document.querySelector('[data-kvl-view]') !== null;
      settings.value = SETTINGS;
      give(SETTINGS);
    }, 30);
    await run('', settings);
    expect(shownBefore).toBe(false);
    expect(document.documentElement.dataset.kvlStatus).toBe('lezer');
    expect(document.documentElement.dataset.kvlWaitMs).toMatch(/^\d+\.\d+$/);
  });

  describe.each([
    ['a short real document', SHORT, ID],
    ['a long document', LONG, LONG_ID],
  ])(
    'on %s, a step that fails leaves the page exactly as delivered, with one notice',
    (_name, source, id) => {
      it.each(['parse', 'status', 'sort', 'settings', 'show', 'fill'])('%s', async (step) => {
        const original = loadPage(source, id);
        await run(step);
        const html = document.documentElement;
        expect(sitePart()).toBe(original);
        expect(html.dataset.kvlStatus).toBe('fout');
        expect(html.dataset.kvlFailed).toBe(step);
        expect(document.querySelector('[data-kvl-view]')).toBeNull();
        const notices = document.querySelectorAll('kvl-floating');
        expect(notices).toHaveLength(1);
        expect(
          notices[0].shadowRoot?.querySelector('[data-kvl-notice]')?.getAttribute('data-kvl-notice'),
        ).toBe('viewFailed');
        expect(warned).toHaveLength(1);
        expect(String(warned[0][1])).toContain(`step ${step} failed (test)`);
      });
    },
  );

  it('the first step only looks: when it fails the plan throws to the content script, the page untouched', () => {
    const original = loadPage(SHORT, ID);
    const { steps, hooks } = pagePlan({ value: SETTINGS, promise: Promise.resolve(SETTINGS) }, () => {});
    steps[0].run = () => {
      throw new Error('detect failed (test)');
    };
    expect(() => runPlan(steps, hooks)).toThrow('detect failed (test)');
    expect(document.documentElement.outerHTML).toBe(original);
  });
});
