// The parser's front door: one function per input format, each returning the same document model.

import type { Block } from './blocks';
import { type Classified, classify } from './classify';
import type { KamervraagDocument } from './model';
import { textToBlocks } from './plaintext';
import { xmlToBlocks } from './xml';

export { parseHtmlDocument } from './html';
export type { KamervraagDocument } from './model';

export interface ParseResult<S = unknown> extends Classified {
  blocks: Block<S>[];
}

/** Plain text as extracted from a PDF (pdftotext), or any text with "Vraag 1"/"Antwoord 1" lines. */
export function parseText(text: string): ParseResult<number> {
  const { blocks, meta } = textToBlocks(text);
  return { ...classify(blocks, meta), blocks };
}

/** Publication XML, parsed by the caller (DOMParser with 'application/xml'). */
export function parseXml(doc: Document): ParseResult<Element> {
  const { blocks, meta } = xmlToBlocks(doc);
  return { ...classify(blocks, meta), blocks };
}

/** Does the model look like a Kamervragen document at all? (an id, a "Vragen van …" header, or a question) */
export function isKamervraagDocument(doc: KamervraagDocument): boolean {
  return doc.id !== null || doc.askers.length > 0 || doc.pairs.length > 0;
}

/** All text the model holds, part by part: used to prove that nothing was dropped or duplicated. */
export function modelTexts(doc: KamervraagDocument): string[] {
  return [
    ...doc.header,
    ...doc.pairs.flatMap((p) => [...p.questionLabels, p.question, p.answerLabel ?? '', p.answer ?? '']),
    doc.mededeling ?? '',
    ...doc.footnotes.flatMap((f) => [f.marker, f.text]),
    ...doc.furniture,
    ...doc.unclassified,
  ];
}
