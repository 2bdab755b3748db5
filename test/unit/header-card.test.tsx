// The header card's facts as data (issue 16's hooks): each an element with data-kvl-fact and, where it has one, a
// machine value (dates ISO, numbers as digits), on every HTML fixture document, against its hand-checked
// expected.json.

import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HeaderCard } from '../../components/page/HeaderCard';
import { citation } from '../../utils/format';
import { fixtureCases, parseFixture } from '../support/fixtures';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const controls = {
  onExpandAll() {},
  onCollapseAll() {},
  onShowOriginal() {},
  openByDefault: false,
  onOpenByDefault() {},
};

const facts = () =>
  Object.fromEntries(
    Array.from(host.querySelectorAll<HTMLElement>('[data-kvl-fact]')).map((el) => [
      el.dataset.kvlFact,
      el.dataset.kvlValue ?? null,
    ]),
  );

const days = (from: string, to: string) =>
  String(Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));

describe('the header card’s facts', () => {
  it.each(fixtureCases('html-').map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = parseFixture(c.source);
    render(
      <HeaderCard doc={doc} origin="https://zoek.officielebekendmakingen.nl" controls={controls} />,
      host,
    );
    const e = c.expected;
    const got = facts();
    // Each fact the document states, with its value; none that it does not.
    expect(got.submitted ?? null).toBe(e.dateSubmitted ?? null);
    expect(got.answered ?? null).toBe(e.dateReceived ?? null);
    expect(got.days ?? null).toBe(
      e.dateSubmitted && e.dateReceived ? days(e.dateSubmitted, e.dateReceived) : null,
    );
    const n = e.id?.match(/^ah-(?:tk|ek)-\d{8}-(\d+)$/)?.[1] ?? null;
    if (e.id) expect(got.number).toBe(n);
    else expect('number' in got).toBe(false);
    expect('asker' in got).toBe((e.askers?.length ?? 0) > 0);
    // Who asked and whom, from the header's sentence or, where there is none, the page's meta tags.
    const text = (fact: string) => host.querySelector(`[data-kvl-fact="${fact}"]`)?.textContent ?? null;
    const askers = e.askers?.map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(', ');
    expect(text('asker')).toBe(askers || null);
    if (e.addressees) expect(text('recipient')).toBe(e.addressees.join(', ') || null);
    // The kamervraagnummer, with its page at the Tweede Kamer.
    expect(got['question-number'] ?? null).toBe(e.questionNumber ?? null);
    const tk = host.querySelector<HTMLAnchorElement>('[data-kvl-fact="question-number"] a');
    expect(tk?.href ?? null).toBe(
      e.questionNumber
        ? `https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=${e.questionNumber}`
        : null,
    );
    // A citation to copy for every Aanhangsel, as people write it.
    const cite = host.querySelector('[data-kvl-action="copy-citation"]');
    const m = e.id?.match(/^ah-(tk|ek)-(\d{4})\d\d(\d\d)-(\d+)$/);
    expect(cite !== null).toBe(m !== null && m !== undefined);
    if (m)
      expect(citation(doc)).toBe(
        `Aanhangsel Handelingen ${m[1] === 'tk' ? 'II' : 'I'} ${m[2]}/${m[3]}, nr. ${m[4]}`,
      );
    expect('answered-by' in got).toBe(Boolean(e.answeredBy));
    // Who sent a mededeling is not "beantwoord door"
    const label = host.querySelector('[data-kvl-fact="answered-by"]')?.previousElementSibling?.textContent;
    if (e.answeredBy) expect(label).toBe(e.kind === 'mededeling' ? 'Mededeling van' : 'Beantwoord door');
  });
});

describe('citation', () => {
  it.each([
    ['ah-tk-20232024-1064', 'Aanhangsel Handelingen II 2023/24, nr. 1064'],
    ['ah-ek-20142015-12', 'Aanhangsel Handelingen I 2014/15, nr. 12'],
    ['ah-tk-19992000-7', 'Aanhangsel Handelingen II 1999/00, nr. 7'],
    ['kv-tk-2024Z02563', null],
    ['ah-1271549', null],
  ])('%s → %s', (id, cited) => {
    expect(citation({ id })).toBe(cited);
  });
});
