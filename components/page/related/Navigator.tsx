// The related documents navigator: one compact list of every document of the set (answers by other ministries,
// mededelingen, the questions), each with its kind, who answered and when, and whether it could be loaded. The plain
// link works in every state. Loads when it comes into view (never before the view is ready: see the loader).

import { useEffect, useMemo, useRef } from 'preact/hooks';
import { answererText, dateText, failText, kindLabel, numberLabel } from '../../../utils/format';
import { t } from '../../../utils/i18n';
import type { KamervraagDocument } from '../../../utils/kamervraag/model';
import { factsOf } from '../../../utils/related/facts';
import type { RelatedLoader, RelatedState } from '../../../utils/related/loader';
import { documentUrlAt, inOrder } from '../../../utils/site/ids';
import { useRelated } from './useRelated';

export function Navigator({
  doc,
  loader,
  origin,
}: {
  doc: KamervraagDocument;
  loader: RelatedLoader;
  origin: string;
}) {
  useRelated(loader);
  // The page's own entry is marked, and never fetched.
  const own = useMemo(() => (doc.id ? factsOf(doc.id, doc) : null), [doc]);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        loader.load();
      }
    });
    seen.observe(el);
    return () => seen.disconnect();
  }, [loader]);
  const kv = doc.kind === 'vragen';
  // A kv page lists its answers (the card says what the page itself is); an answer lists the set in order of
  // number, itself among them.
  const ids = kv ? inOrder(loader.ids) : inOrder([...(own ? [own.id] : []), ...loader.ids]);
  return (
    <nav ref={ref} class={kv ? 'kvl-nav kvl-nav-kv' : 'kvl-nav'} aria-label={t('relatedTitle')}>
      <h2 class="kvl-nav-title">{kv ? t('answersOfKv') : t('relatedTitle')}</h2>
      <ul>
        {ids.map((id) =>
          id === own?.id ? (
            <Entry key={id} id={id} state={{ state: 'ok', facts: own }} origin={origin} current />
          ) : (
            <Entry key={id} id={id} state={loader.state(id)} origin={origin} current={false} />
          ),
        )}
      </ul>
    </nav>
  );
}

function Entry({
  id,
  state,
  origin,
  current,
}: {
  id: string;
  state: RelatedState | null;
  origin: string;
  current: boolean;
}) {
  const facts = state?.state === 'ok' ? state.facts : null;
  const date = dateText(facts?.date ?? null);
  return (
    <li
      data-kvl-related={id}
      data-kvl-kind={facts?.kind}
      data-kvl-state={state?.state ?? 'idle'}
      data-kvl-reason={state?.state === 'failed' ? state.reason : undefined}
      aria-current={current ? 'page' : undefined}
    >
      <a href={documentUrlAt(origin, id)}>
        {facts ? `${kindLabel(facts.kind)} ` : ''}
        {numberLabel(id)}
      </a>
      {/* The page's own entry is marked, without its minister and date: the header card states them. */}
      {facts?.answeredBy && !current ? <span class="kvl-who">{answererText(facts.answeredBy)}</span> : null}
      {date && !current ? <span class="kvl-date">{date}</span> : null}
      {current ? <span class="kvl-state">{t('thisDocument')}</span> : null}
      {state?.state === 'loading' ? <span class="kvl-state">{t('loading')}</span> : null}
      {state?.state === 'failed' ? <span class="kvl-state kvl-failed">{failText(state.reason)}</span> : null}
    </li>
  );
}
