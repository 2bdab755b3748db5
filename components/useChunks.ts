// Long lists in chunks: the first at once, each later one in a task of its own right after the previous one is on
// the page, sized so that a chunk takes about CHUNK_BUDGET_MS (no long task, however long the document).

import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextTask } from '../utils/next-task';
import { noteTask } from '../utils/task-time';

const CHUNK_BUDGET_MS = 12;
const CHUNK_MIN = 4;
const CHUNK_MAX = 400;

/**
 * [start, end) of every chunk rendered so far; `onDone` once they cover all `total` items. `beforeChunk` is called
 * for every later chunk in the task that renders it, just before (the first chunk is the caller's to prepare).
 */
export function useChunks(
  total: number,
  first: number,
  onDone?: () => void,
  beforeChunk?: (start: number, end: number) => void,
): [number, number][] {
  const [chunks, setChunks] = useState<[number, number][]>(() => [[0, Math.min(first, total)]]);
  const pace = useRef({ size: 10, asked: 0 });
  const count = chunks[chunks.length - 1][1];
  useLayoutEffect(() => {
    const p = pace.current;
    if (p.asked) {
      const took = Math.max(performance.now() - p.asked, 1);
      noteTask(took);
      // Grows at most twice as big per chunk: one quick chunk (a collection pause elsewhere, pairs that skip layout)
      // must not make the next one many times longer than the budget.
      const next = Math.min(Math.round((p.size * CHUNK_BUDGET_MS) / took), p.size * 2);
      p.size = Math.min(CHUNK_MAX, Math.max(CHUNK_MIN, next));
    }
    if (count >= total) {
      onDone?.();
      return;
    }
    return nextTask(() => {
      p.asked = performance.now();
      const end = Math.min(count + p.size, total);
      beforeChunk?.(count, end);
      setChunks((c) => [...c, [count, end]]);
    });
  }, [count, total]);
  return chunks;
}
