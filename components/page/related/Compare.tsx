// "Compare answers" under one pair: this question's answer in every related document, each labelled with who answered
// and linking to that pair in its own document; a mededeling, a document without this question, or one that failed
// to load in one line. Next/previous go to the same question in the neighbouring documents of the set.

import { useState } from 'preact/hooks';
import { answererText, dateText, failText, kindLabel, numberLabel } from '../../../utils/format';
import { t } from '../../../utils/i18n';
import type { Pair } from '../../../utils/kamervraag/model';
import type { RelatedFacts } from '../../../utils/related/facts';
import type { RelatedLoader, RelatedState } from '../../../utils/related/loader';
import { answersTo, pairNumbers } from '../../../utils/related/match';
import { inOrder, questionUrlAt } from '../../../utils/site/ids';
import { useRelated } from './useRelated';

export function Compare({
  pair,
  ownId,
  loader,
  origin,
}: {
  pair: Pair;
  /** The page's own id when it is an answer or mededeling (next/previous go round the set); null on a kv page */
  ownId: string | null;
  loader: RelatedLoader;
  origin: string;
}) {
  const [open, setOpen] = useState(false);
  const panel = `kvl-compare-${pair.numbers[0]}`;
  return (
    <div class="kvl-compare-box">
      <button
        type="button"
        data-kvl-action="compare"
        aria-expanded={open}
        aria-controls={open ? panel : undefined}
        onClick={() => {
          if (!open) loader.load();
          setOpen(!open);
        }}
      >
        {t('compareAnswers')}
      </button>
      {open ? <Answers id={panel} pair={pair} ownId={ownId} loader={loader} origin={origin} /> : null}
    </div>
  );
}

function Answers({
  id,
  pair,
  ownId,
  loader,
  origin,
}: {
  id: string;
  pair: Pair;
  ownId: string | null;
  loader: RelatedLoader;
  origin: string;
}) {
  useRelated(loader);
  const ids = inOrder(loader.ids.filter((r) => r !== ownId));
  return (
    <div class="kvl-compare" id={id}>
      {ownId ? <Neighbours pair={pair} ownId={ownId} loader={loader} origin={origin} /> : null}
      {ids.map((r) => (
        <Sibling key={r} id={r} state={loader.state(r)} pair={pair} origin={origin} />
      ))}
    </div>
  );
}

/**
 * Previous and next answer of the set (in order of publication, round), at the same question: documents known to
 * have no answer to it (failed, a mededeling, a document without this question) are skipped.
 */
function Neighbours({
  pair,
  ownId,
  loader,
  origin,
}: {
  pair: Pair;
  ownId: string;
  loader: RelatedLoader;
  origin: string;
}) {
  const ring = inOrder([ownId, ...loader.ids]).filter(
    (r) => r === ownId || loader.state(r)?.state !== 'failed',
  );
  if (ring.length < 2) return null;
  const at = ring.indexOf(ownId);
  const prev = ring[(at - 1 + ring.length) % ring.length];
  const next = ring[(at + 1) % ring.length];
  const n = pair.numbers[0];
  return (
    <p class="kvl-neighbours">
      <a data-kvl-action="prev-related" href={questionUrlAt(origin, prev, n)}>
        ‹ {t('prevRelated')} ({numberLabel(prev)})
      </a>
      <a data-kvl-action="next-related" href={questionUrlAt(origin, next, n)}>
        {t('nextRelated')} ({numberLabel(next)}) ›
      </a>
    </p>
  );
}

function who(facts: RelatedFacts): string {
  return facts.answeredBy ? answererText(facts.answeredBy) : kindLabel(facts.kind);
}

function Sibling({
  id,
  state,
  pair,
  origin,
}: {
  id: string;
  state: RelatedState | null;
  pair: Pair;
  origin: string;
}) {
  const line = (kind: string, text: string) => (
    <p
      class="kvl-compare-line"
      data-kvl-compare={id}
      data-kvl-state={kind}
      data-kvl-reason={state?.state === 'failed' ? state.reason : undefined}
    >
      <strong>{numberLabel(id)}</strong> {text}
    </p>
  );
  if (!state || state.state === 'loading') return line('loading', t('loading'));
  if (state.state === 'failed') return line('failed', failText(state.reason));
  const { facts } = state;
  if (facts.kind === 'vragen') return null;
  const date = dateText(facts.date);
  if (facts.kind === 'mededeling') {
    return line('mededeling', `${who(facts)}${date ? `, ${date}` : ''}: ${t('onlyMededeling')}`);
  }
  const matches = answersTo(pair.numbers, facts.pairs);
  if (matches.length === 0) return line('none', `${who(facts)}: ${t('noAnswerTo', pair.label)}`);
  return (
    <section
      class="kvl-compare-answer"
      data-kvl-compare={id}
      data-kvl-state="ok"
      data-kvl-compare-answer={id}
    >
      {matches.map(({ pair: theirs, joint }) => {
        // To that pair in its own document: at the first of this pair's questions it answers.
        const n = pairNumbers(theirs).find((q) => pair.numbers.includes(q)) ?? pair.numbers[0];
        return (
          <div key={theirs.label} class="kvl-compare-item" data-kvl-joint={joint ? '' : undefined}>
            <h3>
              <a href={questionUrlAt(origin, id, n)}>
                {who(facts)} · {numberLabel(id)}
              </a>{' '}
              <span class="kvl-compare-label">{theirs.label}</span>
              {joint ? <span class="kvl-joint">{t('jointAnswer')}</span> : null}
            </h3>
            {(theirs.answer ?? '').split('\n').map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        );
      })}
    </section>
  );
}
