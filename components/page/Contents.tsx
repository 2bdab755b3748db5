// The reading view's contents: one entry per pair, linking to it.

import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Pair } from '../../utils/kamervraag/model';
import { firstWords } from '../../utils/reading-list/entry';
import { questionAnchor } from '../../utils/site/ids';
import { useChunks } from './useChunks';

/**
 * Contents entries rendered at once: more than the first screen shows. Measured in Chromium at 1280×900 on the
 * fixture pages, the view starts about 380 px down (below the site's header), the header card and description take
 * 300 px, and an entry 40 px: 4–5 entries are in view, the first pair (at 950–1700 px) is not. The rest follow in
 * chunks, as the pairs do.
 */
const TOC_FIRST = 10;
/**
 * The contents. A long document's start closed, and their entries are only rendered once opened: while its pairs come
 * in, a thousand entries would be a third more to allocate (and collect) for a list most readers never open.
 */
export function Toc({
  pairs,
  open,
  onRendered,
  beforeChange,
}: {
  pairs: Pair[];
  open: boolean;
  onRendered(): void;
  beforeChange?(): void;
}) {
  const [opened, setOpened] = useState(open);
  return (
    <nav class="kvl-toc" aria-label={t('contents')}>
      <details open={open} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary>
          {t('contents')} ({pairs.length})
        </summary>
        {opened ? (
          <TocEntries pairs={pairs} onRendered={open ? onRendered : undefined} beforeChange={beforeChange} />
        ) : null}
      </details>
    </nav>
  );
}

/** The entries: the first screen's at once, the rest in chunks. */
function TocEntries({
  pairs,
  onRendered,
  beforeChange,
}: {
  pairs: Pair[];
  onRendered?(): void;
  beforeChange?(): void;
}) {
  return (
    <ol>
      {useChunks(pairs.length, TOC_FIRST, onRendered, beforeChange).map(([start, end]) => (
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
