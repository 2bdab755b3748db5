// The facts of a related document that the navigator and "compare answers" show: what it is, who answered when, and
// its answers as plain text. Small enough to cache, and nothing in it is markup.

import type { Answerer, DocumentKind, KamervraagDocument } from '../kamervraag/model';
import { isKamervraagId } from '../site/ids';
import type { RelatedPair } from './match';

export interface RelatedFacts {
  id: string;
  kind: DocumentKind;
  /** Who answered (or sent the mededeling) */
  answeredBy: Answerer | null;
  /** ISO date the answer (or mededeling) was received; for questions, the date they were submitted */
  date: string | null;
  subject: string | null;
  pairs: RelatedPair[];
  /** The mededeling's text, null when there is none */
  mededeling: string | null;
  /** The documents it names as related (a kv page: its answers and mededelingen) */
  related: string[];
}

/** Answers longer than this are cut (with "…") in the cached facts: compare shows the start, the link the rest. */
const MAX_ANSWER = 8000;

function cut(text: string | null): string | null {
  if (text === null || text.length <= MAX_ANSWER) return text;
  return `${text.slice(0, MAX_ANSWER).trimEnd()}…`;
}

export function factsOf(id: string, doc: KamervraagDocument): RelatedFacts {
  return {
    id,
    kind: doc.kind,
    answeredBy: doc.answeredBy,
    date: doc.kind === 'vragen' ? doc.dateSubmitted : doc.dateReceived,
    subject: doc.subject,
    pairs: doc.pairs.map((p) => ({
      numbers: p.numbers,
      label: p.answerLabel ?? p.questionLabels[0] ?? p.label,
      answer: cut(p.answer),
    })),
    mededeling: cut(doc.mededeling),
    related: doc.related.map((r) => r.id),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function isAnswerer(v: unknown): v is Answerer | null {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return isString(a.role) && isString(a.name) && (a.ministry === undefined || isString(a.ministry));
}

function isPair(v: unknown): v is RelatedPair {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    Array.isArray(p.numbers) &&
    p.numbers.every((n) => Number.isInteger(n)) &&
    isString(p.label) &&
    isStringOrNull(p.answer)
  );
}

/** Whether a value read from storage (or sent by a tab) has the shape of RelatedFacts. */
export function isRelatedFacts(v: unknown): v is RelatedFacts {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    isString(f.id) &&
    isKamervraagId(f.id) &&
    (f.kind === 'antwoord' || f.kind === 'mededeling' || f.kind === 'vragen') &&
    isAnswerer(f.answeredBy) &&
    isStringOrNull(f.date) &&
    isStringOrNull(f.subject) &&
    Array.isArray(f.pairs) &&
    f.pairs.every(isPair) &&
    isStringOrNull(f.mededeling) &&
    Array.isArray(f.related) &&
    f.related.every(isString)
  );
}
