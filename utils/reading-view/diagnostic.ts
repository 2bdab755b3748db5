// "Copy diagnostic": an outline of the page's structure (tags, classes, headings) for a bug report, without its text.

import { SKIP_TAGS } from '../site/selectors';

const MAX_LINES = 400;

export function pageOutline(doc: Document, url: string): string {
  const lines = [`Kamervragen Lezer diagnostic`, `url: ${url}`, `title: ${doc.title.slice(0, 120)}`];
  for (const m of Array.from(doc.querySelectorAll('meta[name]'))) {
    lines.push(`meta ${m.getAttribute('name')}=${(m.getAttribute('content') ?? '').slice(0, 80)}`);
  }
  const walk = (el: Element, depth: number) => {
    if (lines.length >= MAX_LINES || SKIP_TAGS.has(el.localName)) return;
    const cls = el.classList.length ? `.${Array.from(el.classList).join('.')}` : '';
    const id = el.id ? `#${el.id}` : '';
    const heading = /^H[1-6]$/.test(el.tagName) ? ` "${(el.textContent ?? '').trim().slice(0, 60)}"` : '';
    lines.push(`${'  '.repeat(depth)}${el.tagName.toLowerCase()}${id}${cls}${heading}`);
    for (const c of Array.from(el.children)) walk(c, depth + 1);
  };
  if (doc.body) walk(doc.body, 0);
  if (lines.length >= MAX_LINES) lines.push('… (cut)');
  return lines.join('\n');
}
