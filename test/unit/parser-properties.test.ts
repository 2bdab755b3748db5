// Property tests: generated and mutated documents never make the parser throw, and it never loses or duplicates text.

import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { modelTexts, parseHtmlDocument, parseText } from '../../utils/kamervraag';
import type { Block, BlockRole } from '../../utils/kamervraag/blocks';
import { classify } from '../../utils/kamervraag/classify';
import { visibleText } from '../../utils/kamervraag/html';
import { isMarkdown, markdownToText } from '../../utils/kamervraag/markdown';
import { textToBlocks } from '../../utils/kamervraag/plaintext';
import { fixtureCases, readSource } from '../support/fixtures';
import { charBag } from '../support/nothing-lost';

const headingText = fc.oneof(
  fc.constantFrom('Vraag', 'Antwoord', 'Vragen', 'Antwoord op vraag', 'Mededeling'),
  fc
    .tuple(
      fc.constantFrom('Vraag', 'Antwoord', 'Vragen', 'Antwoord op vraag'),
      fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { minLength: 1, maxLength: 6 }),
      fc.constantFrom(', ', ' en ', ' ', ' t/m ', ' tot en met ', '-'),
    )
    .map(([w, ns, sep]) => `${w} ${ns.join(sep)}`),
);
const role = fc.constantFrom<BlockRole | undefined>(
  undefined,
  undefined,
  'vraag',
  'antwoord',
  'mededeling',
  'omschrijving',
  'noot',
  'furniture',
);
const block: fc.Arbitrary<Block> = fc.record({
  text: fc.oneof(headingText, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 20 })),
  role,
  heading: fc.boolean(),
  group: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  marker: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
});

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function keepsEverything(blocks: readonly Block[]) {
  const { document, placements } = classify(blocks);
  expect(placements).toHaveLength(blocks.length);
  const markers = blocks.filter((b) => b.role === 'noot').map((b) => b.marker ?? '');
  expect(charBag(modelTexts(document))).toBe(charBag([...blocks.map((b) => b.text), ...markers]));
}

const realBlocks = fixtureCases('txt-').map((c) => textToBlocks(readSource(c.source)).blocks);

describe('parser properties', () => {
  it('never throws and keeps every character of generated block runs', () => {
    fc.assert(fc.property(fc.array(block, { maxLength: 80 }), keepsEverything), { numRuns: 3000 });
  });

  it('survives real documents with blocks shuffled, dropped and duplicated', () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(...realBlocks),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([blocks, picks, mode]) => {
        const out = [...blocks];
        for (const p of picks) {
          const i = p % Math.max(out.length, 1);
          if (mode === 0 && out.length)
            out.splice(i, 1); // drop
          else if (mode === 1 && out.length)
            out.splice(i, 0, out[i]); // duplicate
          else if (out.length) [out[i], out[(i * 7) % out.length]] = [out[(i * 7) % out.length], out[i]]; // shuffle
        }
        return out;
      });
    fc.assert(fc.property(mutated, keepsEverything), { numRuns: 400 });
  }, 60_000);

  it('never throws on random text and keeps every character but line-end hyphens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const texts = modelTexts(parseText(text).document);
        const strip = (t: string) => t.replaceAll('-', '');
        expect(charBag(texts.map(strip))).toBe(charBag([strip(text)]));
      }),
      { numRuns: 2000 },
    );
  });

  // Text made of the pieces the input-style rules look for (headings, furniture, references, Markdown syntax, glue):
  // never a throw, never a character lost (Markdown's syntax aside when the text reads as Markdown).
  it('never throws on text of headings, furniture, references and Markdown, and keeps every character', () => {
    const piece = fc.constantFrom(
      'Vraag 1',
      'Vraag 2 en 3',
      'Antwoord 1',
      'Antwoord op vraag 4',
      'Mededeling',
      'Vragen van het lid A (X) aan de Minister van Y over Z (ingezonden 1 mei 2024).',
      'Antwoord van Minister B (Y) (ontvangen 2 juni 2024).',
      'Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 12, 13 en 14.',
      'Tweede Kamer der Staten-Generaal',
      'Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel',
      'ah-tk-20232024-12 ISSN 0921 - 7398 ’s-Gravenhage 2024',
      'Kamerstuk 36 410, nr. 7',
      '12',
      '3',
      '**',
      '# ',
      '---',
      '| ',
      ' |',
      'Kent u het bericht?',
      'Ja.',
      'aanlei-',
      'ding',
      ' ',
      '\n',
      '\n\n',
      '\f',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const texts = modelTexts(parseText(text).document);
        const source = isMarkdown(text) ? markdownToText(text) : text;
        const strip = (t: string) => t.replaceAll('-', '');
        expect(charBag(texts.map(strip))).toBe(charBag([strip(source)]));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on generated HTML pages and keeps every character of the body it found', () => {
    const el = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(headingText, fc.string({ maxLength: 30 })).map((t) => escapeHtml(t)),
        fc
          .tuple(
            fc.constantFrom('div', 'p', 'h2', 'span', 'sup', 'ul', 'li', 'table', 'td', 'section', 'script'),
            fc.constantFrom('', 'vraag', 'antwoord', 'kamervraagopmerking', 'voet noot', 'nummer', 'stuk'),
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([tag, cls, kids]) => `<${tag}${cls ? ` class="${cls}"` : ''}>${kids.join('')}</${tag}>`),
      ),
    })).node;
    const window = new Window();
    fc.assert(
      fc.property(fc.array(el, { maxLength: 12 }), (parts) => {
        const dom = new window.DOMParser().parseFromString(
          `<html><body>${parts.join('')}</body></html>`,
          'text/html',
        ) as unknown as Document;
        const parsed = parseHtmlDocument(dom);
        const source = parsed.root ? visibleText(parsed.root) : '';
        expect(charBag(modelTexts(parsed.document))).toBe(charBag([source]));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('handles a 10,000-block document', () => {
    const blocks: Block[] = [
      { text: 'Vragen van het lid X (Y) aan de Minister van Z over W (ingezonden 1 mei 2024).' },
    ];
    for (let n = 1; blocks.length < 10_000; n++) {
      blocks.push(
        { text: `Vraag ${n}` },
        { text: `Vraagtekst ${n}?` },
        { text: `Antwoord ${n}` },
        { text: `Ja ${n}.` },
      );
    }
    const started = performance.now();
    const { document } = classify(blocks);
    const ms = performance.now() - started;
    expect(document.pairs).toHaveLength(2500);
    expect(document.pairs[2499].numbers).toEqual([2500]);
    expect(ms).toBeLessThan(5000); // a generous bound against quadratic blow-up, not a benchmark
    keepsEverything(blocks);
  });
});
