// Related answers end to end: the navigator, "compare answers", next/previous, the cache, a kv page's answers, and
// siblings that fail or attack. The set is test/fixtures/related/ (the seed answer 1064 and synthetic siblings).
import { beforeAll, describe, expect, it } from 'vitest';
import { hugeSiblingHtml, kvWithout } from '../../../scripts/fixtures/make-related-fixtures';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { siteUrl } from '../support/extension';

const ID = (n: number) => `ah-tk-20232024-${n}`;
const SEED = ID(1064);
const KV = 'kv-tk-2024Z01722';

interface Entry {
  id: string;
  kind: string | null;
  state: string;
  reason: string | null;
  current: boolean;
  link: string;
  who: string | null;
  date: string | null;
}

// Read by structure, not by the interface's words: the browser's language decides those ("nr." or "no.").
const ENTRIES = `Array.from(document.querySelectorAll('[data-kvl-view] [data-kvl-related]')).map((li) => ({
  id: li.getAttribute('data-kvl-related'),
  kind: li.getAttribute('data-kvl-kind'),
  state: li.getAttribute('data-kvl-state'),
  reason: li.getAttribute('data-kvl-reason'),
  current: li.getAttribute('aria-current') === 'page',
  link: li.querySelector('a').textContent,
  who: li.querySelector('.kvl-who')?.textContent ?? null,
  date: li.querySelector('.kvl-date')?.textContent ?? null,
}))`;

interface Item {
  heading: string;
  label: string;
  joint: boolean;
  answer: string;
  link: string;
}
interface Shown {
  id: string;
  state: string;
  reason: string | null;
  text: string;
  items: Item[];
}

/** What compare shows under the pair holding question `q`: per related document its state, and its answers. */
const SHOWN = (
  q: number,
) => `Array.from(Array.from(document.querySelectorAll('[data-kvl-view] [data-kvl-pair]'))
  .find((p) => p.getAttribute('data-kvl-pair').split(',').includes('${q}'))
  .querySelectorAll('[data-kvl-compare]')).map((el) => ({
    id: el.getAttribute('data-kvl-compare'),
    state: el.getAttribute('data-kvl-state'),
    reason: el.getAttribute('data-kvl-reason'),
    text: el.textContent,
    items: Array.from(el.querySelectorAll('.kvl-compare-item')).map((item) => ({
      heading: item.querySelector('h3 a').textContent,
      label: item.querySelector('.kvl-compare-label').textContent,
      joint: item.hasAttribute('data-kvl-joint'),
      answer: Array.from(item.querySelectorAll(':scope > p')).map((p) => p.textContent).join('\\n'),
      link: item.querySelector('h3 a').getAttribute('href'),
    })),
  }))`;

const pairSelector = (numbers: string) => `[data-kvl-view] [data-kvl-pair="${numbers}"]`;

export function relatedSuite(driver: () => BrowserDriver): void {
  describe('related answers: navigator, compare, next/previous, cache', () => {
    beforeAll(() => {
      // 1061 is not there (404); 1062 never answers.
      driver().server.hang(`/${ID(1062)}.html`);
    });

    async function open(path: string, height = 900): Promise<PageDriver> {
      const page = await driver().newPage();
      await page.setViewport(1280, height);
      await page.goto(siteUrl(path));
      await page.waitFor(`document.documentElement.dataset.kvlStatus === 'lezer'`);
      return page;
    }
    const settled = (ids: number[]) =>
      `(${ENTRIES}).filter((e) => [${ids.map((n) => `'${ID(n)}'`).join(',')}].includes(e.id) && e.state !== 'loading' && e.state !== 'idle').length === ${ids.length}`;

    it('lists every document of the set with kind, minister, date and state; failures say so (10 s timeout)', async () => {
      // A screen so low that the navigator (the header card's last line) is below it.
      const page = await open(`${SEED}.html`, 400);
      // Nothing is fetched until the navigator is in view.
      await new Promise((r) => setTimeout(r, 300));
      expect((await page.evaluate<Entry[]>(ENTRIES)).map((e) => e.state)).toEqual([
        ...Array(6).fill('idle'),
        'ok',
      ]);
      await page.evaluate(`document.querySelector('[data-kvl-view] .kvl-nav').scrollIntoView()`);
      await page.waitFor(settled([1047, 1059, 1060, 1061, 1063]));
      let entries = await page.evaluate<Entry[]>(ENTRIES);
      const byId = (n: number) => entries.find((e) => e.id === ID(n)) as Entry;
      expect(entries.map((e) => e.id)).toEqual([1047, 1059, 1060, 1061, 1062, 1063, 1064].map(ID));
      expect(entries.map((e) => [e.kind, e.state, e.reason, e.current, e.who, e.date])).toEqual([
        ['antwoord', 'ok', null, false, 'Minister-President Rutte (Algemene Zaken)', '12 februari 2024'],
        ['antwoord', 'ok', null, false, 'Minister Van Rij (Financiën)', '14 februari 2024'],
        ['mededeling', 'ok', null, false, 'Minister Ollongren (Defensie)', '19 februari 2024'],
        [null, 'failed', 'notFound', false, null, null],
        [null, 'loading', null, false, null, null],
        [
          'antwoord',
          'ok',
          null,
          false,
          'Minister Yeşilgöz-Zegerius (Justitie en Veiligheid)',
          '15 februari 2024',
        ],
        // The page's own: marked, its minister and date in the header card above.
        ['antwoord', 'ok', null, true, null, null],
      ]);
      expect(byId(1047).link).toMatch(/\s1047$/);
      // The plain links work in every state.
      expect(
        await page.evaluate<string[]>(
          `Array.from(document.querySelectorAll('[data-kvl-related] a')).map((a) => a.getAttribute('href'))`,
        ),
      ).toEqual([1047, 1059, 1060, 1061, 1062, 1063, 1064].map((n) => siteUrl(`${ID(n)}.html`)));
      // The one that never answers is given up after 10 s.
      await page.waitFor(settled([1062]), 15_000);
      entries = await page.evaluate<Entry[]>(ENTRIES);
      expect(byId(1062)).toMatchObject({ state: 'failed', reason: 'timeout', kind: null });
      // Nothing else changed: the view, its pairs, no errors.
      expect(
        await page.evaluate<number>(`document.querySelectorAll('[data-kvl-view] [data-kvl-pair]').length`),
      ).toBe(7);
      expect(page.errors).toEqual([]);
      await page.close();
    }, 40_000);

    it('compares one question across ministries: separate answers, a joint one, a mededeling, failures', async () => {
      const page = await open(`${SEED}.html`);
      await page.click(`${pairSelector('1,2')} [data-kvl-action="compare"]`);
      await page.waitFor(`(${SHOWN(1)}).filter((s) => s.state !== 'loading').length >= 5`);
      const shown = await page.evaluate<Shown[]>(SHOWN(1));
      const of = (n: number) => shown.find((s) => s.id === ID(n)) as Shown;
      expect(shown.map((s) => s.id)).toEqual([1047, 1059, 1060, 1061, 1062, 1063].map(ID));
      // Ungrouped there: both of its answers, each linking to its own pair.
      expect(of(1047).state).toBe('ok');
      expect(of(1047).items).toEqual([
        {
          heading: expect.stringMatching(/^Minister-President Rutte \(Algemene Zaken\) · \S+ 1047$/),
          label: 'Antwoord 1',
          joint: false,
          answer:
            'AZ-antwoord op vraag 1: Op het Ministerie van Algemene Zaken zijn geen afzonderlijke bijeenkomsten over de uitslag georganiseerd.',
          link: siteUrl(`${ID(1047)}.html#vraag-1`),
        },
        {
          heading: expect.stringMatching(/^Minister-President Rutte/),
          label: 'Antwoord 2',
          joint: false,
          answer: 'AZ-antwoord op vraag 2: Zie het antwoord op vraag 1.',
          link: siteUrl(`${ID(1047)}.html#vraag-2`),
        },
      ]);
      // Grouped wider there (1 t/m 3): one joint answer.
      expect(of(1059).items).toEqual([
        {
          heading: expect.stringMatching(/^Minister Van Rij \(Financiën\) · \S+ 1059$/),
          label: 'Antwoord 1 t/m 3',
          joint: true,
          answer:
            'FIN-antwoord op vraag 1 t/m 3: Binnen het Ministerie van Financiën is de uitslag in enkele teamoverleggen besproken.',
          link: siteUrl(`${ID(1059)}.html#vraag-1`),
        },
      ]);
      expect(of(1060)).toMatchObject({ state: 'mededeling', items: [] });
      expect(of(1060).text).toContain('Minister Ollongren (Defensie), 19 februari 2024: ');
      expect(of(1061)).toMatchObject({ state: 'failed', reason: 'notFound', items: [] });
      expect(of(1062).state).toBe('loading');
      expect(of(1063).items.map((i) => i.label)).toEqual(['Antwoord 1', 'Antwoord 2']);
      // The answers come as text only: no element of the fetched pages reaches this one.
      expect(
        await page.evaluate<number>(
          `document.querySelectorAll('.kvl-compare :is(img, script, style, iframe, svg, form, input, meta)').length`,
        ),
      ).toBe(0);
      await page.close();
    });

    it('says "no answer" where a sibling lacks the question, and gives a grouped question its separate answers', async () => {
      const page = await open(`${SEED}.html`);
      await page.click(`${pairSelector('9')} [data-kvl-action="compare"]`);
      await page.waitFor(`(${SHOWN(9)}).filter((s) => s.state !== 'loading').length >= 5`);
      const nine = await page.evaluate<Shown[]>(SHOWN(9));
      const fin9 = nine.find((s) => s.id === ID(1059)) as Shown;
      expect(fin9).toMatchObject({ state: 'none', items: [] });
      expect(fin9.text).toContain('Minister Van Rij (Financiën): ');
      expect(nine.find((s) => s.id === ID(1047))?.items.map((i) => i.answer)).toEqual([
        'AZ-antwoord op vraag 9: Ja, deze antwoorden gelden alleen voor het Ministerie van Algemene Zaken.',
      ]);
      await page.click(`${pairSelector('6,7')} [data-kvl-action="compare"]`);
      await page.waitFor(`(${SHOWN(6)}).filter((s) => s.state === 'ok').length >= 3`);
      const six = await page.evaluate<Shown[]>(SHOWN(6));
      expect(six.find((s) => s.id === ID(1059))?.items.map((i) => [i.label, i.joint, i.link])).toEqual([
        ['Antwoord 6', false, siteUrl(`${ID(1059)}.html#vraag-6`)],
        ['Antwoord 7', false, siteUrl(`${ID(1059)}.html#vraag-7`)],
      ]);
      await page.close();
    });

    it('next and previous go to the same question in the neighbouring answers, open, also where it is grouped', async () => {
      const page = await open(`${SEED}.html`);
      await page.click(`${pairSelector('3')} [data-kvl-action="compare"]`);
      const href = (numbers: string, action: string) =>
        `document.querySelector('${pairSelector(numbers)} [data-kvl-action="${action}"]')?.getAttribute('href')`;
      await page.waitFor(settled([1063]));
      expect(await page.waitFor<string>(href('3', 'next-related'))).toBe(siteUrl(`${ID(1047)}.html#vraag-3`));
      expect(await page.evaluate<string>(href('3', 'prev-related'))).toBe(
        siteUrl(`${ID(1063)}.html#vraag-3`),
      );
      await page.click(`${pairSelector('3')} [data-kvl-action="next-related"]`);
      const arrived = (id: string, numbers: string) => `location.pathname === '/${id}.html' && (() => {
        const pair = document.querySelector('${pairSelector(numbers)}');
        const top = pair ? pair.getBoundingClientRect().top : -1;
        return pair?.querySelector('details')?.open === true && top >= -2 && top < 200;
      })()`;
      await page.waitFor(arrived(ID(1047), '3'));
      // From 1047's question 2 to 1059, where 1, 2 and 3 are one pair. The button is above the screen: scrolled to
      // first, as a reader does, and clicked once the place keeper has settled (Firefox's WebDriver click, scrolling
      // and clicking in one action, missed it now and then while the view still moved the page to its place).
      await page.evaluate(
        `document.querySelector('${pairSelector('2')} [data-kvl-action="compare"]').scrollIntoView({ block: 'center' })`,
      );
      await page.evaluate(
        `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`,
      );
      await page.click(`${pairSelector('2')} [data-kvl-action="compare"]`);
      expect(await page.waitFor<string>(href('2', 'next-related'))).toBe(siteUrl(`${ID(1059)}.html#vraag-2`));
      await page.click(`${pairSelector('2')} [data-kvl-action="next-related"]`);
      await page.waitFor(arrived(ID(1059), '1,2,3'));
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('a second view of the page takes its related documents from the cache: no request for them', async () => {
      const siblings = [1047, 1059, 1060];
      driver().server.routeText(`/${KV}.html`, kvWithout(siblings.map(ID)));
      const first = await open(`${KV}.html`);
      await first.waitFor(settled(siblings));
      // The background writes the cache as the facts arrive.
      const want = siblings.map((n) => `related:${ID(n)}`);
      const cached = async () =>
        Object.keys(await driver().storage()).filter((k) => k.startsWith('related:'));
      let keys = await cached();
      for (let i = 0; i < 50 && !want.every((k) => keys.includes(k)); i++) {
        await new Promise((r) => setTimeout(r, 100));
        keys = await cached();
      }
      expect(keys).toEqual(expect.arrayContaining(want));
      await first.close();
      const before = driver().server.requests.length;
      const second = await open(`${KV}.html`);
      await second.waitFor(settled(siblings));
      // The page itself (and its stylesheet), nothing of the siblings.
      expect(
        driver()
          .server.requests.slice(before)
          .filter((p) => /^\/(ah|kv)-/.test(p)),
      ).toEqual([`/${KV}.html`]);
      expect((await second.evaluate<Entry[]>(ENTRIES)).map((e) => [e.id, e.state])).toEqual([
        ...siblings.map((n) => [ID(n), 'ok']),
      ]);
      await second.close();
    });

    it('a kv page shows its answers and mededelingen first, and compares a question across them', async () => {
      driver().server.routeText(`/${KV}.html`, kvWithout([1047, 1059, 1060, 1061, 1062, 1063, 1064].map(ID)));
      const page = await open(`${KV}.html`);
      // Above the header card.
      expect(
        await page.evaluate<boolean>(
          `!!(document.querySelector('[data-kvl-view] .kvl-nav').compareDocumentPosition(document.querySelector('[data-kvl-view] .kvl-card')) & Node.DOCUMENT_POSITION_FOLLOWING)`,
        ),
      ).toBe(true);
      await page.waitFor(settled([1047, 1059, 1060, 1061, 1063, 1064]));
      const entries = await page.evaluate<Entry[]>(ENTRIES);
      expect(entries.map((e) => [e.id, e.kind, e.current])).toEqual([
        [ID(1047), 'antwoord', false],
        [ID(1059), 'antwoord', false],
        [ID(1060), 'mededeling', false],
        [ID(1061), null, false],
        [ID(1062), null, false],
        [ID(1063), 'antwoord', false],
        [ID(1064), 'antwoord', false],
      ]);
      await page.click(`${pairSelector('9')} [data-kvl-action="compare"]`);
      await page.waitFor(`(${SHOWN(9)}).filter((s) => s.state === 'ok').length === 3`);
      const shown = await page.evaluate<Shown[]>(SHOWN(9));
      expect(shown.filter((s) => s.state === 'ok').map((s) => s.id)).toEqual([ID(1047), ID(1063), ID(1064)]);
      expect(shown.find((s) => s.id === ID(1064))?.items).toEqual([
        {
          heading: expect.stringMatching(
            /^Minister Helder \(Volksgezondheid, Welzijn en Sport\) · \S+ 1064$/,
          ),
          label: 'Antwoord 9',
          joint: false,
          answer: 'Ja.',
          link: siteUrl(`${ID(1064)}.html#vraag-9`),
        },
      ]);
      // No next/previous on a kv page: it is not one of the answers.
      expect(
        await page.evaluate<number>(`document.querySelectorAll('[data-kvl-action$="-related"]').length`),
      ).toBe(0);
      await page.close();
    });

    it('a hostile sibling runs nothing and changes nothing here; a 5 MB one fails as too large', async () => {
      driver().server.routeText(`/${ID(1065)}.html`, hugeSiblingHtml());
      driver().server.routeText(`/${KV}.html`, kvWithout([ID(1063), ID(1065)]));
      const page = await open(`${KV}.html`);
      const title = await page.evaluate<string>('document.title');
      await page.waitFor(`(${ENTRIES}).filter((e) => e.state === 'ok' || e.state === 'failed').length === 2`);
      const entries = await page.evaluate<Entry[]>(ENTRIES);
      expect(entries.map((e) => [e.id, e.state, e.reason])).toEqual([
        [ID(1063), 'ok', null],
        [ID(1065), 'failed', 'tooLarge'],
      ]);
      await page.click(`${pairSelector('1')} [data-kvl-action="compare"]`);
      await page.waitFor(`(${SHOWN(1)}).some((s) => s.state === 'ok')`);
      const [hostile] = await page.evaluate<Shown[]>(SHOWN(1));
      expect(hostile.items).toEqual([
        {
          heading: expect.stringMatching(
            /^Minister Yeşilgöz-Zegerius \(Justitie en Veiligheid\) · \S+ 1063$/,
          ),
          label: 'Antwoord 1',
          joint: false,
          // The link's text stays, as text; the image is gone.
          answer:
            'JenV-antwoord op vraag 1: Bij het Ministerie van Justitie en Veiligheid is de uitslag in het reguliere overleg besproken. Zie klik.',
          link: siteUrl(`${ID(1063)}.html#vraag-1`),
        },
      ]);
      await new Promise((r) => setTimeout(r, 500));
      expect(
        await page.evaluate(`({
          title: document.title,
          hostile: document.body.getAttribute('data-hostile'),
          global: typeof window.__kvlHostile,
          path: location.pathname,
          visible: getComputedStyle(document.querySelector('[data-kvl-view]')).display !== 'none' &&
            getComputedStyle(document.querySelector('[data-kvl-view] .kvl-card')).visibility === 'visible',
          planted: document.querySelectorAll('.kvl-compare :is(img, script, style, iframe, svg, form, input, meta)').length,
          javascriptLinks: document.querySelectorAll('[data-kvl-view] a[href^="javascript:"]').length,
        })`),
      ).toEqual({
        title,
        hostile: null,
        global: 'undefined',
        path: `/${KV}.html`,
        visible: true,
        planted: 0,
        javascriptLinks: 0,
      });
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('a saved kv entry is watched: waiting, then a mededeling, then answered, with the badge and the filter', async () => {
      driver().server.routeText(`/${KV}.html`, kvWithout([]));
      const page = await open(`${KV}.html`);
      await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
      await page.close();
      const popup = await driver().openPopup();
      /**
       * The badge once it is `want` (the background updates it just after a change), or as it is after 5 s. Green
       * ("46,125,50") counts newly answered questions; blue, the unread entries (other tests leave some).
       */
      const badgeBecomes = async (want: (b: { text: string; color: string }) => boolean) => {
        let badge = await driver().badge();
        for (let i = 0; i < 50 && !want(badge); i++) {
          await new Promise((r) => setTimeout(r, 100));
          badge = await driver().badge();
        }
        return badge;
      };
      const GREEN = '46,125,50';
      const watch = `(() => {
        const el = document.querySelector('[data-kvl-watch="${KV}"]');
        return el && el.getAttribute('data-kvl-checked') === 'true' && { state: el.getAttribute('data-kvl-state'), link: el.querySelector('a')?.getAttribute('href') ?? null,
          text: el.querySelector('a')?.textContent ?? null };
      })()`;
      const check = async (state: string) => {
        await popup.click('[data-kvl-action="check-watched"]');
        return popup.waitFor<{ state: string; link: string | null; text: string | null }>(
          `(${watch})?.state === '${state}' && (${watch})`,
        );
      };
      // Watched by default; nothing answered yet.
      expect(await check('waiting')).toEqual({ state: 'waiting', link: null, text: null });
      // A delay notice: shown as such, the watch goes on.
      driver().server.routeText(`/${KV}.html`, kvWithout([ID(1060)]));
      const delayed = await check('mededeling');
      expect(delayed.link).toBe(siteUrl(`${ID(1060)}.html`));
      expect(delayed.text).toContain('19 februari 2024');
      expect(delayed.text).toContain('Minister Ollongren (Defensie)');
      // A delay is not an answer: the badge does not count it (given the time it takes to change).
      await new Promise((r) => setTimeout(r, 500));
      expect((await driver().badge()).color).not.toBe(GREEN);
      // The kv page gains its answer.
      driver().server.routeText(`/${KV}.html`, kvWithout([ID(1060), ID(1047)]));
      const answered = await check('answered');
      expect(answered.link).toBe(siteUrl(`${ID(1047)}.html`));
      expect(answered.text).toContain('12 februari 2024');
      expect(answered.text).toContain('Minister-President Rutte (Algemene Zaken)');
      // The badge counts it (newly answered) until the popup is opened again.
      expect(await badgeBecomes((b) => b.color === GREEN)).toEqual({ text: '1', color: GREEN });
      await popup.close();
      const again = await driver().openPopup();
      await again.waitFor(`!!document.querySelector('[data-kvl-watch="${KV}"]')`);
      expect((await badgeBecomes((b) => b.color !== GREEN)).color).not.toBe(GREEN);
      // "Recently answered" shows it, and only what was answered.
      await again.evaluate(`(() => {
        const select = document.querySelector('[data-kvl-action="read-filter"]');
        select.value = 'answered';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      })()`);
      expect(
        await again.waitFor<string[]>(
          `(() => { const keys = Array.from(document.querySelectorAll('[data-kvl-item]')).map((li) => li.getAttribute('data-kvl-item')); return keys.length === 1 && keys; })()`,
        ),
      ).toEqual([KV]);
      // The check comes back by itself every 6 hours.
      const api = driver().name === 'Chromium' ? 'chrome' : 'browser';
      expect(
        await driver().inExtension(`${api}.alarms.get('kvl-watch').then((a) => a && a.periodInMinutes)`),
      ).toBe(360);
      // Watching can be turned off.
      await again.click(`[data-kvl-watch="${KV}"] [data-kvl-action="watch"]`);
      await again.waitFor(
        `document.querySelector('[data-kvl-watch="${KV}"]').getAttribute('data-kvl-state') === 'off'`,
      );
      expect(again.errors).toEqual([]);
      await again.close();
    });
  });
}
