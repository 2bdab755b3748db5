// Turns references in the page's text (Aanhangsel numbers, Kamerstukken, kamervraagnummers) into real links; undoable.

import type { Chamber } from '../kamervraag/model';
import { findReferences } from '../kamervraag/references';
import { findKamerstukId, findKamervraagId } from '../site/ids';
import { NOT_LINKED_TAGS } from '../site/selectors';

/** Links every reference inside `roots`; returns a function that puts the original text nodes back. */
export function linkReferences(roots: Node[], chamber: Chamber): () => void {
  const undo: (() => void)[] = [];
  const texts: Text[] = [];
  // One recursive walk over the roots (no tree walker, node list or filter per root: a long page has thousands of
  // roots). A text node that is a root itself is left alone: the view moves that very node, so it cannot be replaced.
  const walk = (el: Element) => {
    // Existing links to other documents (the site's own extrefs) get the test hook too.
    const href = el.tagName === 'A' ? el.getAttribute('href') : null;
    const id = href && (findKamervraagId(href) ?? findKamerstukId(href));
    if (id && !el.hasAttribute('data-kvl-ref')) {
      el.setAttribute('data-kvl-ref', id);
      undo.push(() => el.removeAttribute('data-kvl-ref'));
    }
    if (NOT_LINKED_TAGS.has(el.localName)) return;
    for (const c of el.childNodes) {
      if (c.nodeType === 3) texts.push(c as Text);
      else if (c.nodeType === 1) walk(c as Element);
    }
  };
  for (const root of roots) if (root.nodeType === 1) walk(root as Element);
  for (const text of texts) {
    const refs = findReferences(text.data, chamber);
    if (refs.length === 0 || !text.parentNode) continue;
    const doc = text.ownerDocument;
    const parts: Node[] = [];
    let at = 0;
    for (const ref of refs) {
      if (ref.index < at) continue; // overlapping matches: the first wins
      if (ref.index > at) parts.push(doc.createTextNode(text.data.slice(at, ref.index)));
      const a = doc.createElement('a');
      a.href = ref.url;
      a.textContent = ref.text;
      a.setAttribute('data-kvl-ref', ref.id);
      a.className = 'kvl-ref';
      parts.push(a);
      at = ref.index + ref.text.length;
    }
    if (at < text.data.length) parts.push(doc.createTextNode(text.data.slice(at)));
    const parent = text.parentNode;
    for (const p of parts) parent.insertBefore(p, text);
    parent.removeChild(text);
    undo.push(() => {
      parts[0].parentNode?.insertBefore(text, parts[0]);
      for (const p of parts) p.parentNode?.removeChild(p);
    });
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  };
}
