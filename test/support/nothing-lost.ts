// "Nothing lost": the model holds every non-space character of the source, no more and no fewer.

/** Sorted non-whitespace characters: equal for two texts that hold the same characters in any order or layout. */
export function charBag(texts: string[]): string {
  return Array.from(texts.join('').replace(/\s+/gu, '')).sort().join('');
}

/** First difference between two bags, for a readable failure message. */
export function bagDiff(expected: string, actual: string): string {
  const count = (s: string) => {
    const m = new Map<string, number>();
    for (const c of s) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const e = count(expected);
  const a = count(actual);
  const diffs: string[] = [];
  for (const c of new Set([...e.keys(), ...a.keys()])) {
    const d = (a.get(c) ?? 0) - (e.get(c) ?? 0);
    if (d !== 0) diffs.push(`${JSON.stringify(c)}: ${d > 0 ? '+' : ''}${d}`);
  }
  return diffs.slice(0, 20).join(', ');
}
