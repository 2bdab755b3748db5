// One related document fetched and read: the facts of a real-shaped sibling, and every way it can fail.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRelatedFixtures } from '../../scripts/fixtures/make-related-fixtures';
import { fetchFacts, MAX_BYTES } from '../../utils/related/fetch';

const ORIGIN = 'https://zoek.officielebekendmakingen.nl';
const pages = buildRelatedFixtures();

function serve(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(respond));
}
const html = (body: string, url: string, init: ResponseInit = {}) => {
  const res = new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });
  Object.defineProperty(res, 'url', { value: url });
  return res;
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('fetchFacts', () => {
  it('reads a sibling answer: kind, minister, date, its pairs as grouped there, their text', async () => {
    serve((url) => html(pages['ah-tk-20232024-1059.html'], url));
    const loaded = await fetchFacts('ah-tk-20232024-1059', ORIGIN);
    expect(fetch).toHaveBeenCalledWith(
      `${ORIGIN}/ah-tk-20232024-1059.html`,
      expect.objectContaining({ credentials: 'omit' }),
    );
    expect(loaded.state).toBe('ok');
    if (loaded.state !== 'ok') return;
    expect(loaded.facts).toMatchObject({
      id: 'ah-tk-20232024-1059',
      kind: 'antwoord',
      answeredBy: { role: 'Minister', name: 'Van Rij', ministry: 'Financiën' },
      date: '2024-02-14',
      mededeling: null,
    });
    expect(loaded.facts.pairs.map((p) => [p.label, p.numbers])).toEqual([
      ['Antwoord 1 t/m 3', [1, 2, 3]],
      ['Antwoord 4 en 5', [4, 5]],
      ['Antwoord 6', [6]],
      ['Antwoord 7', [7]],
      ['Antwoord 8', [8]],
    ]);
    expect(loaded.facts.pairs[0].answer).toBe(
      'FIN-antwoord op vraag 1 t/m 3: Binnen het Ministerie van Financiën is de uitslag in enkele teamoverleggen besproken.',
    );
  });

  it('reads a mededeling as such', async () => {
    serve((url) => html(pages['ah-tk-20232024-1060.html'], url));
    const loaded = await fetchFacts('ah-tk-20232024-1060', ORIGIN);
    expect(
      loaded.state === 'ok' && [loaded.facts.kind, loaded.facts.date, loaded.facts.pairs.length],
    ).toEqual(['mededeling', '2024-02-19', 9]);
  });

  it.each([
    ['a 404', () => new Response('niet gevonden', { status: 404 }), 'notFound'],
    ['a server error', () => new Response('', { status: 503 }), 'error'],
    [
      'not a page',
      () => new Response('{}', { headers: { 'content-type': 'application/json' } }),
      'notKamervraag',
    ],
    [
      'a page that is not a Kamervragen document',
      (url: string) => html('<p>Pagina niet gevonden</p>', url),
      'notKamervraag',
    ],
    [
      'a redirect off the site',
      () => html(pages['ah-tk-20232024-1047.html'], 'https://example.invalid/x.html'),
      'notKamervraag',
    ],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'error'],
  ])('%s fails as %s', async (_name, respond, reason) => {
    serve(respond as (url: string) => Response | Promise<Response>);
    expect(await fetchFacts('ah-tk-20232024-1047', ORIGIN)).toEqual({ state: 'failed', reason });
  });

  it('gives up on a page larger than MAX_BYTES, whatever its headers say', async () => {
    serve((url) => html('x'.repeat(MAX_BYTES + 1), url));
    expect(await fetchFacts('ah-tk-20232024-1065', ORIGIN)).toEqual({ state: 'failed', reason: 'tooLarge' });
  });

  it('gives up on a site that does not answer, after the timeout', async () => {
    serve(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    expect(await fetchFacts('ah-tk-20232024-1062', ORIGIN, { timeoutMs: 50 })).toEqual({
      state: 'failed',
      reason: 'timeout',
    });
  });

  it('does not even ask while the browser is offline', async () => {
    serve(() => {
      throw new Error('asked');
    });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(await fetchFacts('ah-tk-20232024-1047', ORIGIN)).toEqual({ state: 'failed', reason: 'offline' });
    vi.restoreAllMocks();
  });
});
