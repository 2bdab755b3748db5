// The header card's facts as data (issue 16's hooks): each an element with data-kvl-fact and, where it has one, a
// machine value (dates ISO, numbers as digits), on every HTML fixture document, against its hand-checked
// expected.json.

import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HeaderCard } from '../../components/page/HeaderCard';
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
    expect('answered-by' in got).toBe(Boolean(e.answeredBy));
    // Who sent a mededeling is not "beantwoord door"
    const label = host.querySelector('[data-kvl-fact="answered-by"]')?.previousElementSibling?.textContent;
    if (e.answeredBy) expect(label).toBe(e.kind === 'mededeling' ? 'Mededeling van' : 'Beantwoord door');
  });
});
