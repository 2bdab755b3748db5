// The one schema of a fixture case's expected.json, for every fixture kind (HTML, XML, text in every input style,
// Markdown), and its one reader: the unit tests, the end-to-end tests, the benchmark and the fixture scripts use this.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KamervraagDocument, Pair } from '../../utils/kamervraag/model';
import { normalizeSpace } from '../../utils/kamervraag/text';

/**
 * A text pinned without copying it: its length and its first and last 40 characters, whitespace collapsed. A parser
 * change that moves a paragraph to another pair changes a length or an end.
 */
export interface Fingerprint {
  length: number;
  first: string;
  last: string;
}

export interface ExpectedPair {
  numbers: number[];
  question: Fingerprint;
  /** null: the pair has no answer */
  answer: Fingerprint | null;
}

export interface Expected {
  /** The source file in the case's folder: source.html, source.xml, source.txt, source.md */
  file: string;
  id: string | null;
  kind: KamervraagDocument['kind'];
  /** Every pair, in order */
  pairs: ExpectedPair[];
  /** The "Zie ook" documents, in order, each once */
  related?: string[];
  footnotes?: number;
  subject?: string | null;
  dateSubmitted?: string | null;
  dateReceived?: string | null;
  askers?: { name: string; party?: string }[];
  addressees?: string[];
  /** The kamervraagnummer, e.g. "2024Z02563" */
  questionNumber?: string | null;
  answeredBy?: KamervraagDocument['answeredBy'];
  coSigners?: number;
  /** Every reference in the text, in order, each once */
  references?: string[];
  /** What this input style cannot give and is therefore not asserted, in words (e.g. footnote markers glued to numbers) */
  limits?: string[];
}

export const FINGERPRINT_END = 40;

export function fingerprint(text: string): Fingerprint {
  const t = normalizeSpace(text);
  return { length: t.length, first: t.slice(0, FINGERPRINT_END), last: t.slice(-FINGERPRINT_END) };
}

export function expectedPair(p: Pair): ExpectedPair {
  return {
    numbers: p.numbers,
    question: fingerprint(p.question),
    answer: p.answer === null ? null : fingerprint(p.answer),
  };
}

/** The pair numbers of an expected result, one list per pair */
export const pairNumbers = (e: Expected): number[][] => e.pairs.map((p) => p.numbers);

export function readExpected(caseDir: string): Expected {
  return JSON.parse(readFileSync(join(caseDir, 'expected.json'), 'utf8')) as Expected;
}

/** An expected result drafted from a parsed document, for a person to check before it is committed. */
export function draftExpected(file: string, d: KamervraagDocument): Expected {
  return {
    file,
    id: d.id,
    kind: d.kind,
    pairs: d.pairs.map(expectedPair),
    related: d.related.map((r) => r.id),
    footnotes: d.footnotes.length,
    subject: d.subject,
    dateSubmitted: d.dateSubmitted,
    dateReceived: d.dateReceived,
    askers: d.askers,
    answeredBy: d.answeredBy,
    coSigners: d.coSigners.length,
    references: d.references.map((r) => r.id),
  };
}

/** expected.json as written: number lists on one line, so a reader can check them against the headings at a glance. */
export function formatExpected(e: Expected): string {
  const json = JSON.stringify(e, null, 2).replace(
    /\[\s+([\d,\s]+?)\s+\]/g,
    (_m, g: string) => `[${g.replace(/\s+/g, '')}]`,
  );
  return `${json}\n`;
}
