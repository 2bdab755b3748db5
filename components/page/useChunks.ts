// Long lists in chunks: the first at once, each later one in a task of its own right after the previous one is on
// the page, sized so that a chunk takes about CHUNK_BUDGET_MS (no long task, however long the document).

import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextTask } from '../../utils/next-task';
import { noteTask } from '../../utils/timing';

const CHUNK_BUDGET_MS = 12;
const CHUNK_MIN = 4;
const CHUNK_MAX = 400;

/** [start, end) of a run of items */
export type Range = [number, number];

/** The first run of items not yet rendered, [start, end), or null when all `total` are. `chunks` are sorted. */
export function firstGap(chunks: readonly Range[], total: number): Range | null {
  let at = 0;
  for (const [start, end] of chunks) {
    if (start > at) return [at, start];
    at = Math.max(at, end);
  }
  return at < total ? [at, total] : null;
}

/**
 * [start, end) of every chunk rendered so far, in order; `onDone` once they cover all `total` items. The first
 * render has items 0..first, and the run `also` when given (a deep-linked item far down: the items before it follow
 * later, as the rest do). Later chunks fill the first gap each. `beforeChunk` is called for every later chunk in the
 * task that renders it, just before (the first render is the caller's to prepare).
 */
export function useChunks(
  total: number,
  first: number,
  onDone?: () => void,
  beforeChunk?: (start: number, end: number) => void,
  also?: Range | null,
): Range[] {
  const [chunks, setChunks] = useState<Range[]>(() => {
    const head: Range = [0, Math.min(first, total)];
    if (!also || also[0] <= head[1]) return [[0, Math.min(Math.max(first, also?.[1] ?? 0), total)]];
    return [head, [also[0], Math.min(also[1], total)]];
  });
  const pace = useRef({ size: 10, asked: 0 });
  // A failure in a later chunk's task (beforeChunk) is thrown where the render is, so that the view's error boundary
  // (ReadingView's Guarded) gets it like any failure while rendering.
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  if (failed) throw failed.error;
  const gap = firstGap(chunks, total);
  const gapStart = gap ? gap[0] : total;
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
    if (!gap) {
      onDone?.();
      return;
    }
    return nextTask(() => {
      p.asked = performance.now();
      const chunk: Range = [gap[0], Math.min(gap[0] + p.size, gap[1])];
      try {
        beforeChunk?.(chunk[0], chunk[1]);
      } catch (error) {
        setFailed({ error });
        return;
      }
      setChunks((c) => [...c, chunk].sort((a, b) => a[0] - b[0]));
    });
  }, [gapStart, chunks.length, total]);
  return chunks;
}
