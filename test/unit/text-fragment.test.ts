// Text-fragment links (`#:~:text=…`): the directives read from the URL as the browsers read them, and the pair that
// holds the text opened (utils/reading-view/text-fragment.ts).
import { describe, expect, it, vi } from 'vitest';
import { openTextFragment, textDirectives } from '../../utils/reading-view/text-fragment';

const URL = 'https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1481.html';

describe('textDirectives', () => {
  it.each([
    ['no fragment', URL, []],
    ['a plain fragment', `${URL}#vraag-3`, []],
    [
      'a start',
      `${URL}#:~:text=De%20rapporten`,
      [{ prefix: null, start: 'De rapporten', end: null, suffix: null }],
    ],
    [
      'prefix, start, end and suffix',
      `${URL}#:~:text=Het%20kabinet-,beseft,Landen,-zich`,
      [{ prefix: 'Het kabinet', start: 'beseft', end: 'Landen', suffix: 'zich' }],
    ],
    [
      'an encoded comma and dash',
      `${URL}#:~:text=1%2C2%20%2D%203`,
      [{ prefix: null, start: '1,2 - 3', end: null, suffix: null }],
    ],
    [
      'two directives, another kind between',
      `${URL}#vraag-2:~:text=een&note=x&text=twee,drie`,
      [
        { prefix: null, start: 'een', end: null, suffix: null },
        { prefix: null, start: 'twee', end: 'drie', suffix: null },
      ],
    ],
    ['a part that does not decode', `${URL}#:~:text=%E0%A4%A`, []],
    ['too many parts', `${URL}#:~:text=a,b,c`, []],
    ['an empty start', `${URL}#:~:text=`, []],
  ])('%s', (_name, url, expected) => {
    expect(textDirectives(url)).toEqual(expected);
  });
});

describe('openTextFragment', () => {
  function view(): HTMLElement {
    document.body.innerHTML = `<div data-kvl-view>
      <article data-kvl-pair="1"><p>Kent u het bericht?</p><details class="kvl-answer"><summary>Antwoord</summary>
        <p>Ja. Het kabinet beseft dat het lastig is.</p></details></article>
      <article data-kvl-pair="2,3"><p>Wat   doet het kabinet?</p><details class="kvl-answer"><summary>Antwoord</summary>
        <p>Het kabinet beseft dat ongedocumenteerde personen in de Landen zich in een lastige situatie bevinden.</p>
      </details></article></div>`;
    return document.querySelector('[data-kvl-view]') as HTMLElement;
  }
  const openPairs = (v: HTMLElement) =>
    Array.from(v.querySelectorAll('details[open]')).map((d) =>
      d.closest('article')?.getAttribute('data-kvl-pair'),
    );

  it('opens the pair its prefix and range point to, not the first with its start', () => {
    const v = view();
    const pin = vi.fn();
    expect(openTextFragment(v, `${URL}#:~:text=Het%20kabinet-,beseft,Landen`, { pin })).toBe(true);
    expect(openPairs(v)).toEqual(['2,3']);
    expect(pin).toHaveBeenCalledWith(v.querySelector('[data-kvl-pair="2,3"]'));
  });

  it('matches across whitespace and case, as the browsers do', () => {
    const v = view();
    expect(openTextFragment(v, `${URL}#:~:text=HET%20KABINET%20beseft%20dat%20het`, { pin: () => {} })).toBe(
      true,
    );
    expect(openPairs(v)).toEqual(['1']);
  });

  it('does nothing for text no pair holds, or without a directive', () => {
    const v = view();
    const pin = vi.fn();
    expect(openTextFragment(v, `${URL}#:~:text=nergens`, { pin })).toBe(false);
    expect(openTextFragment(v, URL, { pin })).toBe(false);
    expect(openTextFragment(v, null, { pin })).toBe(false);
    expect(openPairs(v)).toEqual([]);
    expect(pin).not.toHaveBeenCalled();
  });
});
