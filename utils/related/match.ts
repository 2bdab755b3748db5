// Which of a related document's pairs answer one question: ministries group questions differently, so answers are
// matched by question number, never by position.

import { parseNumbers } from '../kamervraag/headings';

/** One pair of a related document, as the compare view needs it. */
export interface RelatedPair {
  /** Question numbers the pair covers, ascending ("Antwoord 1 en 2" → [1, 2]) */
  numbers: number[];
  /** The heading as printed on the answer side, else the question side ("Antwoord 1 t/m 3") */
  label: string;
  /** Plain text of the answer, paragraphs separated by "\n"; null when the pair has no answer */
  answer: string | null;
}

/** What a related document says to one question. */
export interface AnswerMatch {
  pair: RelatedPair;
  /** The answer covers other questions as well ("Antwoord 1 en 2" shown for question 1) */
  joint: boolean;
}

/**
 * Question numbers in a heading when the parser found none: "Vraag 2a" and "Antwoord 2b" are parts of question 2
 * ("Vraag 2a en 2b" too); otherwise as the parser reads numbers ("1 t/m 3", "1, 2 en 5").
 */
export function labelNumbers(label: string): number[] {
  const m = /(\d[\d\s,a-z/–-]*)$/iu.exec(label.replace(/\s*[:.]$/u, ''));
  if (!m) return [];
  return parseNumbers(m[1].replace(/(\d)[a-z]\b/giu, '$1').replace(/\s*\ben\b\s*/giu, ', '));
}

/** The numbers a pair covers: the parser's, or those its label names. */
export function pairNumbers(pair: RelatedPair): number[] {
  return pair.numbers.length ? pair.numbers : labelNumbers(pair.label);
}

/**
 * The pairs of a related document that answer any of `numbers` (a pair here may group questions the related document
 * answers apart, and the other way round), in their order there. Pairs without an answer are left out.
 */
export function answersTo(numbers: readonly number[], pairs: readonly RelatedPair[]): AnswerMatch[] {
  const out: AnswerMatch[] = [];
  for (const pair of pairs) {
    if (pair.answer === null) continue;
    const covers = pairNumbers(pair);
    if (!covers.some((n) => numbers.includes(n))) continue;
    out.push({ pair, joint: covers.some((n) => !numbers.includes(n)) });
  }
  return out;
}
