// Long lists in chunks: the first at once, each later one in a task of its own right after the previous one is on
// the page, sized so that a chunk takes about CHUNK_BUDGET_MS (no long task, however long the document).

import { useLayoutEffect, useRef, useState } from 'preact/hooks';

const CHUNK_BUDGET_MS = 12;
const CHUNK_MIN = 4;
const CHUNK_MAX = 400;

/**
 * Runs `job` in a task of its own, soon: a message to ourselves, not setTimeout, which browsers slow to once a second
 * in background tabs (a document opened in a background tab would fill in over many seconds). Returns a cancel.
 */
function nextTask(job: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    job();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/** [start, end) of every chunk rendered so far; `onDone` once they cover all `total` items. */
export function useChunks(total: number, first: number, onDone?: () => void): [number, number][] {
  const [chunks, setChunks] = useState<[number, number][]>(() => [[0, Math.min(first, total)]]);
  const pace = useRef({ size: 10, asked: 0 });
  const count = chunks[chunks.length - 1][1];
  useLayoutEffect(() => {
    const p = pace.current;
    if (p.asked) {
      const took = Math.max(performance.now() - p.asked, 1);
      p.size = Math.min(CHUNK_MAX, Math.max(CHUNK_MIN, Math.round((p.size * CHUNK_BUDGET_MS) / took)));
    }
    if (count >= total) {
      onDone?.();
      return;
    }
    return nextTask(() => {
      p.asked = performance.now();
      setChunks((c) => [...c, [count, Math.min(count + p.size, total)]]);
    });
  }, [count, total]);
  return chunks;
}
