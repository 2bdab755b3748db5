// The rules behind the parser, each on the smallest input that shows it (real wording from the corpus where it exists).

import { describe, expect, it } from 'vitest';
import { parseText } from '../../utils/kamervraag';
import type { Block } from '../../utils/kamervraag/blocks';
import { classify } from '../../utils/kamervraag/classify';
import { parseHeader } from '../../utils/kamervraag/header';
import { parseHeading, parseNumbers } from '../../utils/kamervraag/headings';
import { joinHyphenated } from '../../utils/kamervraag/plaintext';
import { findReferences } from '../../utils/kamervraag/references';
import { findKamervraagId, idParts } from '../../utils/site/ids';
import { caseSource } from '../support/fixtures';

const blocks = (...texts: string[]): Block[] => texts.map((text) => ({ text }));
const numbersOf = (...texts: string[]) => classify(blocks(...texts)).document.pairs.map((p) => p.numbers);

describe('headings', () => {
  it.each([
    ['Vraag 1', 'vraag', [1]],
    ['Vraag 3, 4 en 5', 'vraag', [3, 4, 5]],
    ['Vraag 1, 2, 3 en 5', 'vraag', [1, 2, 3, 5]],
    ['Vraag 7, 8, 9 10 en 11', 'vraag', [7, 8, 9, 10, 11]],
    ['Vraag 5, 6', 'vraag', [5, 6]],
    ['Vragen 4 t/m 6', 'vraag', [4, 5, 6]],
    ['Vraag 7 tot en met 9', 'vraag', [7, 8, 9]],
    ['Antwoord 5 en 6', 'antwoord', [5, 6]],
    ['Antwoord op vraag 3', 'antwoord', [3]],
    ['Antwoord op vraag 1:', 'antwoord', [1]],
    ['Antwoord', 'antwoord', []],
    ['\fAntwoord 3, 4, 5 en 6', 'antwoord', [3, 4, 5, 6]],
    ['Mededeling', 'mededeling', []],
  ])('%j is a %s heading for %j', (text, side, numbers) => {
    expect(parseHeading(text)).toMatchObject({ side, numbers });
  });

  it.each([
    'zie het antwoord op vraag 8',
    'Zie verder het antwoord op vraag 8.',
    'Vraag 1 is beantwoord in de brief.',
    'Antwoorden volgen later',
    '2',
  ])('%j is not a heading', (text) => {
    expect(parseHeading(text)).toBeNull();
  });

  it('takes a bare number as a label only where the markup says so (p.nummer)', () => {
    expect(parseHeading('1')).toBeNull();
    expect(parseHeading('1', 'antwoord')).toMatchObject({ side: 'antwoord', numbers: [1] });
  });

  it('does not expand absurd ranges or numbers', () => {
    expect(parseNumbers('1 t/m 100000000')).toEqual([1]);
    expect(parseNumbers('99999999999')).toEqual([]);
  });
});

describe('pairing', () => {
  it('pairs plain and grouped headings', () => {
    expect(numbersOf('Vraag 1', 'q', 'Antwoord 1', 'a', 'Vraag 2 en 3', 'q', 'Antwoord 2 en 3', 'a')).toEqual(
      [[1], [2, 3]],
    );
  });
  it('joins separate questions answered together (Vraag 5, Vraag 6 → Antwoord 5 en 6)', () => {
    const { pairs } = classify(blocks('Vraag 5', 'q5', 'Vraag 6', 'q6', 'Antwoord 5 en 6', 'a')).document;
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({
      numbers: [5, 6],
      label: 'Vraag 5 en 6',
      question: 'q5\nq6',
      answer: 'a',
    });
    expect(pairs[0].questionLabels).toEqual(['Vraag 5', 'Vraag 6']);
  });
  it('pairs "Antwoord op vraag 3" and a bare "Antwoord"', () => {
    expect(numbersOf('Vraag 3', 'q', 'Antwoord op vraag 3', 'a', 'Vraag 4', 'q', 'Antwoord', 'a')).toEqual([
      [3],
      [4],
    ]);
  });
  it('numbers unnumbered questions after the previous one', () => {
    const doc = classify([
      { text: 'Vraag 1' },
      { text: 'q1' },
      { text: 'Antwoord 1' },
      { text: 'a1' },
      { text: 'q2', role: 'vraag', group: 7 },
      { text: 'a2', role: 'antwoord', group: 8 },
    ]).document;
    expect(doc.pairs.map((p) => [p.numbers, p.question, p.answer])).toEqual([
      [[1], 'q1', 'a1'],
      [[2], 'q2', 'a2'],
    ]);
  });
  it('never invents answers: a question without answer keeps answer null', () => {
    const doc = classify(blocks('Vraag 1', 'q1', 'Vraag 2', 'q2', 'Antwoord 2', 'a2')).document;
    expect(doc.pairs.map((p) => [p.numbers, p.answer])).toEqual([
      [[1], null],
      [[2], 'a2'],
    ]);
  });
  it('keeps "zie het antwoord op vraag 8" inside the answer', () => {
    const doc = classify(blocks('Vraag 1', 'q', 'Antwoord 1', 'Ja,', 'zie het antwoord op vraag 8')).document;
    expect(doc.pairs[0].answer).toBe('Ja,\nzie het antwoord op vraag 8');
  });
  it('makes a Mededeling document of questions plus a Mededeling block', () => {
    const doc = classify(
      blocks(
        'Vragen van het lid X (D66) aan de Minister van Financiën over Y (ingezonden 30 mei 2024).',
        'Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen (ontvangen 7 juni 2024).',
        'Vraag 1',
        'q1',
        'Mededeling',
        'De vragen zijn beantwoord middels een brief.',
      ),
    ).document;
    expect(doc.kind).toBe('mededeling');
    expect(doc.dateReceived).toBe('2024-06-07');
    expect(doc.pairs).toEqual([expect.objectContaining({ numbers: [1], answer: null })]);
    expect(doc.mededeling).toBe('Mededeling\nDe vragen zijn beantwoord middels een brief.');
  });
});

describe('Zie ook and other references', () => {
  const ids = (text: string, chamber: 'tk' | 'ek' = 'tk') => findReferences(text, chamber).map((r) => r.id);
  it.each([
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 594.', 'ah-tk-20232024-594'],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, 1028', 'ah-tk-20232024-1028'],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1848', 'ah-tk-20232024-1848'],
    ['Zie ook Aanhangsel Handelingen, vergaderjaar\n2023–2024, nr. 1047.', 'ah-tk-20232024-1047'],
    ['(Aanhangsel Handelingen, vergaderjaar 2022–203, nr. 844)', 'ah-tk-20222023-844'],
    ['Aanhangsel Handelingen II, vergaderjaar 2019–2020, nr. 3975', 'ah-tk-20192020-3975'],
    ['Aanhangsel Handelingen I 2014/15, nr. 12', 'ah-ek-20142015-12'],
    ['Aanhangsel Handelingen II 2014/15, nr. 1241', 'ah-tk-20142015-1241'],
    ['Aanhangsel van de Handelingen, vergaderjaar 2023–2024, nr. 76 (2023D39037)', 'ah-tk-20232024-76'],
  ])('%j → %s', (text, id) => {
    expect(ids(text)).toEqual([id]);
  });
  it('takes the page chamber for an unmarked Aanhangsel', () => {
    expect(ids('Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 12', 'ek')).toEqual([
      'ah-ek-20232024-12',
    ]);
  });
  it('finds Kamerstukken and kamervraagnummers', () => {
    expect(ids('zie Kamerstuk 36 410, nr. 72 en vragen 2024Z01234.')).toEqual([
      'kst-36410-72',
      'kv-tk-2024Z01234',
    ]);
    expect(ids('Tweede Kamer, vergaderjaar 2022–2023, 26 485, nr. 424')).toEqual(['kst-26485-424']);
    expect(ids('Kamerstuk 35 925-A, nr. 68')).toEqual(['kst-35925-A-68']);
    expect(ids('Kamerstuk 36 200 IV, nr. 25.')).toEqual(['kst-36200-IV-25']);
    expect(ids('Kamerstukken II 2023/24, 36 410 IV, nr. 15')).toEqual(['kst-36410-IV-15']);
  });
  it('reads a footnote marker glued to a word without spoiling the reference', () => {
    expect(ids('Kamerstuk 26 485, nr. 432.3 Dat is')).toEqual(['kst-26485-432']);
  });
});

describe('header', () => {
  it('reads askers, addressees, subject, dates and who answered', () => {
    const h = parseHeader(
      'Vragen van het lid Van Eijk en Aartsen (beiden VVD) aan de Staatssecretaris van Financiën en de Minister van Sociale Zaken en Werkgelegenheid over het bericht (ingezonden 29 mei 2024). Antwoord van Staatssecretaris Van Rij (Financiën – Fiscaliteit en Belastingdienst), mede namens de Minister van Sociale Zaken en Werkgelegenheid (ontvangen 14 juni 2024)',
    );
    expect(h.askers).toEqual([
      { name: 'Van Eijk', party: 'VVD' },
      { name: 'Aartsen', party: 'VVD' },
    ]);
    expect(h.addressees).toEqual([
      'Staatssecretaris van Financiën',
      'Minister van Sociale Zaken en Werkgelegenheid',
    ]);
    expect(h.dateSubmitted).toBe('2024-05-29');
    expect(h.dateReceived).toBe('2024-06-14');
    expect(h.answeredBy).toEqual({
      role: 'Staatssecretaris',
      name: 'Van Rij',
      ministry: 'Financiën – Fiscaliteit en Belastingdienst',
    });
    expect(h.coSigners).toEqual([
      { role: 'Minister', name: '', ministry: 'Sociale Zaken en Werkgelegenheid' },
    ]);
  });
  it('takes no word starting with "over" for the "over" before the subject', () => {
    const info = parseHeader(
      'Vragen van het lid A (X) aan de Minister van Binnenlandse Zaken inzake overheidsdata (ingezonden 1 mei 2024).',
    );
    expect(info.subject).toBeNull();
    expect(
      parseHeader(
        'Vragen van het lid A (X) aan de Minister voor Klimaat overhet artikel (ingezonden 1 mei 2024).',
      ).subject,
    ).toBe('het artikel');
  });

  it('reads askers glued to their party', () => {
    expect(
      parseHeader(
        'Vragen van de leden Bushoff en Patijn(beiden GroenLinks-PvdA) aan de Minister van X over Y (ingezonden 5 juli 2024).',
      ).askers,
    ).toEqual([
      { name: 'Bushoff', party: 'GroenLinks-PvdA' },
      { name: 'Patijn', party: 'GroenLinks-PvdA' },
    ]);
  });
});

describe('identifier', () => {
  it('derives the id from the printed header (chamber, vergaderjaar, number) when no id is printed', () => {
    const raw = caseSource('txt-ah-tk-20232024-2367');
    const withoutId = raw.replace(/^ah-tk-20232024-2367$/m, '');
    expect(withoutId).not.toContain('ah-tk-20232024-2367');
    const doc = parseText(withoutId).document;
    expect(doc.id).toBe('ah-tk-20232024-2367');
    expect([doc.chamber, doc.vergaderjaar, doc.aanhangselnummer]).toEqual(['tk', '2023-2024', 2367]);
    const ek = parseText(
      withoutId.replace('Tweede Kamer der Staten-Generaal', 'Eerste Kamer der Staten-Generaal'),
    );
    expect(ek.document.id).toBe('ah-ek-20232024-2367');
  });
  it('reads suffixed and kv identifiers', () => {
    expect(findKamervraagId('/ah-tk-20142015-1669-n1.html')).toBe('ah-tk-20142015-1669-n1');
    expect(findKamervraagId('/kv-tk-2024Z01234.html')).toBe('kv-tk-2024Z01234');
    expect(findKamervraagId('/kst-36410-72.html')).toBeNull();
    expect(idParts('ah-ek-20232024-12')).toEqual({
      chamber: 'ek',
      vergaderjaar: '2023-2024',
      aanhangselnummer: 12,
      kind: null,
    });
    expect(idParts('kv-tk-2024Z01234').kind).toBe('vragen');
  });
});

describe('text adapter', () => {
  it('rejoins words split over lines but keeps suspended hyphens', () => {
    expect(joinHyphenated(['naar aanlei-', 'ding van', 'milieu-', 'en sociale'])).toEqual([
      'naar aanleiding',
      'van',
      'milieu-',
      'en sociale',
    ]);
    expect(joinHyphenated(['de Minister-', 'President'])).toEqual(['de Minister-', 'President']);
  });
});
