// A shared link with a text fragment (`#:~:text=…`, what search engines and share buttons make) opens the pair that
// holds the text. Chromium does it itself: it searches the view, opens the closed answer and scrolls there. Firefox
// searches the page before the view is built and never opens the answer; it hides the directive from the page
// (location, document.URL and the navigation timing entry have it removed) but the Navigation API's current entry
// keeps it. So once every pair is on the page: the text's pair opened, and the text scrolled to the middle of the
// screen, unless the browser has done so already.

import { normalizeSpace } from '../kamervraag/text';
import type { PlaceKeeper } from './keep-place';

/** One `text=` directive: [prefix-,]start[,end][,-suffix], each part decoded */
export interface TextDirective {
  prefix: string | null;
  start: string;
  end: string | null;
  suffix: string | null;
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The text directives of a URL (none when it has no `:~:` fragment directive, or they are malformed). */
export function textDirectives(url: string): TextDirective[] {
  const hash = url.indexOf('#');
  const at = hash < 0 ? -1 : url.indexOf(':~:', hash);
  if (at < 0) return [];
  const out: TextDirective[] = [];
  for (const directive of url.slice(at + 3).split('&')) {
    if (!directive.startsWith('text=')) continue;
    const parts = directive.slice(5).split(',');
    const prefix = parts[0]?.endsWith('-') ? parts.shift()?.slice(0, -1) : null;
    const suffix = parts.length > 1 && parts[parts.length - 1].startsWith('-') ? parts.pop()?.slice(1) : null;
    if (parts.length < 1 || parts.length > 2) continue;
    const raw = [prefix, parts[0], parts[1], suffix];
    const decoded = raw.map((p) => (p ? decode(p) : null));
    // A part that does not decode makes the directive one no browser follows.
    if (decoded.some((d, i) => d === null && raw[i])) continue;
    const [p, start, end, s] = decoded;
    if (start) out.push({ prefix: p, start, end, suffix: s });
  }
  return out;
}

/** Text as the browsers match a directive: whitespace collapsed, case folded. */
const fold = (text: string) => normalizeSpace(text).toLocaleLowerCase();

/** A directive's parts folded, as the texts they are looked for in. */
function folded(d: TextDirective): TextDirective {
  const f = (part: string | null) => (part === null ? null : fold(part));
  return { prefix: f(d.prefix), start: fold(d.start), end: f(d.end), suffix: f(d.suffix) };
}

/** Whether `text` holds the directive (both folded): its start, then its end; with its prefix and suffix if given. */
function holds(text: string, d: TextDirective): boolean {
  const before = d.prefix ? `${d.prefix} ` : '';
  let from = text.indexOf(before + d.start);
  if (from < 0) return false;
  from += before.length + d.start.length;
  if (d.end) {
    const end = text.indexOf(d.end, from);
    if (end < 0) return false;
    from = end + d.end.length;
  }
  return !d.suffix || text.startsWith(` ${d.suffix}`, from) || text.startsWith(d.suffix, from);
}

/** The deepest element in `root` whose text holds `start` (folded): where to scroll to. */
function elementWith(root: Element, start: string): Element {
  let at = root;
  for (;;) {
    const child = Array.from(at.children).find((c) => fold(c.textContent ?? '').includes(start));
    if (!child) return at;
    at = child;
  }
}

/** The URL of this page as navigated to, with its fragment directive (the Navigation API's; null without it). */
export function navigatedUrl(): string | null {
  const nav = (globalThis as { navigation?: { currentEntry?: { url?: string | null } | null } }).navigation;
  return nav?.currentEntry?.url ?? null;
}

/**
 * Opens the pair holding the first text directive of `url` that a pair of `view` holds, and scrolls to the text,
 * unless it is on the screen in an open answer already (the browser's own work). True when a pair was found.
 */
export function openTextFragment(
  view: HTMLElement,
  url: string | null,
  place: Pick<PlaceKeeper, 'pin'>,
): boolean {
  if (!url) return false;
  const directives = textDirectives(url);
  if (directives.length === 0) return false;
  const pairs = Array.from(view.querySelectorAll<HTMLElement>('[data-kvl-pair]'));
  const texts = pairs.map((p) => fold(p.textContent ?? ''));
  for (const d of directives.map(folded)) {
    // With its prefix and suffix (which tell one place from another), else its start and end alone.
    const loose = { ...d, prefix: null, suffix: null };
    const i = texts.findIndex((t) => holds(t, d));
    const pair = pairs[i >= 0 ? i : texts.findIndex((t) => holds(t, loose))];
    if (!pair) continue;
    const target = elementWith(pair, d.start);
    const answer = target.closest('details');
    const box = target.getBoundingClientRect();
    const seen = box.bottom > 0 && box.top < window.innerHeight;
    if (answer?.open !== false && seen) return true;
    if (answer) answer.open = true;
    target.scrollIntoView({ block: 'center' });
    place.pin(pair);
    return true;
  }
  return false;
}
