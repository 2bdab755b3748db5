// A watched kv entry's line in the reading list: waiting, a mededeling, or answered (on which date, by whom, with a
// link to the answer), and the switch to stop or resume watching it.

import { useEffect, useState } from 'preact/hooks';
import { dateText } from '../../utils/format';
import { t } from '../../utils/i18n';
import { validWatches, type Watch, watches } from '../../utils/related/watch';
import { setWatch } from '../../utils/related/watch-requests';
import { documentUrlAt } from '../../utils/site/ids';
import { warn } from '../../utils/warn';

/** Every watch, kept current (the background changes them). */
export function useWatches(): Record<string, Watch> {
  const [all, setAll] = useState<Record<string, Watch>>({});
  useEffect(() => {
    watches
      .getValue()
      .then((v) => setAll(validWatches(v)))
      .catch(warn);
    return watches.watch((v) => setAll(validWatches(v)));
  }, []);
  return all;
}

export function WatchLine({ id, origin, watch }: { id: string; origin: string; watch: Watch | undefined }) {
  const on = !watch?.off;
  const state = watch?.state ?? 'waiting';
  // The first answer (or, while there is none, the latest mededeling) is the one named.
  const shown =
    state === 'answered'
      ? watch?.answers.find((a) => a.kind === 'antwoord')
      : state === 'mededeling'
        ? watch?.answers.filter((a) => a.kind === 'mededeling').at(-1)
        : undefined;
  const when = dateText(shown?.date ?? null) ?? '?';
  const who = shown?.by ?? '?';
  return (
    <p
      class={`kvl-watch kvl-watch-${state}`}
      data-kvl-watch={id}
      data-kvl-state={on ? state : 'off'}
      data-kvl-checked={watch?.checkedAt ? 'true' : 'false'}
    >
      <label>
        <input
          type="checkbox"
          data-kvl-action="watch"
          checked={on}
          onChange={(e) => setWatch(id, (e.currentTarget as HTMLInputElement).checked).catch(warn)}
        />{' '}
        {t('watch')}
      </label>{' '}
      {shown ? (
        <a href={documentUrlAt(origin, shown.id)} target="_blank" rel="noopener">
          {t(state === 'answered' ? 'watchAnswered' : 'watchMededeling', when, who)}
        </a>
      ) : on ? (
        <span>{t('watchWaiting')}</span>
      ) : null}
    </p>
  );
}
