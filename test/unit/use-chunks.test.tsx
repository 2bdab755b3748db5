// useChunks: long lists rendered in chunks, the first at once (with a deep-linked run far down), then gap by gap.

import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { firstGap, type Range, useChunks } from '../../components/page/useChunks';

describe('firstGap', () => {
  it('finds the first run not yet covered, or none', () => {
    expect(firstGap([[0, 5]], 5)).toBeNull();
    expect(firstGap([[0, 5]], 8)).toEqual([5, 8]);
    expect(
      firstGap(
        [
          [0, 5],
          [20, 25],
        ],
        30,
      ),
    ).toEqual([5, 20]);
    expect(
      firstGap(
        [
          [0, 5],
          [5, 20],
          [20, 25],
        ],
        30,
      ),
    ).toEqual([25, 30]);
    expect(firstGap([[3, 5]], 5)).toEqual([0, 3]);
  });
});

describe('useChunks', () => {
  let host: HTMLElement;
  afterEach(() => {
    render(null, host);
    host.remove();
  });

  /** Renders a list of `total` items through useChunks; resolves with every render's chunks once all are in. */
  function run(total: number, first: number, also?: Range | null) {
    host = document.createElement('div');
    document.body.append(host);
    const renders: Range[][] = [];
    const prepared: Range[] = [];
    return new Promise<{ renders: Range[][]; prepared: Range[]; items: string[] }>((resolve) => {
      const done = () =>
        resolve({ renders, prepared, items: Array.from(host.querySelectorAll('li'), (li) => li.id) });
      function List() {
        const chunks = useChunks(total, first, done, (s, e) => prepared.push([s, e]), also);
        renders.push(chunks.map((c) => [...c] as Range));
        return (
          <ol>
            {chunks.map(([s, e]) =>
              Array.from({ length: e - s }, (_, i) => <li key={s + i} id={`i${s + i}`} />),
            )}
          </ol>
        );
      }
      render(<List />, host);
    });
  }

  const ids = (n: number) => Array.from({ length: n }, (_, i) => `i${i}`);

  it('renders the first items at once, the rest in later chunks, in order', async () => {
    const { renders, prepared, items } = await run(50, 5);
    expect(renders[0]).toEqual([[0, 5]]);
    expect(renders.length).toBeGreaterThan(2);
    expect(items).toEqual(ids(50));
    expect(prepared[0][0]).toBe(5);
    expect(prepared.at(-1)?.[1]).toBe(50);
  });

  it('renders a deep-linked run far down at once too, then fills the gap before it, then the rest', async () => {
    const { renders, prepared, items } = await run(300, 5, [250, 255]);
    expect(renders[0]).toEqual([
      [0, 5],
      [250, 255],
    ]);
    // Every later chunk fills the first gap: first 5..250, then 255..300.
    const starts = prepared.map(([s]) => s);
    expect(starts[0]).toBe(5);
    expect(starts.filter((s) => s >= 255)[0]).toBe(255);
    expect(Math.max(...prepared.filter(([s]) => s < 250).map(([, e]) => e))).toBe(250);
    expect(prepared.findIndex(([s]) => s >= 255)).toBeGreaterThan(prepared.findLastIndex(([s]) => s < 250));
    expect(items).toEqual(ids(300));
  });

  it('joins a deep-linked run near the top to the first chunk', async () => {
    const { renders, items } = await run(40, 5, [3, 8]);
    expect(renders[0]).toEqual([[0, 8]]);
    expect(items).toEqual(ids(40));
  });
});
