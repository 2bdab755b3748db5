// A saved copy of a document: the whole parsed model (facts, pairs, mededeling, footnotes, references, and the text
// the parser could not place), so the reader can open and search it without the site. Pure: no browser APIs.

import type { KamervraagDocument } from '../kamervraag/model';
import { isKamervraagId, isSiteUrl } from '../site/ids';

/** The copy format; a copy of another version is kept in storage as it is and not shown. */
export const COPY_VERSION = 1;

export interface SavedCopy {
  version: typeof COPY_VERSION;
  /** The document's id: one copy per document, whichever of its entries (the document, single answers) saved it */
  id: string;
  /** The page it was read from */
  url: string;
  /** When it was read from the site (epoch ms) */
  savedAt: number;
  doc: KamervraagDocument;
}

export function copyOf(id: string, url: string, doc: KamervraagDocument, now: number): SavedCopy {
  return { version: COPY_VERSION, id, url, savedAt: now, doc: { ...doc, id } };
}

// ---- strict validation (copies from storage, and above all from an import) ----

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown) => v === null || isStr(v);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isArrayOf = (v: unknown, ok: (x: unknown) => boolean) => Array.isArray(v) && v.every(ok);
const isInt = (v: unknown) => Number.isSafeInteger(v);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDateOrNull = (v: unknown) => v === null || (isStr(v) && ISO_DATE.test(v));

const isAnswerer = (v: unknown) =>
  isObj(v) && isStr(v.role) && isStr(v.name) && (v.ministry === undefined || isStr(v.ministry));
const isPerson = (v: unknown) => isObj(v) && isStr(v.name) && (v.party === undefined || isStr(v.party));
const isReference = (v: unknown) =>
  isObj(v) &&
  ['aanhangsel', 'kamerstuk', 'kamervraag', 'document'].includes(v.type as string) &&
  isStr(v.text) &&
  isStr(v.id) &&
  isStr(v.url);
const isRelated = (v: unknown) => isObj(v) && isStr(v.id) && isStr(v.url) && isInt(v.number);
const isFootnote = (v: unknown) => isObj(v) && isStr(v.marker) && isStr(v.text);
const isPair = (v: unknown) =>
  isObj(v) &&
  isStr(v.label) &&
  isArrayOf(v.numbers, isInt) &&
  (v.numbers as unknown[]).length > 0 &&
  isArrayOf(v.questionLabels, isStr) &&
  isStr(v.question) &&
  isStrOrNull(v.answerLabel) &&
  isStrOrNull(v.answer);

/** Whether a value has the shape of the document model, field by field (nothing else reaches the saved-copy page). */
export function isDocumentModel(v: unknown): v is KamervraagDocument {
  return (
    isObj(v) &&
    isStrOrNull(v.id) &&
    ['antwoord', 'mededeling', 'vragen'].includes(v.kind as string) &&
    (v.chamber === null || v.chamber === 'tk' || v.chamber === 'ek') &&
    isStrOrNull(v.vergaderjaar) &&
    (v.aanhangselnummer === null || isInt(v.aanhangselnummer)) &&
    isStrOrNull(v.subject) &&
    isArrayOf(v.askers, isPerson) &&
    isArrayOf(v.addressees, isStr) &&
    isDateOrNull(v.dateSubmitted) &&
    isDateOrNull(v.dateReceived) &&
    (v.answeredBy === null || isAnswerer(v.answeredBy)) &&
    isArrayOf(v.coSigners, isAnswerer) &&
    isArrayOf(v.related, isRelated) &&
    isArrayOf(v.pairs, isPair) &&
    isStrOrNull(v.mededeling) &&
    isArrayOf(v.footnotes, isFootnote) &&
    isArrayOf(v.references, isReference) &&
    isArrayOf(v.header, isStr) &&
    isArrayOf(v.furniture, isStr) &&
    isArrayOf(v.unclassified, isStr)
  );
}

/** Whether a value is a copy this version can show. */
export function isSavedCopy(v: unknown): v is SavedCopy {
  return (
    isObj(v) &&
    v.version === COPY_VERSION &&
    isStr(v.id) &&
    isKamervraagId(v.id) &&
    isStr(v.url) &&
    v.url.startsWith('https://') &&
    isSiteUrl(v.url) &&
    typeof v.savedAt === 'number' &&
    // A time a Date can hold (the page shows it), not before 1970
    v.savedAt >= 0 &&
    v.savedAt < 8.64e15 &&
    isDocumentModel(v.doc) &&
    v.doc.id === v.id
  );
}

/** The copy's running text, part by part, in reading order: what search finds sentences in. */
export function copyTexts(copy: SavedCopy): string[] {
  const d = copy.doc;
  return [
    d.subject ?? '',
    ...d.pairs.flatMap((p) => [p.question, p.answer ?? '']),
    d.mededeling ?? '',
    ...d.footnotes.map((f) => f.text),
  ].filter(Boolean);
}
