// A saved copy's text as the nodes the reading view shows: one paragraph per line, made with textContent (never
// markup), in a hidden holder in the page so that the view can move them in as it moves a site's own nodes.

import type { KamervraagDocument } from '../kamervraag/model';
import type { ViewNodes } from '../reading-view/sort-nodes';

export function copyViewNodes(doc: KamervraagDocument, holder: HTMLElement): ViewNodes {
  const d = holder.ownerDocument;
  const paragraph = (line: string) => {
    const p = d.createElement('p');
    p.textContent = line;
    holder.appendChild(p);
    return p;
  };
  const paragraphs = (text: string | null) =>
    (text ?? '')
      .split('\n')
      .filter((l) => l.trim())
      .map(paragraph);
  return {
    header: doc.header.flatMap(paragraphs),
    pairs: doc.pairs.map((p) => ({
      head: null,
      question: paragraphs(p.question),
      answerHead: null,
      answer: paragraphs(p.answer),
    })),
    mededeling: paragraphs(doc.mededeling),
    notes: doc.footnotes.map((f) => paragraph(`${f.marker} ${f.text}`)),
    other: doc.unclassified.flatMap(paragraphs),
  };
}
