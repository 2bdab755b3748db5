// Mounts the reading view in place of the document body, and unmounts it leaving the page exactly as it was.

import { render } from 'preact';
import { deepPairs, FIRST_PAIRS, GuardedReadingView, isLongDocument } from '@/components/page/ReadingView';
import type { Range } from '@/components/page/useChunks';
import { t } from '@/utils/i18n';
import type { HtmlParse } from '@/utils/kamervraag/html';
import { nextTask } from '@/utils/next-task';
import { deepLinks, openHash } from '@/utils/reading-view/deep-link';
import { keepPlace } from '@/utils/reading-view/keep-place';
import { keyboardNavigation } from '@/utils/reading-view/keyboard';
import { linkReferences } from '@/utils/reading-view/links';
import { hide, nodeMoves } from '@/utils/reading-view/moves';
import { printAllOpen } from '@/utils/reading-view/print';
import { sortNodes, type ViewNodes } from '@/utils/reading-view/sort-nodes';
import { navigatedUrl, openTextFragment } from '@/utils/reading-view/text-fragment';
import { relatedLoader } from '@/utils/related/loader';
import { siteSource } from '@/utils/related/source';
import { questionOfHash } from '@/utils/site/ids';
import { timedTask } from '@/utils/timing';
import { warn } from '@/utils/warn';

export interface MountedView {
  element: HTMLElement;
  unmount(): void;
}

export interface MountOptions {
  openByDefault: boolean;
  onShowOriginal(): void;
  onOpenByDefault(open: boolean): void;
  /** The view is on the page: header card, controls and the first pairs (the rest follow in later tasks) */
  onShown(): void;
  /** Every pair (and every entry of the contents) is rendered */
  onRendered(): void;
  /**
   * A step after the view was shown failed (a later chunk, its links, the deep link): the caller unmounts, which puts
   * the page back as the site delivered it. (A failure before the view is shown is thrown by mountReadingView.)
   */
  onError(error: unknown): void;
}

const sorted = new WeakMap<HtmlParse, ReturnType<typeof sortNodes>>();

/**
 * Sorts the page's nodes into the places of the view (once per parse: a later mount, after the original layout,
 * finds the same nodes back in place). A long page does this in a task of its own before mounting.
 */
export function prepareView(parsed: HtmlParse): ReturnType<typeof sortNodes> {
  let s = sorted.get(parsed);
  if (!s) {
    s = sortNodes(parsed);
    sorted.set(parsed, s);
  }
  return s;
}

/** Throws only after undoing whatever it did: the caller can rely on the page being unchanged then. */
export function mountReadingView(parsed: HtmlParse, options: MountOptions): MountedView {
  const root = parsed.root;
  if (!root?.parentNode) throw new Error('no document body to restructure');
  const moves = nodeMoves();
  const abort = new AbortController();
  const view = document.createElement('div');
  let unlink: () => void = () => {};
  let unhide: () => void = () => {};
  // The reader's place is kept by the view itself, not left to the browser's scroll anchoring: see keep-place.ts.
  const place = keepPlace(view);
  abort.signal.addEventListener('abort', place.stop);

  /**
   * A moved node that is still the view's to put back: in the view, or in an element of the view that a failed
   * render left out of the document. One the site's scripts removed (no parent) or moved elsewhere is theirs.
   */
  const stillOurs = (node: Node) => view.contains(node) || (node.parentNode !== null && !node.isConnected);
  // Before the view is shown a failure is thrown (below); after, it goes to the caller, outside the render that met it.
  let failedEarly: { error: unknown } | null = null;
  let shown = false;
  const fail = (error: unknown) => {
    if (!shown) failedEarly ??= { error };
    else if (!abort.signal.aborted) queueMicrotask(() => options.onError(error));
  };

  const unmount = () => {
    abort.abort();
    // Back while still in the document (moved, not re-inserted: an iframe is not reloaded), and only what is still in
    // the view: a node the site's scripts removed or moved meanwhile stays where they put it. Then the view goes.
    moves.restore(stillOurs);
    render(null, view);
    unlink();
    view.remove();
    unhide();
  };

  try {
    const { nodes, all } = prepareView(parsed);
    for (const n of all) moves.record(n);
    // References become links as their pairs are rendered: the first chunk's now, each later chunk's in its task.
    const chamber = parsed.document.chamber ?? 'tk';
    const undo: (() => void)[] = [];
    const link = (roots: Node[]) => undo.push(linkReferences(roots, chamber));
    unlink = () => {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]();
    };
    const linkPairs = (start: number, end: number) => link(pairNodes(nodes, start, end));
    view.setAttribute('data-kvl-view', '');
    view.setAttribute('role', 'region');
    view.setAttribute('aria-label', t('readerLabel'));
    const count = parsed.document.pairs.length;
    view.className = isLongDocument(count) ? 'kvl-view kvl-long' : 'kvl-view';
    root.parentNode.insertBefore(view, root);
    unhide = hide(root);
    const setAll = (open: boolean) => {
      place.capture();
      for (const d of view.querySelectorAll<HTMLDetailsElement>('details.kvl-answer')) d.open = open;
    };
    const hash = location.hash;
    // Big documents render in chunks (no long task). A deep link needs its pair in the first render: near the top it
    // extends the first chunk; far down its pair and those after it (a screenful) come as well, and the pairs between
    // follow in later chunks (once scrolled to it, the place keeper holds the pair where it is meanwhile).
    const firstChunk = FIRST_PAIRS;
    const target = pairIndexOfHash(parsed, hash);
    const deepChunk: Range | null = target < 0 ? null : deepPairs(target, count);
    link([...nodes.header, ...nodes.mededeling]);
    // (Where the two overlap, a second pass finds nothing more: text inside links is left alone.)
    linkPairs(0, firstChunk);
    if (deepChunk) linkPairs(deepChunk[0], deepChunk[1]);
    const openPending = deepLinks(view, place, abort.signal);
    // Related documents load only once the view is ready (rendered), and only when asked for (seen, or "compare").
    const relatedIds = parsed.document.related.map((r) => r.id).filter((id) => id !== parsed.document.id);
    const related = relatedIds.length ? relatedLoader(relatedIds, siteSource(location.origin)) : null;
    if (related) abort.signal.addEventListener('abort', related.stop);
    // Everything may be in within the first render (a short document): that is reported after the view is shown.
    let early = false;
    let done = false;
    const rendered = () => {
      if (!shown) early = true;
      if (done || !shown) return;
      done = true;
      // All in the first render: a deep link's pair is there now. Later: a link followed before its pair had arrived.
      if (early && location.hash) openHash(view, location.hash, place);
      else openPending();
      // A text-fragment link (`#:~:text=…`) where the browser did not open its pair (Firefox). A comfort: a failure
      // is logged, and the view stays.
      if (!location.hash)
        try {
          openTextFragment(view, navigatedUrl(), place);
        } catch (err) {
          warn(err);
        }
      options.onRendered();
      related?.allow();
    };
    render(
      <GuardedReadingView
        onError={fail}
        doc={parsed.document}
        nodes={nodes}
        origin={location.origin}
        pageUrl={location.href}
        openByDefault={options.openByDefault}
        related={related}
        firstChunk={firstChunk}
        deepChunk={deepChunk}
        controls={{
          onExpandAll: () => setAll(true),
          onCollapseAll: () => setAll(false),
          onShowOriginal: options.onShowOriginal,
          openByDefault: options.openByDefault,
          onOpenByDefault: options.onOpenByDefault,
        }}
        onRendered={rendered}
        beforeChange={place.capture}
        beforeChunk={linkPairs}
        beforeTail={() => link([...nodes.notes, ...nodes.other])}
      />,
      view,
    );
    // Preact renders synchronously: the first chunk is on the page now, and when it held everything, all is.
    // (TypeScript cannot see that the render above may have set it.)
    const thrown = failedEarly as { error: unknown } | null;
    if (thrown) throw thrown.error;
    shown = true;
    options.onShown();
    if (early) rendered();
    // A deep-linked pair is on the page already: open it and scroll to it before the chunks above it arrive, in a task
    // of its own (done in this task, the scroll would lay the view out here: a long task, 75–120 ms against 30–49 ms
    // for the longest task on a 300-pair page). From then on the place keeper holds it where it is while the pairs
    // above it come in.
    else if (deepChunk)
      nextTask(() => {
        if (abort.signal.aborted) return;
        try {
          timedTask(() => openHash(view, hash, place));
        } catch (error) {
          fail(error);
        }
      });
    keyboardNavigation(view, setAll, place, abort.signal);
    printAllOpen(view, abort.signal);
  } catch (err) {
    unmount();
    throw err;
  }
  return { element: view, unmount };
}

/** Index of the pair a `#vraag-N` hash points to, -1 when none. */
function pairIndexOfHash(parsed: HtmlParse, hash: string): number {
  const n = questionOfHash(hash);
  return n === null ? -1 : parsed.document.pairs.findIndex((p) => p.numbers.includes(n));
}

/** The page's nodes in pairs start..end. */
function pairNodes(nodes: ViewNodes, start: number, end: number): Node[] {
  const out: Node[] = [];
  for (const pair of nodes.pairs.slice(start, end)) {
    if (pair.head) out.push(pair.head);
    out.push(...pair.question);
    if (pair.answerHead) out.push(pair.answerHead);
    out.push(...pair.answer);
  }
  return out;
}
