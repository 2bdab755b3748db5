// The reading view's contents: one entry per pair, linking to it.

import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Pair } from '../../utils/kamervraag/model';
import { firstWords } from '../../utils/reading-list/entry';
import { questionAnchor } from '../../utils/site/ids';
import { useChunks } from './useChunks';

/** Contents entries rendered in the task that opens them; the rest follow in chunks, as the pairs do. */
const TOC_FIRST = 10;
/**
 * The contents: closed, one line above the first question. Their entries are made when they are first opened: a
 * thousand entries would be a third more to allocate (and collect) for a list most readers never open.
 */
export function Toc({ pairs, beforeChange }: { pairs: Pair[]; beforeChange?(): void }) {
  const [opened, setOpened] = useState(false);
  return (
    <nav class="kvl-toc" aria-label={t('contents')}>
      <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>
          {t('contents')} ({pairs.length})
        </summary>
        {opened ? <TocEntries pairs={pairs} beforeChange={beforeChange} /> : null}
      </details>
    </nav>
  );
}

/** The entries: the first ones at once, the rest in chunks. */
function TocEntries({ pairs, beforeChange }: { pairs: Pair[]; beforeChange?(): void }) {
  return (
    <ol>
      {useChunks(pairs.length, TOC_FIRST, undefined, beforeChange).map(([start, end]) => (
        <TocChunk key={start} pairs={pairs} start={start} end={end} />
      ))}
    </ol>
  );
}

/** Entries start..end of the contents; rendered once. */
class TocChunk extends Component<{ pairs: Pair[]; start: number; end: number }> {
  override shouldComponentUpdate() {
    return false;
  }
  override render({ pairs, start, end }: { pairs: Pair[]; start: number; end: number }) {
    return (
      <>
        {pairs.slice(start, end).map((p) => (
          <li key={p.label}>
            <a href={`#${questionAnchor(p.numbers[0])}`}>
              <strong>{p.label}</strong> {firstWords(p.question, 10)}
            </a>
          </li>
        ))}
      </>
    );
  }
}
