// Every way real text reaches the parser (issue 17): whitespace collapsed, lines joined, words glued, references as
// extraction tools print them, headings inline. The variant fixtures (test/fixtures/cases/<style>-*) are checked
// exactly in fixtures.test.ts; here the properties that must hold for every corpus document, and the rules one by one.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../utils/kamervraag';
import { markdownToText } from '../../utils/kamervraag/markdown';
import { findReferences } from '../../utils/kamervraag/references';
import { caseSource, fixtureCases, readSource } from '../support/fixtures';

/** What must not change: each pair's numbers and whether it has an answer, and the related documents */
function outline(text: string) {
  const d = parseText(text).document;
  return {
    pairs: d.pairs.map((p) => [p.numbers.join(','), p.answer !== null]),
    related: d.related.map((r) => r.id),
  };
}

const textCases = fixtureCases().filter((c) => /\.(txt|md)$/u.test(c.source));
const documents = textCases.map((c) => ({ name: c.name, text: readSource(c.source) }));

describe('input styles: the same pairs and related documents however the text is laid out', () => {
  it('has every text document: 22 PDFs in 8 styles and the seed in 2', () => {
    expect(documents.length).toBe(22 * 7 + 4 + 2);
  });

  it.each(documents)('$name: whitespace collapsed, lines joined with or without a space', ({ text }) => {
    const expected = outline(text);
    expect(expected.pairs.length).toBeGreaterThan(0);
    expect(outline(text.replace(/\s+/gu, ' '))).toEqual(expected);
    expect(outline(text.replace(/[\r\n\f]+/gu, ' '))).toEqual(expected);
    expect(outline(text.replace(/[\r\n\f]+/gu, ''))).toEqual(expected);
  });

  // Text without page layout, with any of its line breaks removed (a space or nothing in their place): partly flat,
  // partly glued, as text copied from different viewers is.
  const unlaid = documents.filter((d) => /^(flat|eol|spaced|glued)-/u.test(d.name));
  const expected = new Map(unlaid.map((d) => [d.name, outline(d.text)]));
  it('text without page layout: any line breaks removed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...unlaid),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.constantFrom('', ' '),
        (d, joins, glue) => {
          let k = 0;
          const text = d.text.replace(/\s*[\n\f]+\s*/gu, (m) => (joins[k++ % joins.length] ? glue : m));
          expect(outline(text)).toEqual(expected.get(d.name));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('headings inline', () => {
  const flat = caseSource('flat-ah-tk-20232024-1481');
  const base = parseText(flat).document;

  it.each([
    'zoals in antwoord 3 vermeld',
    'Zoals vermeld in Antwoord 3 van deze set',
    'Vraag 2 van het lid Koekkoek is eerder beantwoord.',
    'Zie ook Vraag 4 hierboven.',
    'De Vraag 1 was al gesteld.',
    'In 2023. Antwoord 12 Kamerleden vroegen',
    'Antwoord 1 2019 bleek',
  ])('an in-sentence %j stays text', (phrase) => {
    // Put in the middle of the first answer of a real document run together on one line.
    const at = flat.indexOf('Tijdens dit gesprek');
    const text = `${flat.slice(0, at)}${phrase} ${flat.slice(at)}`;
    const d = parseText(text).document;
    expect(d.pairs.map((p) => p.numbers)).toEqual(base.pairs.map((p) => p.numbers));
    expect(d.pairs[0].answer).toContain(phrase);
  });

  it('finds headings glued to the words around them (text glued at line ends)', () => {
    const d = parseText(
      'Vragen van het lid A (VVD) aan de Minister van Financiën over iets (ingezonden 1 maart 2024).Antwoord van ' +
        'Minister B (Financiën) (ontvangen 2 april 2024).Vraag 1Kent u het bericht?1Antwoord 1Ja.Vraag 2 en 3Wat is ' +
        'het plan?Antwoord 2 en 3Er is geen plan. Antwoord 9 Ja Vraag 4Waarom?Antwoord 4Daarom.',
    ).document;
    expect(d.pairs.map((p) => [p.numbers, p.question, p.answer])).toEqual([
      [[1], 'Kent u het bericht?1', 'Ja.'],
      [[2, 3], 'Wat is het plan?', 'Er is geen plan. Antwoord 9 Ja'],
      [[4], 'Waarom?', 'Daarom.'],
    ]);
    expect(d.dateSubmitted).toBe('2024-03-01');
    expect(d.dateReceived).toBe('2024-04-02');
  });

  it('does not take "… op Vraag 3." ending a sentence inside an answer for the next heading', () => {
    const d = parseText(
      'Vraag 2 Wat is het plan? Antwoord 2 Ik verwijs naar mijn antwoord op Vraag 3. Dat volstaat. Vraag 3 Waarom? Antwoord 3 Daarom.',
    ).document;
    expect(d.pairs.map((p) => [p.numbers, p.question, p.answer])).toEqual([
      [[2], 'Wat is het plan?', 'Ik verwijs naar mijn antwoord op Vraag 3. Dat volstaat.'],
      [[3], 'Waarom?', 'Daarom.'],
    ]);
  });

  it('takes "Ja Vraag 10 Wilt u" (an answer without a full stop) only as the next step', () => {
    const d = parseText(
      'Vraag 9 Kunt u alles beantwoorden? Antwoord 9 Ja Vraag 10 Wilt u snel antwoorden? Antwoord 10 Ja.',
    ).document;
    expect(d.pairs.map((p) => [p.numbers, p.answer])).toEqual([
      [[9], 'Ja'],
      [[10], 'Ja.'],
    ]);
  });

  it('takes PDF furniture between pairs out of the text: a colophon line, a footer with its page number glued to a heading', () => {
    const flat = caseSource('flat-ah-tk-20232024-1481');
    const base = parseText(flat).document;
    // A colophon and a running footer as other extraction tools print them, glued to the next heading.
    const at = flat.indexOf('Vraag 3');
    const text = `${flat.slice(0, at)}ah-tk-20232024-1481 ISSN 0168-6275 'sGravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2${flat.slice(at)}`;
    const d = parseText(text).document;
    expect(d.pairs.map((p) => p.numbers)).toEqual(base.pairs.map((p) => p.numbers));
    expect(d.pairs.map((p) => [p.question, p.answer])).toEqual(base.pairs.map((p) => [p.question, p.answer]));
    expect(d.furniture).toContain("ah-tk-20232024-1481 ISSN 0168-6275 'sGravenhage 2024");
    // In laid-out text, the place on a line of its own, without its hyphen.
    const lines = caseSource('txt-ah-tk-20232024-1481').replace(
      '\nVraag 3\n',
      "\n'sGravenhage 2024\nVraag 3\n",
    );
    expect(parseText(lines).document.furniture).toContain("'sGravenhage 2024");
  });

  it('takes Markdown’s syntax off and nothing else', () => {
    expect(
      markdownToText(
        '# Tweede Kamer der Staten-Generaal\n\n### 1481 ###\n**Vraag 1**\nIs 3 * 4 = 12? Zie __dit__ en \\*niet\\* dat.\n---\n' +
          '| ’s-Gravenhage 2024 | Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel | 1 |\n|---|---|---|\n> C#',
      ),
    ).toBe(
      'Tweede Kamer der Staten-Generaal\n\n1481\nVraag 1\nIs 3 * 4 = 12? Zie dit en *niet* dat.\n\n' +
        '’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1\n\nC#',
    );
  });

  it('finds **Vraag 1** in Markdown, on its own line or run together', () => {
    const md = caseSource('md-ah-tk-20232024-1481');
    expect(md).toContain('**Vraag 1**');
    const pairs = parseText(md).document.pairs.map((p) => p.numbers);
    expect(pairs).toEqual([[1], [2], [3], [4], [5, 6]]);
    expect(parseText(md.replace(/\s+/gu, ' ')).document.pairs.map((p) => p.numbers)).toEqual(pairs);
  });
});

describe('references as extraction tools print them', () => {
  const ids = (text: string) => findReferences(text).map((r) => r.id);
  it.each([
    ['Zie ook Aanhangsel Handelingen, vergaderjaar2023–2024, nr. 594.', 'ah-tk-20232024-594'],
    ['Zie ook AanhangselHandelingen, vergaderjaar 2023–2024, 1028Vraag 1', 'ah-tk-20232024-1028'],
    ['Zie ook Aanhangsel Handelingen,vergaderjaar 2023–2024, nr. 1379.Vraag 1', 'ah-tk-20232024-1379'],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024,nr. 1137.', 'ah-tk-20232024-1137'],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr.1047.', 'ah-tk-20232024-1047'],
    ['Zie ook Aanhang- sel Handelingen, vergaderjaar 2023–2024, nr. 1047.', 'ah-tk-20232024-1047'],
    [
      'Zie ook Aanhangsel\u00a0Handelingen, vergaderjaar\u00a02023\u20132024, nr.\u00a01047.',
      'ah-tk-20232024-1047',
    ],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023\u20142024, nr. 1047.', 'ah-tk-20232024-1047'],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023/2024, nr. 1047.', 'ah-tk-20232024-1047'],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 1047.', 'ah-tk-20232024-1047'],
  ])('%j → %s', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });

  it('reads lists and ranges of numbers, each linked on its own', () => {
    const text =
      'Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1059, 1060 en 1061. Verder nrs. ';
    const refs = findReferences(text);
    expect(refs.map((r) => r.id)).toEqual([
      'ah-tk-20232024-1059',
      'ah-tk-20232024-1060',
      'ah-tk-20232024-1061',
    ]);
    // The first with the citation, each further number as its own link text at its own place.
    expect(refs.map((r) => [r.text, text.slice(r.index, r.index + r.text.length)])).toEqual([
      [
        'Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1059',
        'Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1059',
      ],
      ['1060', '1060'],
      ['1061', '1061'],
    ]);
    expect(ids('Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1059 t/m 1063.')).toEqual(
      [1059, 1060, 1061, 1062, 1063].map((n) => `ah-tk-20232024-${n}`),
    );
  });

  it('ends a list before a kamervraagnummer, reads a backward "range" as its first number, links a range’s end', () => {
    const text = 'Aanhangsel Handelingen II 2023/24, nr. 1047 en 2024Z01234.';
    expect(findReferences(text).map((r) => [r.id, text.slice(r.index, r.index + r.text.length)])).toEqual([
      ['ah-tk-20232024-1047', 'Aanhangsel Handelingen II 2023/24, nr. 1047'],
      ['kv-tk-2024Z01234', '2024Z01234'],
    ]);
    expect(ids('Aanhangsel Handelingen II 2023/24, nr. 1047-12.')).toEqual(['ah-tk-20232024-1047']);
    const range = 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1059 t/m 1061.';
    const refs = findReferences(range);
    expect(refs.map((r) => [r.id, r.index, r.text])).toEqual([
      ['ah-tk-20232024-1059', 0, 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1059'],
      ['ah-tk-20232024-1060', 0, 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1059'],
      ['ah-tk-20232024-1061', range.indexOf('1061'), '1061'],
    ]);
  });

  it('does not take a date or a count after a number for a list', () => {
    expect(ids('Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047, 12 februari 2024')).toEqual([
      'ah-tk-20232024-1047',
    ]);
    expect(ids('Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047 en 3 andere')).toEqual([
      'ah-tk-20232024-1047',
    ]);
  });

  // The seed's header (seven answers to the same questions) with its "Zie ook" sentences as other documents print
  // them: several in a row, a list, the same list twice, a list broken by a page end with the running footer.
  // Its paragraphs on consecutive lines, as pdftotext prints a page (a blank line there ends the page's text).
  const seed = caseSource('txt-seed-eerdmans-vws').replace(/[ \t]*\n\s*\n/gu, '\n');
  const zieOok = /Zie ook Aanhangsel[\s\S]*?nr\. 1063\./u;
  const related = [1047, 1059, 1060, 1061, 1062, 1063].map((n) => `ah-tk-20232024-${n}`);
  it.each([
    [
      'a list after a sentence',
      'Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047. Zie ook Aanhangsel Handelingen, ' +
        'vergaderjaar 2023–2024, nr. 1059, 1060, 1061, 1062 en 1063.',
    ],
    [
      'the same list twice',
      'Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nrs. 1047, 1059 en 1060. Zie ook Aanhangsel ' +
        'Handelingen, vergaderjaar 2023–2024, nrs. 1047, 1059 en 1060. Zie ook Aanhangsel Handelingen, vergaderjaar ' +
        '2023–2024, nrs. 1061 t/m 1063.',
    ],
    [
      'a list across a page end with the footer between',
      'Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047. Zie ook Aanhangsel Handelingen,\n' +
        'vergaderjaar 2023–2024, nr. 1059, 1060\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1\n\f' +
        'en 1061, 1062 en 1063.',
    ],
    [
      'a list across a page end, run together on one line',
      'Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047. Zie ook Aanhangsel Handelingen, ' +
        'vergaderjaar 2023–2024, nr. 1059, 1060 Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1 en 1061, 1062 ' +
        'en 1063.',
    ],
  ])('%s: every id once, in order', (_name, sentences) => {
    expect(seed).toMatch(zieOok);
    for (const text of [
      seed.replace(zieOok, sentences),
      seed.replace(zieOok, sentences).replace(/\s+/gu, ' '),
    ]) {
      expect(parseText(text).document.related.map((r) => r.id)).toEqual(related);
    }
  });
});
