// Sorts the page's nodes into the places of the reading view, following where the classifier put each block.

import { parseNormalizedHeading } from '../kamervraag/headings';
import { type HtmlParse, isTextlessContent, sourceNodes } from '../kamervraag/html';
import { normalizeSpace } from '../kamervraag/text';
import { outermost } from './moves';

/** The page's own nodes, sorted into the places of the view. */
export interface ViewNodes {
  header: Node[];
  pairs: { head: Node | null; question: Node[]; answerHead: Node | null; answer: Node[] }[];
  mededeling: Node[];
  notes: Node[];
  other: Node[];
}

/** Every node to move, in document order, outermost only, with the place it goes to. */
export function sortNodes(parsed: HtmlParse): { nodes: ViewNodes; all: Node[] } {
  const { blocks, placements, document: doc } = parsed;
  const all = outermost(
    blocks.flatMap((b) => sourceNodes(b.source)),
    parsed.root,
  );
  const keep = new Set(all);
  const view: ViewNodes = {
    header: [],
    pairs: doc.pairs.map(() => ({ head: null, question: [], answerHead: null, answer: [] })),
    mededeling: [],
    notes: [],
    other: [],
  };
  blocks.forEach((block, i) => {
    const nodes = sourceNodes(block.source).filter((n) => keep.has(n));
    if (nodes.length === 0) return;
    keep.delete(nodes[0]);
    const place = placements[i];
    switch (place.part) {
      case 'header':
        view.header.push(...nodes);
        break;
      case 'question-label': {
        const pair = doc.pairs[place.pair];
        const slot = view.pairs[place.pair];
        // Content without text that came with the label (an image right after it) goes in the question's text.
        const label = nodes.filter((n) => !isTextlessContent(n));
        // The page's own label serves as the heading when it names just the pair's questions ("Vraag 5, 6" for the
        // pair "Vraag 5 en 6"): a grouped heading is then shown once, in the page's own words.
        if (pair.questionLabels.length === 1 && label.length === 1 && namesPair(block.text, pair.numbers)) {
          slot.head = label[0];
          slot.question.push(...nodes.filter((n) => n !== label[0]));
        } else slot.question.push(...nodes);
        break;
      }
      case 'question':
        view.pairs[place.pair].question.push(...nodes);
        break;
      case 'answer-label': {
        const slot = view.pairs[place.pair];
        const label = nodes.filter((n) => !isTextlessContent(n));
        if (label.length === 1 && label[0].nodeType === 1) {
          slot.answerHead = label[0];
          slot.answer.push(...nodes.filter((n) => n !== label[0]));
        } else slot.answer.push(...nodes);
        break;
      }
      case 'answer':
        view.pairs[place.pair].answer.push(...nodes);
        break;
      case 'mededeling':
        view.mededeling.push(...nodes);
        break;
      case 'footnote':
        view.notes.push(...nodes);
        break;
      default:
        // furniture and unclassified text stay readable, in their own section
        view.other.push(...nodes);
    }
  });
  return { nodes: view, all };
}

/** Whether `text` is a question heading ("Vraag …", "Vragen …") of exactly these question numbers. */
function namesPair(text: string, numbers: readonly number[]): boolean {
  const heading = parseNormalizedHeading(normalizeSpace(text));
  return (
    heading?.side === 'vraag' &&
    heading.numbers.length === numbers.length &&
    heading.numbers.every((n, i) => n === numbers[i])
  );
}
