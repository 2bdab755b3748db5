// Adapter: an HTML Document (the site's page) → blocks, each keeping its source node, then the classified model.

import { metaContent, metaContents } from '../site/detect';
import { documentUrl, findKamervraagId, idParts, isKamervraagId } from '../site/ids';
import { BLOCK_TAGS, BODY, BODY_ROOTS, MEDIA_SELECTOR, MEDIA_TAGS, META, SKIP_TAGS } from '../site/selectors';
import type { Block, BlockRole, SourceMeta } from './blocks';
import { type Classified, classifier } from './classify';
import { parseHeading } from './headings';

/**
 * A block's source: its element, or the nodes it was made of when they sit loose in a container (text and inline
 * elements); content without text beside it (an image or frame alone in its paragraph) goes with a neighbouring block.
 */
export type HtmlSource = Element | Node[];

export interface HtmlParse extends Classified {
  blocks: Block<HtmlSource>[];
  /** The element holding the document body, null when none was found */
  root: Element | null;
}

const ELEMENT = 1;
const TEXT = 3;
/** Any character that is not whitespace: a test that stops at the first one (`trim()` copies the text). */
const VISIBLE = /\S/u;

// A note on speed: the walks below read each node's children once, with `for (const c of node.childNodes)`: a plain
// array iteration in happy-dom (the bench's DOM), a list iteration in browsers. In happy-dom `childNodes[i]` goes
// through a Proxy on every read and `nextSibling` is an indexOf in the parent (quadratic over long runs of siblings);
// in linkedom every read of `childNodes` builds a new array; `Array.from` copies every list. What the site's classes
// say is looked up once per parse (siteMarks), not asked of every element. (Reading by index is about 20% quicker in
// a cold Chromium walk, about 1 ms on the largest fixture, but 40% slower in happy-dom, where the parse goal is
// measured: measured both ways on 2026-11-29, and left as it is.)

/** The semantic containers and the role each gives to everything inside it, in order of precedence. */
const ROLE_SELECTORS: readonly (readonly [BlockRole, string])[] = [
  ['vraag', BODY.question],
  ['antwoord', BODY.answer],
  ['mededeling', BODY.mededeling],
  ['omschrijving', BODY.omschrijving],
];

/** The element that holds the document body: around the semantic classes, else around text-only headings. */
export function findBodyRoot(doc: Document): Element | null {
  const semantic = Array.from(doc.querySelectorAll(`${BODY.question}, ${BODY.answer}`));
  const anchors = semantic.length ? semantic : headingElements(doc);
  if (anchors.length === 0) return null;
  let root: Element | null = anchors.length === 1 ? anchors[0].parentElement : commonAncestor(anchors);
  if (!root) return null;
  for (const sel of BODY_ROOTS) {
    const outer = root.closest(sel);
    if (outer) {
      root = outer;
      break;
    }
  }
  return root;
}

/** Elements whose whole text is a question/answer heading ("Vraag 3", "Antwoord 1 en 2"), outermost first. */
function headingElements(doc: Document): Element[] {
  const found: Element[] = [];
  const candidates = doc.body
    ? doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p, strong, b, dt, div')
    : [];
  for (const el of Array.from(candidates)) {
    const text = el.textContent ?? '';
    if (text.length > 80 || !parseHeading(text)) continue;
    if (found.some((f) => f.contains(el))) continue;
    found.push(el);
  }
  return found;
}

function commonAncestor(nodes: Element[]): Element | null {
  let anc: Element | null = nodes[0];
  for (const n of nodes.slice(1)) {
    while (anc && !anc.contains(n)) anc = anc.parentElement;
  }
  return anc;
}

/** Text of a subtree without script/style. */
export function visibleText(node: Node): string {
  const type = node.nodeType;
  if (type === TEXT) return (node as Text).data;
  if (type !== ELEMENT || SKIP_TAGS.has((node as Element).localName)) return '';
  let out = '';
  for (const c of node.childNodes) out += visibleText(c);
  return out;
}

interface Context {
  role?: BlockRole;
  /** The div.vraag / div.antwoord / mededeling container a block sits in, for grouping */
  container: Element | null;
}

/** The role an element gives to everything inside it, if it is one of the site's semantic containers. */
function ownRole(el: Element): BlockRole | undefined {
  for (const [role, selector] of ROLE_SELECTORS) if (el.matches(selector)) return role;
  return undefined;
}

/** What the site's markup says of the elements under a root (the root included where noted). */
interface SiteMarks {
  /** Semantic containers below the root and their role (the root's own role comes from contextAt) */
  roles: Map<Element, BlockRole>;
  /** Elements the markup marks as a label (h2, p.nummer, …), the root included */
  labels: Set<Element>;
  /** The site's footnote pop-ups, the root included */
  footnotes: Set<Element>;
}

/**
 * One querySelectorAll per selector instead of matching every element against every selector: a few native
 * searches in a browser, and in happy-dom far fewer calls than the 3–6 `matches` per element it replaces.
 */
function siteMarks(root: Element): SiteMarks {
  const roles = new Map<Element, BlockRole>();
  for (const [role, selector] of ROLE_SELECTORS) {
    // In order of precedence: an element matching two selectors keeps the first role, as ownRole gives it.
    for (const el of root.querySelectorAll(selector)) if (!roles.has(el)) roles.set(el, role);
  }
  const matching = (selector: string): Set<Element> => {
    const found = new Set(root.querySelectorAll(selector));
    if (root.matches(selector)) found.add(root);
    return found;
  };
  return { roles, labels: matching(BODY.label), footnotes: matching(BODY.footnote) };
}

/** The context at `root`: roles given by its ancestors (when the root sits inside a semantic container). */
function contextAt(root: Element): Context {
  for (let e: Element | null = root; e; e = e.parentElement) {
    const role = ownRole(e);
    if (role) return { role, container: e };
  }
  return { container: null };
}

/** Every block under `root`, in document order. */
export function htmlToBlocks(root: Element): Block<HtmlSource>[] {
  const blocks: Block<HtmlSource>[] = [];
  htmlBlockReader(root, (block) => blocks.push(block))(Number.POSITIVE_INFINITY);
  return blocks;
}

/** An element whose children are being read, with the loose text (and inline elements) met since the last block. */
interface Frame {
  ctx: Context;
  children: Iterator<ChildNode>;
  /** Text nodes and inline elements, in order */
  loose: Node[];
}

/** Whether an element is, or holds, content without text (an image, a frame, a video, a drawing). */
function holdsMedia(el: Element): boolean {
  return MEDIA_TAGS.has(el.localName) || el.querySelector(MEDIA_SELECTOR) !== null;
}

/** Whether a node has visible text of the document (a drawing's or a script's text is not). */
function hasText(n: Node): boolean {
  if (n.nodeType === TEXT) return VISIBLE.test((n as Text).data);
  if (n.nodeType !== ELEMENT || SKIP_TAGS.has((n as Element).localName)) return false;
  for (const c of n.childNodes) if (hasText(c)) return true;
  return false;
}

/**
 * Content without text beside it (an image or an iframe alone in its paragraph, a loose drawing): it makes no block
 * of its own and travels with a neighbouring block's source (see htmlBlockReader).
 */
export function isTextlessContent(n: Node): boolean {
  return n.nodeType === ELEMENT && holdsMedia(n as Element) && !hasText(n);
}

/** A block's source as a list of nodes, in document order. */
export const sourceNodes = (source: HtmlSource | undefined): Node[] =>
  source === undefined ? [] : Array.isArray(source) ? source : [source];

/**
 * Reads the blocks under `root` in document order, handing each to `onBlock`, in steps: a step returns false when it
 * stopped at the deadline (a `performance.now()` time) with blocks still to read, true when all are read. The walk is
 * an explicit stack of the elements being read, so a step can stop between any two elements at any depth.
 */
function htmlBlockReader(
  root: Element,
  onBlock: (block: Block<HtmlSource>) => void,
): (deadline: number) => boolean {
  const { roles, labels, footnotes } = siteMarks(root);
  const groups = new Map<Element, number>();
  // Elements known to hold a block-level element (through inline wrappers), so that no subtree is searched for one
  // again: a run of nested inline wrappers around blocks stays linear.
  const holdsBlocks = new Set<Element>();

  /**
   * The visible text of an element that holds no block-level element, directly or through inline wrappers (a leaf:
   * one block), else null. One pass both decides and collects: most elements reached are leaves (p, h2).
   */
  const leafText = (el: Element): string | null => {
    if (holdsBlocks.has(el)) return null;
    // Most leaves (p, h2) hold a single text node: take its text without setting up a walk.
    const only = el.firstChild;
    if (only !== null && only === el.lastChild && only.nodeType === TEXT) return (only as Text).data;
    let out = '';
    for (const c of el.childNodes) {
      const type = c.nodeType;
      if (type === TEXT) out += (c as Text).data;
      else if (type === ELEMENT) {
        const tag = (c as Element).localName;
        if (SKIP_TAGS.has(tag)) continue;
        const inner = BLOCK_TAGS.has(tag) ? null : leafText(c as Element);
        if (inner === null) {
          holdsBlocks.add(el);
          return null;
        }
        out += inner;
      }
    }
    return out;
  };
  const groupOf = (ctx: Context): number | undefined => {
    const { role, container } = ctx;
    if (!container || !(role === 'vraag' || role === 'antwoord' || role === 'mededeling')) return undefined;
    let g = groups.get(container);
    if (g === undefined) {
      g = groups.size + 1;
      groups.set(container, g);
    }
    return g;
  };

  // Content without text (an image or an iframe alone in its paragraph) makes no block of its own: the classifier
  // reads text. It goes with the block before it (what it illustrates), or the next one when there is none before or
  // the one before is a heading; so it moves into the view with its pair, in document order.
  let last: Block<HtmlSource> | null = null;
  let lastContainer: Element | null = null;
  let waiting: Node[] = [];
  const emit = (block: Block<HtmlSource>, container: Element | null = null) => {
    if (waiting.length) {
      block.source = [...waiting, ...sourceNodes(block.source)];
      waiting = [];
    }
    last = block;
    lastContainer = container;
    onBlock(block);
  };
  // (A label block that gets one keeps it apart: utils/reading-view/sort-nodes.ts puts it in the pair's text.)
  const textless = (node: Node, ctx: Context) => {
    // Not across containers (an image first in div.antwoord belongs to the answer, not the question before it).
    if (last && !last.heading && lastContainer === ctx.container)
      last.source = [...sourceNodes(last.source), node];
    else waiting.push(node);
  };
  const leaf = (el: Element, ctx: Context, text: string) => {
    if (!VISIBLE.test(text)) {
      if (holdsMedia(el)) textless(el, ctx);
      return;
    }
    const { role } = ctx;
    const heading = role !== undefined && role !== 'omschrijving' && labels.has(el);
    emit({ text, role, heading, group: groupOf(ctx), source: el }, ctx.container);
  };

  const plainNotes = unmarkedFootnotes(root);
  const footnote = (el: Element) => {
    const close = el.querySelector(BODY.footnoteClose);
    const marker = el.querySelector(BODY.footnoteMarker) ?? plainNotes.get(el) ?? null;
    if (close?.textContent?.trim()) emit({ text: close.textContent, role: 'furniture', source: close });
    let text = '';
    const walk = (n: Node) => {
      if (n === close || n === marker) return;
      if (n.nodeType === TEXT) text += ` ${(n as Text).data}`;
      else if (n.nodeType === ELEMENT && !SKIP_TAGS.has((n as Element).localName)) {
        for (const c of n.childNodes) walk(c);
      }
    };
    walk(el);
    emit({ text, role: 'noot', marker: marker?.textContent?.trim() ?? '', source: el });
  };

  const stack: Frame[] = [];
  /** A block-level element: a footnote, a leaf (one block), or a container whose children are read next. */
  const enter = (el: Element, parent: Context) => {
    const role = roles.get(el);
    const ctx: Context = role ? { role, container: el } : parent;
    if (footnotes.has(el) || plainNotes.has(el)) return footnote(el);
    const text = leafText(el);
    if (text !== null) return leaf(el, ctx, text);
    stack.push({ ctx, children: el.childNodes[Symbol.iterator](), loose: [] });
  };
  const flush = (frame: Frame) => {
    const loose = frame.loose;
    if (loose.length === 0) return;
    frame.loose = [];
    // Mostly the whitespace between two blocks: one text node, taken as it is.
    let text = '';
    for (const n of loose) {
      if (n.nodeType === TEXT) text += (n as Text).data;
      else if (!SKIP_TAGS.has((n as Element).localName)) text += leafText(n as Element) ?? '';
    }
    if (VISIBLE.test(text)) return emit({ text, role: frame.ctx.role, source: loose }, frame.ctx.container);
    for (const n of loose) if (n.nodeType === ELEMENT && holdsMedia(n as Element)) textless(n, frame.ctx);
  };
  enter(root, contextAt(root));
  return (deadline) => {
    const timed = deadline !== Number.POSITIVE_INFINITY;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const next = frame.children.next();
      if (next.done) {
        flush(frame);
        stack.pop();
        if (stack.length === 0 && waiting.length && last)
          last.source = [...sourceNodes(last.source), ...waiting];
        continue;
      }
      const c = next.value;
      const type = c.nodeType;
      if (type === TEXT) frame.loose.push(c as Text);
      else if (type === ELEMENT) {
        const child = c as Element;
        const tag = child.localName;
        if (SKIP_TAGS.has(tag)) {
          // a drawing among blocks is content (its text is not the document's)
          if (MEDIA_TAGS.has(tag)) frame.loose.push(child);
          continue;
        }
        if (BLOCK_TAGS.has(tag) || leafText(child) === null) {
          flush(frame);
          enter(child, frame.ctx);
          if (timed && performance.now() >= deadline) return stack.length === 0;
        } else {
          // inline element among blocks: it runs, whole, with the loose text around it
          frame.loose.push(child);
        }
      }
    }
    return true;
  };
}

/**
 * Footnotes without the site's classes: blocks that a superscript link in the text points into
 * (<sup><a href="#n1">1</a></sup> … <div><sup id="n1">1</sup> text</div>). Maps the block to its marker element.
 */
function unmarkedFootnotes(root: Element): Map<Element, Element> {
  const notes = new Map<Element, Element>();
  for (const link of Array.from(root.querySelectorAll(BODY.noteLink))) {
    const id = link.getAttribute('href')?.slice(1);
    const target = id ? root.ownerDocument.getElementById(id) : null;
    if (!target || !root.contains(target) || target.closest(BODY.footnote)) continue;
    let block: Element | null = target;
    while (block && block !== root && !BLOCK_TAGS.has(block.localName)) block = block.parentElement;
    if (block && block !== root && !block.contains(link)) notes.set(block, target);
  }
  return notes;
}

/**
 * "2017–2018" or "2017 / 2018" → "2017-2018". Not with a regex: a pattern with a non-ASCII class took about 0.2 ms to
 * compile in a cold page (measured in Chromium), for its one use per page.
 */
function dashedYears(v: string): string {
  for (const sep of ['–', '/']) {
    const i = v.indexOf(sep);
    if (i >= 0) return `${v.slice(0, i).trimEnd()}-${v.slice(i + 1).trimStart()}`;
  }
  return v;
}

export function htmlMeta(doc: Document): SourceMeta {
  const nummer = metaContent(doc, META.aanhangselnummer);
  const vergaderjaar = metaContent(doc, META.vergaderjaar);
  return {
    id: metaContent(doc, META.identifier),
    vergaderjaar: vergaderjaar === null ? null : dashedYears(vergaderjaar),
    aanhangselnummer: nummer && /^\d+$/u.test(nummer) ? Number(nummer) : null,
    chamberName: metaContent(doc, META.creator),
    dateSubmitted: metaContent(doc, META.dateSubmitted),
    dateReceived: metaContent(doc, META.dateReceived),
    askers: metaContents(doc, META.askers),
    addressees: metaContents(doc, META.addressees),
    questionNumber: metaContent(doc, META.questionNumber),
  };
}

export interface HtmlParseOptions {
  /**
   * Search all the text for references to other documents (`document.references`); default true. The reading view
   * says false: it finds them in the page's text nodes itself, as it turns them into links (reading-view/links.ts),
   * and `document.references` stays empty.
   */
  references?: boolean;
}

/** Parse a page: find the body (unless the caller has: `root`), cut it into blocks, classify. The page is only read. */
export function parseHtmlDocument(
  doc: Document,
  url?: string,
  root: Element | null = findBodyRoot(doc),
  options: HtmlParseOptions = {},
): HtmlParse {
  return readHtmlDocument(doc, url, root, options).step(Number.POSITIVE_INFINITY) as HtmlParse;
}

/** A page being parsed in steps (a long page in several tasks). */
export interface HtmlReading {
  /** The element holding the document body, null when none was found */
  root: Element | null;
  /** Reads on until the deadline (a `performance.now()` time): the parse once all is read, else null. */
  step(deadline: number): HtmlParse | null;
}

/**
 * Parses a page as parseHtmlDocument does, in steps. The page must not change between the steps. `root` is the
 * body's element when the caller has found it already (findBodyRoot).
 */
export function readHtmlDocument(
  doc: Document,
  url?: string,
  root: Element | null = findBodyRoot(doc),
  options: HtmlParseOptions = {},
): HtmlReading {
  const meta = htmlMeta(doc);
  if (meta.id && !isKamervraagId(meta.id)) meta.id = null;
  if (!meta.id && url) meta.id = findKamervraagId(url.replace(/[?#].*$/su, ''));
  const blocks: Block<HtmlSource>[] = [];
  const classifying = classifier(meta);
  const read = root
    ? htmlBlockReader(root, (block) => {
        blocks.push(block);
        classifying.add(block);
      })
    : () => true;
  const finish = (): HtmlParse => {
    const classified = classifying.finish({ references: options.references ?? true });
    // A kv page names its answers and mededelingen in meta tags.
    const related = classified.document.related;
    for (const id of metaContents(doc, META.aanhangsel)) {
      const parts = idParts(id);
      if (isKamervraagId(id) && !related.some((r) => r.id === id)) {
        related.push({ id, url: documentUrl(id), number: parts.aanhangselnummer ?? 0 });
      }
    }
    return { ...classified, blocks, root };
  };
  // In timed steps, finishing (pairing up, the header) gets a step of its own: on a long page it takes tens of ms.
  let state: 'read' | 'finish' | HtmlParse = 'read';
  return {
    root,
    step(deadline) {
      if (typeof state === 'object') return state;
      if (state === 'read') {
        if (!read(deadline)) return null;
        state = 'finish';
        if (deadline !== Number.POSITIVE_INFINITY) return null;
      }
      state = finish();
      return state;
    },
  };
}
