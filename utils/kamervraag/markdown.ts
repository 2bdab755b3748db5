// Markdown as PDF-to-Markdown converters write a document ("### 1481", "**Vraag 1**", "---", the footer as a pipe
// table): its lines as plain text lines, the syntax taken off. Pure.

const ATX_HEADING = /^\s{0,3}#{1,6}\s+/u;
/** A closing sequence of #s, after the heading's text (tested on the trimmed text: no lazy group before a \s*$) */
const ATX_CLOSING = /\s#+$/u;
const THEMATIC_BREAK = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/u;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/u;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/u;
const BLOCKQUOTE = /^\s{0,3}>\s?/u;
// The emphasised text holds no * (or _): an unclosed ** then costs one scan, not one per later **.
const STRONG = /\*\*(?=[^\s*])([^*]*?[^\s*])\*\*|__(?=[^\s_])([^_]*?[^\s_])__/gu;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/gu;

/** Does the text read as Markdown: at least two lines of its block syntax (headings, bold lines, rules, tables)? */
export function isMarkdown(text: string): boolean {
  let seen = 0;
  for (const m of text.matchAll(/^(?:#{1,6}\s|\*\*\S.*\*\*\s*$|\|.*\|\s*$|---+\s*$)/gmu)) {
    if (m && ++seen >= 2) return true;
  }
  return false;
}

/** The lines of a Markdown text as plain text: a table row's cells on one line, rules and separators blank. */
export function markdownToText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => {
      if (THEMATIC_BREAK.test(line) || TABLE_RULE.test(line)) return '';
      const row = TABLE_ROW.exec(line);
      let plain = row
        ? row[1]
            .split('|')
            .map((cell) => cell.trim())
            .filter(Boolean)
            .join(' ')
        : line;
      plain = plain.replace(BLOCKQUOTE, '');
      const heading = ATX_HEADING.exec(plain);
      if (heading) plain = plain.slice(heading[0].length).trimEnd().replace(ATX_CLOSING, '');
      return plain.replace(STRONG, (_all, a?: string, b?: string) => a ?? b ?? '').replace(ESCAPE, '$1');
    })
    .join('\n');
}
