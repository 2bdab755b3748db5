// Full-text search over the saved copies, with MiniSearch: one index document per copy, its words folded (case and
// accents: "Financiën" = "financien") and every query word matched as a prefix ("stikstof" finds
// "stikstofuitstoot"), all words required. Pure: the index lives where its caller keeps it.

import MiniSearch, { type Options } from 'minisearch';
import { answererText } from '../format';
import { fold } from '../kamervraag/text';
import type { SavedCopy } from './copy';
import { copyTexts } from './copy';

/** What is indexed of a copy (the entry's own fields, title and note, are the list filter's: reading-list/query.ts) */
interface Indexed {
  id: string;
  subject: string;
  people: string;
  questions: string;
  answers: string;
  other: string;
}

const OPTIONS: Options<Indexed> = {
  fields: ['subject', 'people', 'questions', 'answers', 'other'],
  processTerm: (term) => fold(term) || null,
  searchOptions: {
    prefix: true,
    combineWith: 'AND',
    boost: { subject: 3, people: 2 },
  },
};

function indexed(copy: SavedCopy): Indexed {
  const d = copy.doc;
  const people = [
    ...d.askers.map((p) => (p.party ? `${p.name} ${p.party}` : p.name)),
    ...(d.answeredBy ? [answererText(d.answeredBy)] : []),
    ...d.coSigners.map(answererText),
    ...d.addressees,
  ];
  return {
    id: copy.id,
    subject: d.subject ?? '',
    people: people.join('\n'),
    questions: d.pairs.map((p) => p.question).join('\n'),
    answers: d.pairs.map((p) => p.answer ?? '').join('\n'),
    other: [d.mededeling ?? '', ...d.footnotes.map((f) => f.text), ...d.header].join('\n'),
  };
}

export type CopyIndex = MiniSearch<Indexed>;

export const newIndex = (): CopyIndex => new MiniSearch(OPTIONS);

/**
 * What the index holds and how its words are made: a stored index of another version is rebuilt. Raise it with any
 * change of OPTIONS, `indexed` or `fold`.
 */
export const INDEX_VERSION = 1;

/** An index from its stored form (its JSON); null when that cannot be read. */
export async function loadIndex(json: string): Promise<CopyIndex | null> {
  try {
    return await MiniSearch.loadJSONAsync(json, OPTIONS);
  } catch {
    return null;
  }
}

/** Adds a copy, or replaces the one indexed for its document. */
export function indexCopy(index: CopyIndex, copy: SavedCopy): void {
  if (index.has(copy.id)) index.replace(indexed(copy));
  else index.add(indexed(copy));
}

export function unindex(index: CopyIndex, id: string): void {
  if (index.has(id)) index.discard(id);
}

/** The documents whose copies hold every word of `text` (as a word's start), best first: id → score. */
export function searchCopies(index: CopyIndex, text: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!text.trim()) return out;
  for (const r of index.search(text)) out.set(r.id as string, r.score);
  return out;
}

const SENTENCE_END = /(?<=[.!?;:])\s+(?=\S)/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** Longest sentence shown under a list entry; a longer one is cut around its first match. */
const MAX_SENTENCE = 220;

/** The first sentence of the copy that holds every word of `text` as a word's start; null when none does. */
export function matchingSentence(copy: SavedCopy, text: string): string | null {
  const words = fold(text).match(WORD) ?? [];
  if (!words.length) return null;
  for (const part of copyTexts(copy)) {
    for (const sentence of part.normalize('NFC').split(SENTENCE_END)) {
      const have = fold(sentence).match(WORD) ?? [];
      if (words.every((w) => have.some((h) => h.startsWith(w))))
        return clipAround(sentence.trim(), words[0] as string);
    }
  }
  return null;
}

/** A long sentence cut to MAX_SENTENCE around the first word starting with `word` (folded; letters and digits only, WORD), at spaces. */
function clipAround(sentence: string, word: string): string {
  const flat = sentence.replace(/\s+/g, ' ');
  if (flat.length <= MAX_SENTENCE) return flat;
  // Folding an NFC text keeps its length for Dutch (and most Latin) text; where it does not, the cut starts at 0.
  const folded = fold(flat);
  const at = folded.length === flat.length ? folded.search(new RegExp(`(?<![\\p{L}\\p{N}])${word}`, 'u')) : 0;
  const from = Math.max(0, at - 60);
  const space = from === 0 ? 0 : flat.indexOf(' ', from) + 1;
  // At a space before the word; without one in between, where the context starts.
  const start = space > 0 && space <= at ? space : from;
  if (start + MAX_SENTENCE >= flat.length) return `${start > 0 ? '… ' : ''}${flat.slice(start)}`;
  const cut = flat.slice(start, start + MAX_SENTENCE);
  const end = cut.lastIndexOf(' ');
  return `${start > 0 ? '… ' : ''}${end > 0 ? cut.slice(0, end) : cut} …`;
}
