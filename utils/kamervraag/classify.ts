// The classifier: turns a run of blocks into a KamervraagDocument. Pure; never drops a block.

import { aanhangselId, findKamervraagId, idParts } from '../site/ids';
import { questionNumberOfId } from '../site/tweedekamer';
import type { Block, SourceMeta } from './blocks';
import { parseHeader } from './header';
import { type Heading, pairLabel, parseNormalizedHeading, type Side } from './headings';
import type { Chamber, DocumentKind, KamervraagDocument, Pair, Reference, Related } from './model';
import { findReferences } from './references';
import { normalizeSpace } from './text';

/** Where each block went, so an adapter can move its source node to the same place. */
export type Placement =
  | { part: 'header' | 'mededeling' | 'furniture' | 'unclassified' }
  | { part: 'footnote'; index: number }
  | { part: 'question' | 'answer' | 'question-label' | 'answer-label'; pair: number };

export interface Classified {
  document: KamervraagDocument;
  placements: Placement[];
}

interface Section {
  side: Side;
  heading: Heading | null;
  /** Block index of the heading, if any */
  headingBlock: number | null;
  body: number[];
  group: number | undefined;
}

const sideOfRole = (b: Block): Side | undefined =>
  b.role === 'vraag' || b.role === 'antwoord' || b.role === 'mededeling' ? b.role : undefined;

export function classify(blocks: readonly Block[], meta: SourceMeta = {}): Classified {
  const c = classifier(meta);
  for (const block of blocks) c.add(block);
  return c.finish();
}

/** The classifier fed one block at a time (so that a long page can be read in several tasks), then finished. */
export interface Classifier {
  add(block: Block): void;
  /**
   * The model of the blocks added. With `references: false` its `references` stay empty: the reading view finds
   * them in the page's text nodes as it links them (reading-view/links.ts).
   */
  finish(options?: { references?: boolean }): Classified;
}

export function classifier(meta: SourceMeta = {}): Classifier {
  const texts: string[] = [];
  const placements: Placement[] = [];
  const header: number[] = [];
  const sections: Section[] = [];
  const footnotes: { marker: string; text: string }[] = [];
  let current: Section | null = null;

  const add = (block: Block) => {
    const i = texts.length;
    const text = normalizeSpace(block.text);
    texts.push(text);
    if (block.role === 'furniture') {
      placements.push({ part: 'furniture' });
      return;
    }
    if (block.role === 'noot') {
      placements.push({ part: 'footnote', index: footnotes.length });
      footnotes.push({ marker: block.marker ?? '', text });
      return;
    }
    // Placed later, when the sections are paired up; what is never placed stays unclassified.
    placements.push({ part: 'unclassified' });
    const hint = sideOfRole(block);
    // Only a label the markup marks as one may be a bare number ("1" in p.nummer); other blocks need the words.
    const heading = parseNormalizedHeading(text, block.heading ? hint : undefined);
    if (block.role === 'omschrijving' || (!current && !hint && !heading)) {
      // Everything before the first question is the omschrijving (header).
      header.push(i);
      placements[i] = { part: 'header' };
      return;
    }
    if (heading) {
      current = { side: heading.side, heading, headingBlock: i, body: [], group: block.group };
      sections.push(current);
      return;
    }
    const newGroup = block.group !== undefined && current?.group !== block.group;
    if (hint && (!current || newGroup || current.side !== hint)) {
      current = { side: hint, heading: null, headingBlock: null, body: [i], group: block.group };
      sections.push(current);
      return;
    }
    if (current) current.body.push(i);
  };
  return {
    add,
    finish: (options) => {
      const classified = finish(meta, texts, placements, header, sections, footnotes);
      if (options?.references !== false) classified.document.references = bodyReferences(classified.document);
      return classified;
    },
  };
}

function finish(
  meta: SourceMeta,
  texts: string[],
  placements: Placement[],
  header: number[],
  sections: Section[],
  footnotes: { marker: string; text: string }[],
): Classified {
  const { pairs, mededelingBlocks } = pairUp(sections, texts, placements);
  const headerText = header.map((i) => texts[i]).join('\n');
  const info = parseHeader(headerText);
  const mededeling = mededelingBlocks.length ? mededelingBlocks.map((i) => texts[i]).join('\n') : null;

  const id = meta.id ?? derivedId(meta, headerText);
  const parts = id ? idParts(id) : null;
  const chamber: Chamber | null = parts?.chamber ?? chamberFromName(meta.chamberName);
  const kind = documentKind(info.replyKind, pairs, mededeling);

  const related: Related[] = [];
  for (const ref of findReferences(headerText, chamber ?? 'tk')) {
    if (ref.type !== 'aanhangsel' || ref.id === id || related.some((r) => r.id === ref.id)) continue;
    related.push({ id: ref.id, url: ref.url, number: Number(ref.id.split('-')[3]) });
  }

  const document: KamervraagDocument = {
    id,
    kind,
    chamber,
    vergaderjaar: parts?.vergaderjaar ?? meta.vergaderjaar ?? null,
    aanhangselnummer: parts?.aanhangselnummer ?? meta.aanhangselnummer ?? null,
    subject: info.subject,
    // Names from the meta tags where no header sentence says who asked whom.
    askers: info.askers.length ? info.askers : (meta.askers ?? []).map((name) => ({ name })),
    addressees: info.addressees.length ? info.addressees : (meta.addressees ?? []),
    dateSubmitted: info.dateSubmitted ?? meta.dateSubmitted ?? null,
    dateReceived: info.dateReceived ?? meta.dateReceived ?? null,
    answeredBy: info.answeredBy,
    questionNumber: meta.questionNumber ?? questionNumberOfId(id),
    coSigners: info.coSigners,
    related,
    pairs,
    mededeling,
    footnotes,
    references: [],
    header: header.map((i) => texts[i]),
    furniture: textsPlacedIn('furniture', placements, texts),
    unclassified: textsPlacedIn('unclassified', placements, texts),
  };
  return { document, placements };
}

/** The documents the text refers to (Aanhangsels, Kamerstukken, kamervraagnummers), each once, in text order. */
function bodyReferences(doc: KamervraagDocument): Reference[] {
  const references: Reference[] = [];
  const seen = new Set<string | null>([doc.id]);
  const bodyTexts = [doc.header.join('\n')];
  for (const p of doc.pairs) bodyTexts.push(p.question, p.answer ?? '');
  bodyTexts.push(doc.mededeling ?? '');
  for (const f of doc.footnotes) bodyTexts.push(f.text);
  // One search over all texts joined by NUL instead of one per text (the per-search setup was most of the cost). No
  // reference pattern matches a NUL, so a match never spans two texts and each NUL acts as a string's start or end.
  for (const { index: _index, ...ref } of findReferences(bodyTexts.join('\0'), doc.chamber ?? 'tk')) {
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    references.push(ref);
  }
  return references;
}

/** The texts of some blocks, one per line. Most sides are one block: that text as it is, without copying it. */
function linesOf(indexes: number[], texts: string[]): string {
  return indexes.length === 1 ? texts[indexes[0]] : indexes.map((i) => texts[i]).join('\n');
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((n, k) => n === b[k]);
}

/** The texts of the blocks placed in `part`, in block order. */
function textsPlacedIn(part: Placement['part'], placements: Placement[], texts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < placements.length; i++) if (placements[i].part === part) out.push(texts[i]);
  return out;
}

function pairUp(sections: Section[], texts: string[], placements: Placement[]) {
  const pairs: Pair[] = [];
  const mededelingBlocks: number[] = [];
  let pending: Section[] = [];
  let lastNumber = 0;

  const numbersOf = (s: Section): number[] => {
    if (s.heading?.numbers.length) return s.heading.numbers;
    return [lastNumber + 1]; // an unnumbered question follows the previous one
  };
  const emit = (questions: Section[], answer: Section | null) => {
    const answerNumbers = answer?.heading?.numbers ?? [];
    const single = questions.length === 1 ? numbersOf(questions[0]) : null;
    let numbers: number[];
    if (single && (answerNumbers.length === 0 || sameNumbers(single, answerNumbers))) {
      // Most pairs: one question, answered under the same numbers or none. Heading numbers are already ascending and
      // unique (parseNumbers): nothing to merge or sort.
      numbers = single.slice();
    } else {
      const unique = new Set<number>();
      for (const q of questions) for (const n of numbersOf(q)) unique.add(n);
      for (const n of answerNumbers) unique.add(n);
      numbers = [...unique].sort((a, b) => a - b);
    }
    if (numbers.length === 0) numbers.push(lastNumber + 1);
    lastNumber = Math.max(lastNumber, numbers[numbers.length - 1]);
    const index = pairs.length;
    const questionBlocks: number[] = [];
    // Plain loops, no flatMap or spread: this runs once per pair, and the flatMap alone cost more than the rest of it.
    const questionLabels: string[] = [];
    for (const q of questions) {
      if (q.heading) questionLabels.push(q.heading.label);
      if (q.headingBlock !== null) placements[q.headingBlock] = { part: 'question-label', pair: index };
      for (const b of q.body) {
        placements[b] = { part: 'question', pair: index };
        questionBlocks.push(b);
      }
    }
    const answerBlocks = answer?.body ?? [];
    if (answer?.headingBlock != null) placements[answer.headingBlock] = { part: 'answer-label', pair: index };
    for (const b of answerBlocks) placements[b] = { part: 'answer', pair: index };
    pairs.push({
      label: pairLabel(numbers),
      numbers,
      questionLabels,
      question: linesOf(questionBlocks, texts),
      answerLabel: answer?.heading?.label ?? null,
      answer: answer ? linesOf(answerBlocks, texts) : null,
    });
  };

  for (const s of sections) {
    if (s.side === 'vraag') {
      pending.push(s);
      continue;
    }
    if (s.side === 'mededeling') {
      for (const q of pending) emit([q], null);
      pending = [];
      if (s.headingBlock !== null) {
        placements[s.headingBlock] = { part: 'mededeling' };
        mededelingBlocks.push(s.headingBlock);
      }
      for (const b of s.body) placements[b] = { part: 'mededeling' };
      mededelingBlocks.push(...s.body);
      continue;
    }
    const wanted = s.heading?.numbers ?? [];
    let matched: Section[];
    if (wanted.length === 0) {
      matched = pending.length ? [pending[pending.length - 1]] : [];
    } else {
      matched = pending.filter((q) => q.heading?.numbers.some((n) => wanted.includes(n)));
      if (matched.length === 0 && pending.length) {
        const last = pending[pending.length - 1];
        if (!last.heading?.numbers.length) matched = [last];
      }
    }
    const firstMatched = matched.length ? pending.indexOf(matched[0]) : pending.length;
    for (let k = 0; k < firstMatched; k++) emit([pending[k]], null);
    pending = pending.filter((q, k) => k >= firstMatched && !matched.includes(q));
    emit(matched, s);
  }
  for (const q of pending) emit([q], null);
  return { pairs, mededelingBlocks };
}

function chamberFromName(name: string | null | undefined): Chamber | null {
  if (!name) return null;
  if (/Eerste\s+Kamer/u.test(name)) return 'ek';
  if (/Tweede\s+Kamer/u.test(name)) return 'tk';
  return null;
}

/** An id from the printed header (chamber, vergaderjaar, Aanhangsel number) or an id printed in the text. */
function derivedId(meta: SourceMeta, headerText: string): string | null {
  const chamber = chamberFromName(meta.chamberName);
  if (chamber && meta.vergaderjaar && meta.aanhangselnummer) {
    return aanhangselId(chamber, meta.vergaderjaar, meta.aanhangselnummer);
  }
  const printed = findKamervraagId(headerText);
  return printed;
}

function documentKind(
  replyKind: 'antwoord' | 'mededeling' | null,
  pairs: Pair[],
  mededeling: string | null,
): DocumentKind {
  const answered = pairs.some((p) => p.answer !== null);
  if (replyKind === 'mededeling' || (mededeling !== null && !answered)) return 'mededeling';
  if (answered || replyKind === 'antwoord') return 'antwoord';
  // No answer and no mededeling: questions without answer (a kv-… page, or an ah page cut short).
  return 'vragen';
}
