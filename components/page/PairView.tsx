// One question/answer pair in the reading view: its label, its tools (copy link, save), the question, the
// collapsible answer, and the related answers to compare.

import { useId } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { KamervraagDocument, Pair } from '../../utils/kamervraag/model';
import { normalizeSpace } from '../../utils/kamervraag/text';
import type { ViewNodes } from '../../utils/reading-view/sort-nodes';
import type { RelatedLoader } from '../../utils/related/loader';
import { questionAnchor, withQuestion } from '../../utils/site/ids';
import { CopyButton } from './CopyButton';
import { fill } from './fill';
import { Compare } from './related/Compare';
import { SaveControls } from './SaveControls';

/** An answer's opening, to scan answers without opening them: its first 160 characters, cut at a word. */
function preview(answer: string): string {
  const text = normalizeSpace(answer);
  if (text.length <= 160) return text;
  const cut = text.lastIndexOf(' ', 160);
  return `${text.slice(0, cut > 80 ? cut : 160)}…`;
}

export function PairView({
  doc,
  pair,
  nodes,
  open,
  pageUrl,
  origin,
  related,
}: {
  doc: KamervraagDocument;
  pair: Pair;
  nodes: ViewNodes['pairs'][number];
  open: boolean;
  pageUrl: string;
  origin: string;
  related: RelatedLoader | null;
}) {
  const id = questionAnchor(pair.numbers[0]);
  // Ids of its own for the name's parts: two pairs can start with the same number.
  const name = useId();
  return (
    // Named by its label and its question, not by its buttons.
    <article
      class="kvl-pair"
      id={id}
      data-kvl-pair={pair.numbers.join(',')}
      aria-labelledby={`${name}-name ${name}-q`}
    >
      {pair.numbers.slice(1).map((n) => (
        <span key={n} id={questionAnchor(n)} class="kvl-anchor" />
      ))}
      <div class="kvl-pair-head">
        {nodes.head ? (
          <div class="kvl-label" id={`${name}-name`} ref={fill([nodes.head])} />
        ) : (
          <h2 class="kvl-label" id={`${name}-name`}>
            {pair.label}
          </h2>
        )}
        {/* The pair's tools stay together at the end of the heading. */}
        <span class="kvl-tools">
          <CopyButton
            className="kvl-copy"
            action="copy-link"
            text={withQuestion(pageUrl.replace(/#.*$/, ''), pair.numbers[0])}
            label={`${t('copyLink')}: ${pair.label}`}
            shown="#"
          />
          {doc.id ? (
            <SaveControls doc={{ ...doc, id: doc.id }} pageUrl={pageUrl} pair={pair} className="kvl-copy" />
          ) : null}
        </span>
      </div>
      <div class="kvl-question" id={`${name}-q`} ref={fill(nodes.question)} />
      {pair.answer !== null ? (
        <details class="kvl-answer" open={open}>
          {/* The answer's first words while it is closed, drawn by CSS: not a second copy of the text for the
              browser's find and text-fragment links to land on. The answer's heading is a heading, below. */}
          <summary data-kvl-preview={preview(pair.answer)}>{t('answer')}</summary>
          {nodes.answerHead ? <div class="kvl-answer-label" ref={fill([nodes.answerHead])} /> : null}
          <div class="kvl-answer-body" ref={fill(nodes.answer)} />
        </details>
      ) : null}
      {related ? (
        <Compare pair={pair} ownId={doc.kind === 'vragen' ? null : doc.id} loader={related} origin={origin} />
      ) : null}
    </article>
  );
}
