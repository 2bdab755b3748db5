// Text output of the benchmarks: numbers with sensible precision and plain aligned tables.

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

export function fmtKb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

export interface Column {
  header: string;
  /** Numbers read best right-aligned; default left */
  align?: 'left' | 'right';
}

/** A table with a header line and a rule under it, columns two spaces apart. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        return c.align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

export function heading(title: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(3, 100 - title.length))}`;
}

export function verdict(met: boolean | null): string {
  if (met === null) return 'n/a';
  return met ? 'met' : 'MISSED';
}
