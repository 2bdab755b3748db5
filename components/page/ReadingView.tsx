// The reading view: header card, table of contents, collapsible question/answer pairs, mededeling, notes.

import { Component } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { KamervraagDocument, Pair } from '../../utils/kamervraag/model';
import { firstWords } from '../../utils/reading-list/entry';
import type { ViewNodes } from '../../utils/reading-view/sort-nodes';
import type { RelatedLoader } from '../../utils/related/loader';
import { questionAnchor } from '../../utils/site/ids';
import { fill } from './fill';
import { type Controls, HeaderCard } from './HeaderCard';
import { Compare } from './related/Compare';
import { Navigator } from './related/Navigator';
import { SaveControls } from './SaveControls';
import { type Range, useChunks } from './useChunks';

export interface ReadingViewProps {
  doc: KamervraagDocument;
  nodes: ViewNodes;
  origin: string;
  pageUrl: string;
  openByDefault: boolean;
  /** Render this many pairs at once, the rest in later tasks (no long task on huge documents) */
  firstChunk: number;
  /** Pairs [start, end) to render at once as well: a deep-linked pair far down, with the pairs that fill the screen */
  deepChunk?: Range | null;
  controls: Controls;
  /** The page's related documents (null when it names none): the navigator and each pair's "compare answers" */
  related?: RelatedLoader | null;
  onRendered(): void;
  /** Called in every task that adds to the view after the first render (pairs, contents entries, notes), first */
  beforeChange?(): void;
  /** Called in the task that renders pairs start..end, just before (all but the first chunk) */
  beforeChunk?(start: number, end: number): void;
  /** Called in the task that renders the notes and other text (see Tail), just before */
  beforeTail?(): void;
}

/**
 * Contents entries rendered at once: more than the first screen shows. Measured in Chromium at 1280×900 on the
 * fixture pages, the view starts about 380 px down (below the site's header), the header card and description take
 * 300 px, and an entry 40 px: 4–5 entries are in view, the first pair (at 950–1700 px) is not. The rest follow in
 * chunks, as the pairs do.
 */
const TOC_FIRST = 10;
/** Documents with more pairs are long: their contents start closed (a thousand entries would push the pairs far
 * down) and their pairs out of view skip layout (style.css, .kvl-long) */
const LONG_DOCUMENT = 60;
const TOC_FROM = 8;

export const isLongDocument = (pairs: number) => pairs > LONG_DOCUMENT;
/** Whether the view starts with an open contents: documents that have one and are not long */
const contentsOpen = (pairs: number) => pairs >= TOC_FROM && !isLongDocument(pairs);

/**
 * How many pairs the view renders at once, before the rest follow in chunks (tasks of their own, right after): what
 * the first screen shows, with room to spare. Without contents, or with contents closed (a long document), 5: a
 * collapsed pair is about 170 px tall, and 1–2 are in view. An open contents fills the first screen: 1 pair. Each
 * pair costs about 1 ms in the task that shows the view (cold code; measured on the largest fixture: 3 pairs and 20
 * entries against 1 and 10, 2.3 ms more).
 */
export function firstPairs(pairs: number): number {
  return contentsOpen(pairs) ? 1 : SCREEN_PAIRS;
}

/** Collapsed pairs that fill a screen (about 170 px each), with room to spare. */
const SCREEN_PAIRS = 5;

/**
 * The pairs rendered at once for a deep link to pair `target`: it and those that fill the screen below it, whatever
 * the contents do (scrolled to the pair, the screen shows what follows it: with too little below, the scroll would stop
 * short and the pair would stay halfway down the screen).
 */
export function deepPairs(target: number, pairs: number): [number, number] {
  return [target, Math.min(target + SCREEN_PAIRS, pairs)];
}

/**
 * The view, guarded: a failure while rendering it, now or in any later chunk's task, goes to `onError` (which puts
 * the page back as the site delivered it) instead of leaving a half-built view.
 */
export class GuardedReadingView extends Component<ReadingViewProps & { onError(error: unknown): void }> {
  failed = false;
  override componentDidCatch(error: unknown) {
    // Marked for a render (of nothing): that is how Preact knows the error is handled here. The caller's unmount,
    // queued by onError, comes first and puts the page's nodes back.
    this.setState({});
    if (this.failed) return;
    this.failed = true;
    this.props.onError(error);
  }
  override render() {
    return this.failed ? null : <ReadingView {...this.props} />;
  }
}

export function ReadingView(props: ReadingViewProps) {
  const { doc, nodes } = props;
  const toc = doc.pairs.length >= TOC_FROM;
  const tocOpen = contentsOpen(doc.pairs.length);
  const tail = nodes.notes.length > 0 || nodes.other.length > 0;
  // Rendered = the pairs and an open contents (both come in chunks), and the notes and other text at the end.
  const pending = useRef((tocOpen ? 2 : 1) + (tail ? 1 : 0));
  const rendered = () => {
    pending.current--;
    if (pending.current === 0) props.onRendered();
  };
  const related = props.related ?? null;
  // A kv page's answers come first, above everything (what a reader of unanswered questions looks for); an answer's
  // siblings right under its facts.
  const navigator = related ? <Navigator doc={doc} loader={related} origin={props.origin} /> : null;
  const kv = doc.kind === 'vragen';
  return (
    <>
      {kv ? navigator : null}
      <HeaderCard doc={doc} origin={props.origin} controls={props.controls} pageUrl={props.pageUrl} />
      {kv ? null : navigator}
      {nodes.header.length ? <div class="kvl-omschrijving" ref={fill(nodes.header)} /> : null}
      {toc ? (
        <Toc pairs={doc.pairs} open={tocOpen} onRendered={rendered} beforeChange={props.beforeChange} />
      ) : null}
      <Pairs
        doc={doc}
        nodes={nodes}
        open={props.openByDefault}
        pageUrl={props.pageUrl}
        origin={props.origin}
        related={related}
        firstChunk={props.firstChunk}
        deepChunk={props.deepChunk}
        onRendered={rendered}
        beforeChunk={(start, end) => {
          props.beforeChange?.();
          props.beforeChunk?.(start, end);
        }}
      />
      {nodes.mededeling.length ? (
        <section class="kvl-mededeling" aria-label={t('mededeling')}>
          <div ref={fill(nodes.mededeling)} />
        </section>
      ) : null}
      {tail ? (
        <Tail
          nodes={nodes}
          before={() => {
            props.beforeChange?.();
            props.beforeTail?.();
          }}
          onRendered={rendered}
        />
      ) : null}
    </>
  );
}

/**
 * The notes and any other text, below every pair: never on the first screen, so they come in a task of their own
 * right after the one that shows the view (with their 13 notes, the largest fixture's first task took about 3 ms
 * longer). `before` runs in that task, just before they are rendered.
 */
function Tail({ nodes, before, onRendered }: { nodes: ViewNodes; before?(): void; onRendered(): void }) {
  // One item, none of it in the first render: the later chunk is the whole tail.
  const shown = useChunks(1, 0, onRendered, before).some(([start, end]) => end > start);
  if (!shown) return null;
  return (
    <>
      {nodes.notes.length ? (
        <section class="kvl-notes" aria-label={t('notes')}>
          <div ref={fill(nodes.notes)} />
        </section>
      ) : null}
      {nodes.other.length ? (
        <section class="kvl-other" aria-label={t('otherText')}>
          <div ref={fill(nodes.other)} />
        </section>
      ) : null}
    </>
  );
}

/**
 * The pairs, in chunks: the first at once, each later one in a task of its own. Only this component re-renders per
 * chunk (not the header card or the contents), and a rendered chunk is not diffed again.
 */
function Pairs(props: {
  doc: KamervraagDocument;
  nodes: ViewNodes;
  open: boolean;
  pageUrl: string;
  origin: string;
  related: RelatedLoader | null;
  firstChunk: number;
  deepChunk?: Range | null;
  onRendered(): void;
  beforeChunk?(start: number, end: number): void;
}) {
  const { doc } = props;
  const chunks = useChunks(
    doc.pairs.length,
    props.firstChunk,
    props.onRendered,
    props.beforeChunk,
    props.deepChunk,
  );
  return (
    <div class="kvl-pairs">
      {chunks.map(([start, end]) => (
        <PairChunk
          key={start}
          start={start}
          end={end}
          doc={doc}
          nodes={props.nodes}
          open={props.open}
          pageUrl={props.pageUrl}
          origin={props.origin}
          related={props.related}
        />
      ))}
    </div>
  );
}

interface ChunkProps {
  start: number;
  end: number;
  doc: KamervraagDocument;
  nodes: ViewNodes;
  open: boolean;
  pageUrl: string;
  origin: string;
  related: RelatedLoader | null;
}

/** A run of pairs that, once rendered, is not diffed again when later chunks arrive. */
class PairChunk extends Component<ChunkProps> {
  override shouldComponentUpdate(next: ChunkProps) {
    return next.end !== this.props.end || next.open !== this.props.open;
  }
  override render({ start, end, doc, nodes, open, pageUrl, origin, related }: ChunkProps) {
    return (
      <>
        {doc.pairs.slice(start, end).map((pair, i) => (
          <PairView
            key={start + i}
            doc={doc}
            pair={pair}
            nodes={nodes.pairs[start + i]}
            open={open}
            pageUrl={pageUrl}
            origin={origin}
            related={related}
          />
        ))}
      </>
    );
  }
}

/**
 * The contents. A long document's start closed, and their entries are only rendered once opened: while its pairs come
 * in, a thousand entries would be a third more to allocate (and collect) for a list most readers never open.
 */
function Toc({
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

function PairView({
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
  const [copied, setCopied] = useState(false);
  const id = questionAnchor(pair.numbers[0]);
  const copy = async () => {
    const url = `${pageUrl.replace(/#.*$/, '')}#${id}`;
    try {
      // Outside a secure context there is no navigator.clipboard: the TypeError lands below as well.
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt(t('copyLink'), url);
    }
  };
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
          <button
            type="button"
            class="kvl-copy"
            data-kvl-action="copy-link"
            onClick={copy}
            aria-label={`${t('copyLink')}: ${pair.label}`}
          >
            {copied ? t('copied') : '#'}
          </button>
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
