// The reading view: header card, table of contents, collapsible question/answer pairs, mededeling, notes.

import { Component } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { KamervraagDocument } from '../../utils/kamervraag/model';
import { citingLink, noteTarget } from '../../utils/reading-view/notes';
import type { ViewNodes } from '../../utils/reading-view/sort-nodes';
import type { RelatedLoader } from '../../utils/related/loader';
import { Toc } from './Contents';
import { fill } from './fill';
import { type Controls, HeaderCard } from './HeaderCard';
import { Pairs } from './Pairs';
import { Navigator } from './related/Navigator';
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

/** Documents with more pairs are long: their pairs out of view skip layout (style.css, .kvl-long) */
const LONG_DOCUMENT = 60;
/** Documents with this many pairs get contents (closed: one line above the first question, one click from open) */
const TOC_FROM = 8;

export const isLongDocument = (pairs: number) => pairs > LONG_DOCUMENT;

/**
 * How many pairs the view renders at once, before the rest follow in chunks (tasks of their own, right after): what
 * the first screen shows, with room to spare. A collapsed pair is about 170 px tall, and 1–3 are in view below the
 * header card. Each pair costs about 1 ms in the task that shows the view (cold code).
 */
export const FIRST_PAIRS = 5;

/**
 * The pairs rendered at once for a deep link to pair `target`: it and those that fill the screen below it (scrolled
 * to the pair, the screen shows what follows it: with too little below, the scroll would stop short and the pair
 * would stay halfway down the screen).
 */
export function deepPairs(target: number, pairs: number): [number, number] {
  return [target, Math.min(target + FIRST_PAIRS, pairs)];
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
  const tail = nodes.notes.length > 0 || nodes.other.length > 0;
  // Rendered = the pairs (in chunks), and the notes and other text at the end. The contents start closed: their
  // entries are made when they are opened.
  const pending = useRef(1 + (tail ? 1 : 0));
  const rendered = () => {
    pending.current--;
    if (pending.current === 0) props.onRendered();
  };
  const related = props.related ?? null;
  // Where the card states the subject and who asked (read from the header: who asked whom, about what, who
  // answered), the header as published is folded into the card, one click from view and found by the browser's find:
  // each fact once, and the first question on the first screen. Else it is the only place some of them are read (a
  // subject the parser did not find), and shown under the card.
  const folded = nodes.header.length > 0 && doc.subject !== null && doc.askers.length > 0;
  // A kv page's answers come first, above everything (what a reader of unanswered questions looks for); an answer's
  // siblings right under its facts.
  const navigator = related ? <Navigator doc={doc} loader={related} origin={props.origin} /> : null;
  const kv = doc.kind === 'vragen';
  // A Mededeling (a notice instead of answers: a delay, a referral) is what the document says: it comes first.
  const mededelingFirst = doc.kind === 'mededeling';
  const mededeling = nodes.mededeling.length ? (
    <section class="kvl-mededeling" aria-label={t('mededeling')}>
      <div ref={fill(nodes.mededeling)} />
    </section>
  ) : null;
  return (
    <>
      {kv ? navigator : null}
      <HeaderCard
        doc={doc}
        origin={props.origin}
        controls={props.controls}
        pageUrl={props.pageUrl}
        published={folded ? <Omschrijving nodes={nodes.header} folded /> : null}
        related={kv ? null : navigator}
      />
      {nodes.header.length && !folded ? <Omschrijving nodes={nodes.header} folded={false} /> : null}
      {toc ? <Toc pairs={doc.pairs} beforeChange={props.beforeChange} /> : null}
      {mededelingFirst ? mededeling : null}
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
      {mededelingFirst ? null : mededeling}
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

/** The header as published: folded (in the header card) or as it is. */
function Omschrijving({ nodes, folded }: { nodes: Node[]; folded: boolean }) {
  const text = <div class="kvl-omschrijving" ref={fill(nodes)} />;
  if (!folded) return text;
  return (
    <details class="kvl-omschrijving-fold">
      <summary>{t('headerAsPublished')}</summary>
      {text}
    </details>
  );
}

/** One footnote, with a way back to where the text cites it (when the text has a link to it) */
function Note({ note }: { note: Node }) {
  const target = noteTarget(note);
  const back = (e: Event) => {
    const link = target && citingLink((e.currentTarget as Element).closest('[data-kvl-view]'), target);
    if (!link) return;
    // Most notes are cited in an answer: open it first (the view's own <details>), or there is nothing to reach.
    const answer = link.closest('details');
    if (answer && !answer.open) answer.open = true;
    // After the view has seen the answer open (its place keeper, a mutation observer, holds the reader's place for
    // that change): then the scroll to the link is the reader's new place.
    queueMicrotask(() => {
      link.scrollIntoView({ block: 'center' });
      link.focus();
    });
  };
  return (
    <div class="kvl-note">
      <div ref={fill([note])} />
      {target ? (
        <button type="button" class="kvl-back" data-kvl-action="note-back" onClick={back}>
          {t('backToText')}
        </button>
      ) : null}
    </div>
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
        <section class="kvl-notes" aria-labelledby="kvl-notes-head">
          <h2 id="kvl-notes-head" class="kvl-notes-head">
            {t('notes')}
          </h2>
          {nodes.notes.map((note, i) => (
            <Note key={i} note={note} />
          ))}
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
