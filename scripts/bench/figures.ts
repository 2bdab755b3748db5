// The benchmarks' figures: timing functions in turn, summarising samples, and printing them as plain tables.
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

function summarize(samples: number[]): Timing {
  const min = Math.min(...samples);
  return { median: median(samples), min, max: Math.max(...samples), runs: samples.length, samples };
}

/** The samples that were measured (null: not this time) summarised; null when there are none. */
export function timing(values: readonly (number | null | undefined)[]): Timing | null {
  const samples = values.filter((v): v is number => v != null);
  return samples.length ? summarize(samples) : null;
}

/** Something the optimiser cannot prove unused. */
let sink: unknown;

interface Rounds {
  /** Untimed rounds first, and more until `warmupMs` has passed (V8 optimises a function only after many calls) */
  warmup?: number;
  warmupMs?: number;
  /** Timed rounds */
  runs?: number;
}

/**
 * The order in which functions run: warm-up rounds (untimed), then timed rounds, one run of each function per round,
 * the order rotating every round. Lazy: the warm-up's time is taken as the runs happen.
 */
function* schedule<K>(keys: readonly K[], { warmup = 3, warmupMs = 0, runs = 15 }: Rounds) {
  const start = performance.now();
  for (let i = 0; i < warmup || performance.now() - start < warmupMs; i++)
    for (const key of keys) yield { key, timed: false };
  for (let round = 0; round < runs; round++)
    for (let j = 0; j < keys.length; j++) yield { key: keys[(round + j) % keys.length], timed: true };
}

const summaries = <K extends string>(keys: readonly K[], samples: Map<K, number[]>) =>
  Object.fromEntries(keys.map((k) => [k, summarize(samples.get(k) ?? [])])) as Record<K, Timing>;

/**
 * Times several functions round-robin (one run of each per round, the order rotating every round), so that they
 * share the same conditions (machine load, GC, JIT state) and their ratios mean something on a busy machine.
 * `warmup` untimed rounds first, and more until `warmupMs` has passed (V8 optimises a function only after many calls).
 */
export function timeInterleaved<K extends string>(
  fns: Record<K, () => unknown>,
  rounds: Rounds = {},
): Record<K, Timing> {
  const keys = Object.keys(fns) as K[];
  const samples = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (const { key, timed } of schedule(keys, rounds)) {
    const t0 = performance.now();
    sink = fns[key]();
    if (timed) samples.get(key)?.push(performance.now() - t0);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return summaries(keys, samples);
}

/** timeInterleaved for async functions: each run awaited before the next starts. */
export async function timeInterleavedAsync<K extends string>(
  fns: Record<K, () => Promise<unknown>>,
  rounds: Rounds = {},
): Promise<Record<K, Timing>> {
  const keys = Object.keys(fns) as K[];
  const samples = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (const { key, timed } of schedule(keys, rounds)) {
    const t0 = performance.now();
    sink = await fns[key]();
    if (timed) samples.get(key)?.push(performance.now() - t0);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return summaries(keys, samples);
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** For JSON.stringify: fractions to 4 decimals (0.1 µs for ms values). */
export function rounded(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value;
}

export function fmtMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(2);
  return ms.toFixed(1);
}

export function fmtRatio(r: number | null | undefined): string {
  if (r == null || !Number.isFinite(r)) return 'n/a';
  return r < 10 ? r.toFixed(2) : r.toFixed(1);
}

export const fmtKb = (bytes: number) => (bytes / 1024).toFixed(1);

export const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'MISSED');

export function heading(title: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(3, 100 - title.length))}`;
}

/**
 * A table with a header line and a rule under it, columns two spaces apart. A header that starts with ">" is
 * right-aligned (numbers read best so); the ">" is not shown.
 */
export function renderTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const right = columns.map((c) => c.startsWith('>'));
  const headers = columns.map((c) => c.replace(/^>/, ''));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, i) => (right[i] ? (cells[i] ?? '').padStart(w) : (cells[i] ?? '').padEnd(w)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** What a section measures, then a warning when other processes compete for the CPU (noisy figures). */
export function printIntro(print: (text?: string) => void, lines: readonly string[]): void {
  for (const line of lines) print(line);
  const load = loadavg()[0];
  const cpus = availableParallelism();
  if (load > cpus * 0.5) {
    print(
      `note: load average ${load.toFixed(2)} on ${cpus} CPU(s): other processes compete, expect noisy figures.`,
    );
  }
  print();
}
