// Turns references in the page's text (Aanhangsel numbers, Kamerstukken, kamervraagnummers) into real links; undoable.

import type { Chamber } from '../kamervraag/model';
import { findReferences } from '../kamervraag/references';
import { findKamervraagId } from '../site/ids';

const SKIP = new Set(['A', 'SCRIPT', 'STYLE', 'BUTTON', 'TEXTAREA', 'INPUT']);

/** Links every reference inside `roots`; returns a function that puts the original text nodes back. */
export function linkReferences(roots: Node[], chamber: Chamber): () => void {
  const undo: (() => void)[] = [];
  for (const root of roots) {
    const doc = root.ownerDocument ?? document;
    // Existing links to other documents (the site's own extrefs) get the test hook too.
    const anchors = root.nodeType === 1 ? Array.from((root as Element).querySelectorAll('a[href]')) : [];
    if (root.nodeType === 1 && (root as Element).matches('a[href]')) anchors.push(root as Element);
    for (const a of anchors) {
      const id =
        findKamervraagId(a.getAttribute('href') ?? '') ??
        /\b(kst-[\w-]+?)(?:\.html)?$/u.exec(a.getAttribute('href') ?? '')?.[1];
      if (id && !a.hasAttribute('data-kvl-ref')) {
        a.setAttribute('data-kvl-ref', id);
        undo.push(() => a.removeAttribute('data-kvl-ref'));
      }
    }
    const texts: Text[] = [];
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => {
        for (let p = n.parentElement; p && p !== root.parentElement; p = p.parentElement) {
          if (SKIP.has(p.tagName)) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    for (const text of texts) {
      const refs = findReferences(text.data, chamber);
      if (refs.length === 0 || !text.parentNode) continue;
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
  }
  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
  };
}
