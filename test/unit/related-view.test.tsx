// "Compare answers" in the view (Preact, happy-dom): answers that come from the cache at once, before the component
// could subscribe, are shown all the same.

import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Compare } from '../../components/page/related/Compare';
import type { Pair } from '../../utils/kamervraag/model';
import type { RelatedFacts } from '../../utils/related/facts';
import { relatedLoader } from '../../utils/related/loader';

const ORIGIN = 'https://zoek.officielebekendmakingen.nl';
const pair: Pair = {
  label: 'Vraag 1 en 2',
  numbers: [1, 2],
  questionLabels: ['Vraag 1 en 2'],
  question: '…',
  answerLabel: 'Antwoord 1 en 2',
  answer: '…',
};
const facts = (id: string, answers: [string, number[], string][]): RelatedFacts => ({
  id,
  kind: 'antwoord',
  answeredBy: { role: 'Minister', name: 'Van Rij', ministry: 'Financiën' },
  date: '2024-02-14',
  subject: null,
  pairs: answers.map(([label, numbers, answer]) => ({ label, numbers, answer })),
  mededeling: null,
  related: [],
});

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('Compare', () => {
  it('shows answers that were in the cache, however soon they arrive', async () => {
    const cached = [
      facts('ah-tk-20232024-1059', [['Antwoord 1 t/m 3', [1, 2, 3], 'FIN-antwoord op vraag 1 t/m 3: Ja.']]),
      facts('ah-tk-20232024-1047', [
        ['Antwoord 1', [1], 'AZ 1'],
        ['Antwoord 2', [2], 'AZ 2\nTweede alinea.'],
      ]),
    ];
    const loader = relatedLoader(['ah-tk-20232024-1047', 'ah-tk-20232024-1059'], {
      // After the render that opens the panel, before a deferred effect would have run (storage answers that fast).
      readCached: () =>
        new Promise((resolve) => setTimeout(() => resolve(new Map(cached.map((f) => [f.id, f]))), 1)),
      fetchFacts: () => new Promise(() => {}),
      remember: () => {},
    });
    loader.allow();
    render(<Compare pair={pair} ownId="ah-tk-20232024-1064" loader={loader} origin={ORIGIN} />, host);
    (host.querySelector('[data-kvl-action="compare"]') as HTMLButtonElement).click();
    await settle();
    const shown = Array.from(host.querySelectorAll('[data-kvl-compare]')).map((el) => [
      el.getAttribute('data-kvl-compare'),
      el.getAttribute('data-kvl-state'),
      Array.from(el.querySelectorAll('.kvl-compare-item')).map((item) => [
        item.querySelector('.kvl-compare-label')?.textContent,
        item.hasAttribute('data-kvl-joint'),
        Array.from(item.querySelectorAll(':scope > p')).map((p) => p.textContent),
        item.querySelector('a')?.getAttribute('href'),
      ]),
    ]);
    expect(shown).toEqual([
      [
        'ah-tk-20232024-1047',
        'ok',
        [
          ['Antwoord 1', false, ['AZ 1'], `${ORIGIN}/ah-tk-20232024-1047.html#vraag-1`],
          ['Antwoord 2', false, ['AZ 2', 'Tweede alinea.'], `${ORIGIN}/ah-tk-20232024-1047.html#vraag-2`],
        ],
      ],
      [
        'ah-tk-20232024-1059',
        'ok',
        [
          [
            'Antwoord 1 t/m 3',
            true,
            ['FIN-antwoord op vraag 1 t/m 3: Ja.'],
            `${ORIGIN}/ah-tk-20232024-1059.html#vraag-1`,
          ],
        ],
      ],
    ]);
    // Next and previous, round the set in order of number: 1047, 1059, (1064 here).
    expect(host.querySelector('[data-kvl-action="next-related"]')?.getAttribute('href')).toBe(
      `${ORIGIN}/ah-tk-20232024-1047.html#vraag-1`,
    );
    expect(host.querySelector('[data-kvl-action="prev-related"]')?.getAttribute('href')).toBe(
      `${ORIGIN}/ah-tk-20232024-1059.html#vraag-1`,
    );
  });
});
