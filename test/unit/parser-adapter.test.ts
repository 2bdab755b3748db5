// Rules the fast paths of the HTML adapter and the classifier must keep: each on the smallest input that shows it.

import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../utils/kamervraag';
import type { Block } from '../../utils/kamervraag/blocks';
import { classify } from '../../utils/kamervraag/classify';
import { parseHeading, parseNormalizedHeading, type Side } from '../../utils/kamervraag/headings';
import { htmlMeta } from '../../utils/kamervraag/html';
import { findReferences } from '../../utils/kamervraag/references';
import { normalizeSpace } from '../../utils/kamervraag/text';
import { sortNodes } from '../../utils/reading-view/sort-nodes';

const window = new Window();
const page = (body: string) =>
  new window.DOMParser().parseFromString(
    `<html><body>${body}</body></html>`,
    'text/html',
  ) as unknown as Document;
const blocksOf = (body: string) =>
  parseHtmlDocument(page(body)).blocks.map((b) => ({
    text: normalizeSpace(b.text),
    role: b.role,
    heading: b.heading,
  }));

describe('normalizeSpace', () => {
  it.each([
    ['a b', 'a b'],
    ['  a  b  ', 'a b'],
    ['a \n\t b', 'a b'],
    ['a\n b', 'a b'],
    ['a\u00a0b', 'a b'],
    ['a\u200bb', 'a b'],
    ['a \u200b b', 'a b'],
    ['\u200ba\u200b', 'a'],
    ['a\f\r\nb', 'a b'],
    ['\u3000a\u2028b\ufeff', 'a b'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeSpace(text)).toBe(expected);
  });

  it('equals the plain definition (every whitespace run, zero-width spaces too, becomes one space; trimmed)', () => {
    const reference = (text: string) => text.replace(/[\s\u200b]+/gu, ' ').trim();
    const spaces = [
      ' ',
      '  ',
      '\n',
      '\t',
      '\r\n',
      '\f',
      '\v',
      '\u00a0',
      '\u200b',
      '\u2009',
      '\u3000',
      '\ufeff',
      '\u2028',
    ];
    const piece = fc.oneof(
      fc.constantFrom(...spaces),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('a', 'Vraag', 'é'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(normalizeSpace(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('sees every whitespace character, whatever the text around it (the fast path for text with nothing to collapse)', () => {
    const reference = (text: string) => text.replace(/[\s\u200b]+/gu, ' ').trim();
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`a${c}b`, `a ${c}b`, `a${c} b`]) {
        if (normalizeSpace(text) !== reference(text)) expect(normalizeSpace(text)).toBe(reference(text));
      }
    }
  });
});

describe('parseNormalizedHeading', () => {
  it('reads a normalised text as parseHeading does (its early rejection never drops a heading)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Vraag',
        'Vragen',
        'Antwoord',
        'Antwoorden',
        'Mededeling',
        'op',
        'bij',
        'de',
        'vraag',
        'vragen',
      ),
      fc.constantFrom(
        ' ',
        '  ',
        '\n',
        '\u00a0',
        '\u200b',
        ',',
        ' en ',
        '&',
        't/m',
        ' tot en met ',
        '-',
        '–',
        ':',
        '.',
      ),
      fc.integer({ min: 0, max: 200_000 }).map(String),
      fc.string({ maxLength: 4 }),
    );
    const hint = fc.constantFrom<Side | undefined>(undefined, 'vraag', 'antwoord', 'mededeling');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), hint, (pieces, side) => {
        const text = normalizeSpace(pieces.join(''));
        expect(parseNormalizedHeading(text, side)).toEqual(parseHeading(text, side));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each(['Vraag 1', 'Antwoord op vraag 2 en 3', 'Vragen 4 t/m 6:', 'Mededeling', '7'])('%j', (text) => {
    expect(parseNormalizedHeading(text, 'vraag')).toEqual(parseHeading(text, 'vraag'));
    expect(parseNormalizedHeading(text, 'vraag')).not.toBeNull();
  });
});

describe('findReferences', () => {
  it('finds the Kamerstukken one alternation of both citation forms finds (it searches them one form at a time)', () => {
    const alternation =
      /(?:Kamerstuk(?:ken)?(?:\s+I{1,2})?(?:\s+\d{4}\/\d{2})?|vergaderjaar\s+\d{4}[–-]\d{2,4}),?\s+(\d{2}\s?\d{3}(?:[-\s][A-Z]{1,5})?),\s*nr\.?\s*(\d{1,4})(?!\d)/gu;
    const intro = fc.constantFrom(
      'Kamerstuk',
      'Kamerstukken II 2014/15',
      'vergaderjaar 2022–2023',
      'vergaderjaar 2022-23',
    );
    // Citations whole and in pieces, so that matches sit next to, inside and across one another
    const citation = fc
      .tuple(
        intro,
        fc.constantFrom(', ', ' ', ','),
        fc.constantFrom('36 410', '36410', '3641'),
        fc.constantFrom('', ' IV', '-A', ' K', ' Kamerstuk'),
        fc.constantFrom(', nr. 72', ',nr 5', ', nr.12345', ''),
      )
      .map((parts) => parts.join(''));
    const piece = fc.oneof(
      citation,
      intro,
      fc.constantFrom(' ', ', ', '\0', ' Kamerstuk 36 410'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        const found = findReferences(text).filter((r) => r.type === 'kamerstuk');
        expect(found.map((r) => [r.index, r.text])).toEqual(
          [...text.matchAll(alternation)].map((m) => [m.index, m[0]]),
        );
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('HTML adapter', () => {
  it('makes one block of a leaf, whatever inline markup it holds, and skips script and style', () => {
    expect(
      blocksOf(
        '<div class="vraag"><h2>Vraag 1</h2><p>Een <b>vette</b> en <span><i>schuine</i></span> vraag' +
          '<script>x()</script><style>p{}</style>?</p></div>',
      ),
    ).toEqual([
      { text: 'Vraag 1', role: 'vraag', heading: true },
      { text: 'Een vette en schuine vraag?', role: 'vraag', heading: false },
    ]);
  });

  it('cuts an inline wrapper around blocks into blocks, keeping the loose text around them', () => {
    const deep = (depth: number, inner: string): string =>
      depth === 0 ? inner : `<span>${deep(depth - 1, inner)}</span>`;
    expect(
      blocksOf(
        '<div class="antwoord"><h2>Antwoord 1</h2>ervoor <b>vet</b>' +
          `${deep(200, '<p>diep binnen</p>')} erna</div>`,
      ),
    ).toEqual([
      { text: 'Antwoord 1', role: 'antwoord', heading: true },
      { text: 'ervoor vet', role: 'antwoord' },
      { text: 'diep binnen', role: 'antwoord', heading: false },
      { text: 'erna', role: 'antwoord' },
    ]);
  });

  it('carries content without text (an image, an iframe alone in its paragraph, a loose drawing) into its pair', () => {
    const doc = page(
      '<div class="vraag"><h2>Vraag 1</h2><p>Kent u <a href="#k">deze kaart</a>?</p><p><img id="kaart" alt=""></p></div>' +
        '<div class="antwoord"><h2>Antwoord 1</h2><p><iframe id="film"></iframe></p><p>Ja, zie de film.</p></div>' +
        '<div class="vraag"><h2>Vraag 2</h2>Wat vindt u <em id="nadruk">hiervan</em>?<svg id="grafiek"><text>12</text></svg></div>' +
        '<div class="antwoord"><h2>Antwoord 2</h2><p>Niets.</p><p> <video id="video"></video> </p></div>',
    );
    const parsed = parseHtmlDocument(doc);
    // the same blocks and pairs as without the content: the classifier reads text
    expect(parsed.blocks.map((b) => normalizeSpace(b.text))).toEqual([
      'Vraag 1',
      'Kent u deze kaart?',
      'Antwoord 1',
      'Ja, zie de film.',
      'Vraag 2',
      'Wat vindt u hiervan?',
      'Antwoord 2',
      'Niets.',
    ]);
    expect(parsed.document.pairs.map((p) => p.numbers)).toEqual([[1], [2]]);
    const { nodes } = sortNodes(parsed);
    const ids = (list: Node[]) =>
      list.flatMap((n) => {
        const el = n as Element;
        if (n.nodeType !== 1) return [];
        return [el.id, ...Array.from(el.querySelectorAll('[id]'), (x) => x.id)].filter(Boolean);
      });
    expect(ids(nodes.pairs[0].question)).toEqual(['kaart']);
    // after a heading it goes with the text that follows
    expect(ids(nodes.pairs[0].answer)).toEqual(['film']);
    // an inline element among blocks moves whole (its link or emphasis kept), a drawing with it
    expect(ids(nodes.pairs[1].question)).toEqual(['nadruk', 'grafiek']);
    expect(ids(nodes.pairs[1].answer)).toEqual(['video']);
  });

  it("keeps the page's own labels as the pair's headings when an image follows them, also without the site's classes", () => {
    const parsed = parseHtmlDocument(
      page(
        '<h2>Vraag 1</h2><p><img id="a"></p><p>Kent u dit?</p><h2>Antwoord 1</h2><p><img id="b"></p><p>Ja.</p>' +
          '<div class="vraag"><h2>Vraag 2</h2><p>En dit?</p></div>' +
          '<div class="antwoord"><p><img id="c"></p><h2>Antwoord 2</h2><p>Nee.</p></div>',
      ),
    );
    expect(parsed.document.pairs.map((p) => p.numbers)).toEqual([[1], [2]]);
    const { nodes } = sortNodes(parsed);
    const text = (n: Node | null) => n?.textContent ?? null;
    const ids = (list: Node[]) => list.map((n) => (n as Element).querySelector?.('img')?.id ?? text(n));
    expect(text(nodes.pairs[0].head)).toBe('Vraag 1');
    expect(ids(nodes.pairs[0].question)).toEqual(['a', 'Kent u dit?']);
    expect(text(nodes.pairs[0].answerHead)).toBe('Antwoord 1');
    expect(ids(nodes.pairs[0].answer)).toEqual(['b', 'Ja.']);
    // an image first in div.antwoord, before its label, is the answer's, not the question's before it
    expect(ids(nodes.pairs[1].question)).toEqual(['En dit?']);
    expect(text(nodes.pairs[1].answerHead)).toBe('Antwoord 2');
    expect(ids(nodes.pairs[1].answer)).toEqual(['c', 'Nee.']);
  });

  it('reads the vergaderjaar from the meta tag with an en dash, a slash or a hyphen, spaced or not', () => {
    const window = new Window();
    for (const [content, expected] of [
      ['2017–2018', '2017-2018'],
      ['2017 / 2018', '2017-2018'],
      ['2017 – 2018', '2017-2018'],
      ['2017-2018', '2017-2018'],
    ]) {
      const doc = new window.DOMParser().parseFromString(
        `<html><head><meta name="OVERHEIDop.vergaderjaar" content="${content}"></head><body></body></html>`,
        'text/html',
      ) as unknown as Document;
      expect(htmlMeta(doc).vergaderjaar).toBe(expected);
    }
  });

  it('gives an element matching two container selectors the first role (vraag before antwoord)', () => {
    expect(blocksOf('<div class="stuk"><div class="vraag antwoord"><p>Tekst</p></div></div>')).toEqual([
      { text: 'Tekst', role: 'vraag', heading: false },
    ]);
  });
});

describe('references', () => {
  const texts = (...t: string[]): Block[] => t.map((text) => ({ text }));
  const ids = (blocks: Block[]) => classify(blocks).document.references.map((r) => r.id);

  it('finds a reference cut over two blocks of one side (they are joined by a line break)', () => {
    expect(ids(texts('Vraag 1', 'Zie Kamerstuk 36 410,', 'nr. 72 hierover.'))).toEqual(['kst-36410-72']);
  });

  it('never joins a reference over two sides or two pairs', () => {
    expect(ids(texts('Vraag 1', 'Zie Kamerstuk 36 410,', 'Antwoord 1', 'nr. 72 hierover.'))).toEqual([]);
    expect(ids(texts('Vraag 1', 'Vraag over 2024Z0', 'Vraag 2', '1234 en meer'))).toEqual([]);
  });

  it('lists each reference once, in order of appearance, without the document itself', () => {
    const blocks = texts(
      'Vraag 1',
      'Zie 2024Z01234 en Kamerstuk 36 410, nr. 72.',
      'Antwoord 1',
      'Zoals in 2024Z01234 en Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047.',
    );
    expect(classify(blocks, { id: 'ah-tk-20232024-1047' }).document.references.map((r) => r.id)).toEqual([
      'kv-tk-2024Z01234',
      'kst-36410-72',
    ]);
  });
});
