// The pairs of the reading view, rendered in chunks.

import { Component } from 'preact';
import type { KamervraagDocument } from '../../utils/kamervraag/model';
import type { ViewNodes } from '../../utils/reading-view/sort-nodes';
import type { RelatedLoader } from '../../utils/related/loader';
import { PairView } from './PairView';
import { type Range, useChunks } from './useChunks';

/** What every pair is rendered with */
interface PairsOf {
  doc: KamervraagDocument;
  nodes: ViewNodes;
  open: boolean;
  pageUrl: string;
  origin: string;
  related: RelatedLoader | null;
}

/**
 * The pairs, in chunks: the first at once, each later one in a task of its own. Only this component re-renders per
 * chunk (not the header card or the contents), and a rendered chunk is not diffed again.
 */
export function Pairs(
  props: PairsOf & {
    firstChunk: number;
    deepChunk?: Range | null;
    onRendered(): void;
    beforeChunk?(start: number, end: number): void;
  },
) {
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

interface ChunkProps extends PairsOf {
  start: number;
  end: number;
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
