// Timing helpers for the benchmarks: run a function a number of times and summarise the samples.
import { availableParallelism, loadavg } from 'node:os';

export interface Timing {
  /** Median of the timed runs, in ms */
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Every timed run, in ms, in the order they ran */
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(samples: readonly number[]): Timing {
  return {
    median: median(samples),
    min: samples.length ? Math.min(...samples) : Number.NaN,
    max: samples.length ? Math.max(...samples) : Number.NaN,
    runs: samples.length,
    samples: [...samples],
  };
}

export interface TimeOptions {
  /** Untimed runs first (JIT, caches); default 3 */
  warmup?: number;
  /** ...and keep warming up until this much time has passed (V8 optimises a function only after many calls) */
  warmupMs?: number;
  /** Timed runs; default 15 */
  runs?: number;
}

/** Something the optimiser cannot prove unused. */
let sink: unknown;

/** Times `fn` with performance.now(): `warmup` untimed calls, then `runs` timed ones. */
export function timeSync(fn: () => unknown, { warmup = 3, runs = 15 }: TimeOptions = {}): Timing {
  for (let i = 0; i < warmup; i++) sink = fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    samples.push(performance.now() - t0);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return summarize(samples);
}

/**
 * Times several functions round-robin (one run of each per round, the order rotating every round), so that they
 * share the same conditions (machine load, GC, JIT state) and their ratios mean something on a busy machine.
 */
export function timeInterleaved<K extends string>(
  fns: Record<K, () => unknown>,
  { warmup = 3, warmupMs = 0, runs = 15 }: TimeOptions = {},
): Record<K, Timing> {
  const keys = Object.keys(fns) as K[];
  const start = performance.now();
  for (let i = 0; i < warmup || performance.now() - start < warmupMs; i++)
    for (const k of keys) sink = fns[k]();
  const samples = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let round = 0; round < runs; round++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(round + j) % keys.length];
      const t0 = performance.now();
      sink = fns[k]();
      samples.get(k)?.push(performance.now() - t0);
    }
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return Object.fromEntries(keys.map((k) => [k, summarize(samples.get(k) ?? [])])) as Record<K, Timing>;
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** Rounds the numbers of a result for JSON (4 decimals is 0.1 µs for ms values). */
export function round(value: number | null, decimals = 4): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A Timing with rounded numbers, for JSON. */
export function timingJson(t: Timing): Record<string, number | null | (number | null)[]> {
  return {
    median: round(t.median),
    min: round(t.min),
    max: round(t.max),
    runs: t.runs,
    samples: t.samples.map((s) => round(s)),
  };
}

/** A warning when other processes compete for the CPU (the figures are then noisy). */
export function loadNote(): string | null {
  const load = loadavg()[0];
  const cpus = availableParallelism();
  return load > cpus * 0.5
    ? `note: load average ${load.toFixed(2)} on ${cpus} CPU(s): other processes compete, expect noisy figures.`
    : null;
}
