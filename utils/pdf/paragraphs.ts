// A PDF's text in paragraphs, for reading: the parser keeps the PDF's lines (as pdftotext prints them), and the view
// shows one paragraph per line, which for a PDF is one per printed line. Lines are joined into paragraphs where the
// printed text ran on: a paragraph ends at a blank line, or at a line that ends a sentence well short of the column's
// width; a list item starts one. A word broken at the line's end is joined again. Pure.

import type { KamervraagDocument } from '../kamervraag/model';

/** A line this much shorter than the column, ending a sentence, ends its paragraph */
const SHORT = 0.85;
/** A sentence's end, perhaps with closing quotes and footnote markers ("…afspreekt?3", "…»»?1, 2") */
const SENTENCE_END = /[.?!:;]["'”’»)]*(?:\d{1,2}(?:,\s?\d{1,2})*)?$/u;
/** A list item: a dash or bullet, or "a." / "1)" / "ii." */
const LIST_ITEM = /^(?:[–—•·▪-]\s|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s)/u;

/** The column's width in characters: the longest lines (a few very long ones, a URL, do not count). */
function columnWidth(lines: readonly string[]): number {
  const lengths = lines.map((l) => l.length).sort((a, b) => b - a);
  return lengths[Math.min(2, lengths.length - 1)] ?? 0;
}

/** `b` after `a` on the next line: a word broken with a hyphen ("zorgverzeke-" "raars") is whole again. */
function join(a: string, b: string): string {
  if (/\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

/** The text's lines joined into paragraphs, one per line; `width` the column's (default: measured on the text). */
export function paragraphs(text: string, width = columnWidth(text.split('\n'))): string {
  const out: string[] = [];
  let current = '';
  const end = () => {
    if (current) out.push(current);
    current = '';
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      end();
      continue;
    }
    if (LIST_ITEM.test(line)) end();
    current = current ? join(current, line) : line;
    if (SENTENCE_END.test(line) && line.length < SHORT * width) end();
  }
  end();
  return out.join('\n');
}

/** A document read from a PDF with its running text in paragraphs (a footnote is one paragraph). */
export function inParagraphs(doc: KamervraagDocument): KamervraagDocument {
  const body = doc.pairs.flatMap((p) => [p.question, p.answer ?? ''].flatMap((t) => t.split('\n')));
  const width = columnWidth(body);
  const para = (t: string) => paragraphs(t, width);
  return {
    ...doc,
    header: paragraphs(doc.header.join('\n')).split('\n').filter(Boolean),
    pairs: doc.pairs.map((p) => ({
      ...p,
      question: para(p.question),
      answer: p.answer === null ? null : para(p.answer),
    })),
    mededeling: doc.mededeling === null ? null : para(doc.mededeling),
    footnotes: doc.footnotes.map((f) => ({ ...f, text: paragraphs(f.text, 0) })),
  };
}
