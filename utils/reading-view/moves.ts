// Moves the page's own nodes into the reading view and puts every one back exactly where it was.

export interface NodeMoves {
  /** Remember where a node stands now; call for every node before moving any of them. */
  record(node: Node): void;
  /** Put every recorded node back, last first, so each lands before its original next sibling. */
  restore(): void;
}

export function nodeMoves(): NodeMoves {
  const records: { node: Node; parent: Node; next: Node | null }[] = [];
  return {
    record(node) {
      if (node.parentNode) records.push({ node, parent: node.parentNode, next: node.nextSibling });
    },
    restore() {
      for (let i = records.length - 1; i >= 0; i--) {
        const { node, parent, next } = records[i];
        parent.insertBefore(node, next && next.parentNode === parent ? next : null);
      }
      records.length = 0;
    },
  };
}

/** Hides an element (`hidden`); returns what puts its attribute back exactly as it was. */
export function hide(el: Element): () => void {
  const before = el.getAttribute('hidden');
  el.setAttribute('hidden', '');
  return () => {
    if (before === null) el.removeAttribute('hidden');
    else el.setAttribute('hidden', before);
  };
}

/**
 * Keeps only the outermost nodes: moving a footnote element moves its close button with it. With `within` (an
 * ancestor of every node: the document body's root) the search for an ancestor in the list stops there, a step or
 * two up instead of every level to the document.
 */
export function outermost(nodes: Node[], within?: Node | null): Node[] {
  const set = new Set(nodes);
  return nodes.filter((n) => {
    for (let p = n.parentNode; p; p = p.parentNode) {
      if (set.has(p)) return false;
      if (p === within) break;
    }
    return true;
  });
}
