// A parsed document with no page of the site behind it (a saved copy, a PDF) in the same reading view as on the site:
// its text as paragraphs (never markup), references as links, a deep link (#vraag-N) opened once it is in, the
// reader's setting for open answers. Used by the saved-copy page and the PDF page, each with its own line above it.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KamervraagDocument } from '../../utils/kamervraag/model';
import { openHash } from '../../utils/reading-view/deep-link';
import { linkReferences } from '../../utils/reading-view/links';
import { copyViewNodes } from '../../utils/saved/view-nodes';
import { answersOpen } from '../../utils/settings';
import { mark } from '../../utils/timing';
import { warn } from '../../utils/warn';
import { GuardedReadingView } from '../page/ReadingView';

export function ModelView({
  doc,
  pageUrl,
  open,
  marker,
  onShowOriginal,
  onFailed,
  children,
}: {
  doc: KamervraagDocument;
  /** The document's address on the site: the reading list's entries point there */
  pageUrl: string;
  /** Answers open at first (the reader's setting) */
  open: boolean;
  /** Attributes that say what the view shows (`data-kvl-copy`, `data-kvl-pdf`) */
  marker: Record<string, string>;
  /** "Original layout": what the document is on the site */
  onShowOriginal(): void;
  /** The view could not be built (the error is logged) */
  onFailed(): void;
  /** The line above the view */
  children: ComponentChildren;
}) {
  const view = useRef<HTMLDivElement>(null);
  // The text as paragraphs (made once per document), with its references as links, in a hidden holder in the page
  // from which the view moves them in as it moves a site's own nodes.
  const [{ nodes, holder }] = useState(() => {
    const holder = document.createElement('div');
    holder.hidden = true;
    document.body.appendChild(holder);
    const nodes = copyViewNodes(doc, holder);
    linkReferences([...holder.childNodes], doc.chamber ?? 'tk');
    return { nodes, holder };
  });
  // The holder goes with the view (another document makes its own).
  useEffect(() => () => holder.remove(), [holder]);
  const setAll = (to: boolean) => {
    for (const d of view.current?.querySelectorAll<HTMLDetailsElement>('details.kvl-answer') ?? [])
      d.open = to;
  };
  return (
    <div data-kvl-view="" class="kvl-view" ref={view} {...marker}>
      {children}
      <GuardedReadingView
        doc={doc}
        nodes={nodes}
        origin={new URL(pageUrl).origin}
        pageUrl={pageUrl}
        openByDefault={open}
        firstChunk={doc.pairs.length}
        related={null}
        controls={{
          onExpandAll: () => setAll(true),
          onCollapseAll: () => setAll(false),
          onShowOriginal,
          openByDefault: open,
          onOpenByDefault: (to) => void answersOpen.setValue(to).catch(warn),
        }}
        onRendered={() => {
          if (view.current && location.hash) openHash(view.current, location.hash, { pin: () => {} });
          document.documentElement.dataset.kvlComplete = '';
          // data-kvl-complete-ms: from the page's start (its time origin) until every pair is in (npm run bench)
          mark('complete', 0);
        }}
        onError={(err) => {
          warn(err);
          onFailed();
        }}
      />
    </div>
  );
}
