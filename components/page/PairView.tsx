// One question/answer pair in the reading view: its label, its tools (copy link, save), the question, the
// collapsible answer, and the related answers to compare.

import { t } from '../../utils/i18n';
import type { KamervraagDocument, Pair } from '../../utils/kamervraag/model';
import type { ViewNodes } from '../../utils/reading-view/sort-nodes';
import type { RelatedLoader } from '../../utils/related/loader';
import { questionAnchor, withQuestion } from '../../utils/site/ids';
import { CopyButton } from './CopyButton';
import { fill } from './fill';
import { Compare } from './related/Compare';
import { SaveControls } from './SaveControls';

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
  return (
    <article class="kvl-pair" id={id} data-kvl-pair={pair.numbers.join(',')} aria-labelledby={`${id}-label`}>
      {pair.numbers.slice(1).map((n) => (
        <span key={n} id={questionAnchor(n)} class="kvl-anchor" />
      ))}
      <div class="kvl-pair-head" id={`${id}-label`}>
        {nodes.head ? (
          <div class="kvl-label" ref={fill([nodes.head])} />
        ) : (
          <h2 class="kvl-label">{pair.label}</h2>
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
      <div class="kvl-question" ref={fill(nodes.question)} />
      {pair.answer !== null ? (
        <details class="kvl-answer" open={open}>
          <summary>
            {nodes.answerHead ? <div class="kvl-answer-label" ref={fill([nodes.answerHead])} /> : t('answer')}
          </summary>
          <div class="kvl-answer-body" ref={fill(nodes.answer)} />
        </details>
      ) : null}
      {related ? (
        <Compare pair={pair} ownId={doc.kind === 'vragen' ? null : doc.id} loader={related} origin={origin} />
      ) : null}
    </article>
  );
}
