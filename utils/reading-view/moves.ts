// Moves the page's own nodes into the reading view and puts every one back exactly where it was.

export interface NodeMoves {
  /** Remember where a node stands now; call for every node before moving any of them. */
  record(node: Node): void;
  /**
   * Put every recorded node back, last first, so each lands before its original next sibling. Only those for which
   * `ours` is true (still where the view put them): a node the site's scripts removed or moved meanwhile is theirs.
   */
  restore(ours?: (node: Node) => boolean): void;
}

export function nodeMoves(): NodeMoves {
  const records: { node: Node; parent: Node; next: Node | null }[] = [];
  return {
    record(node) {
      if (node.parentNode) records.push({ node, parent: node.parentNode, next: node.nextSibling });
    },
    restore(ours = () => true) {
      for (let i = records.length - 1; i >= 0; i--) {
        const { node, parent, next } = records[i];
        if (!ours(node)) continue;
        let before = next && next.parentNode === parent ? next : null;
        // Its next sibling is gone (the site removed it): before the next recorded node that is back in place.
        for (let j = i + 1; next && !before && j < records.length; j++) {
          if (records[j].node.parentNode === parent) before = records[j].node;
        }
        move(parent, node, before);
      }
      records.length = 0;
    },
  };
}

type MovingParent = Node & { moveBefore?(node: Node, child: Node | null): void };

/**
 * Moves `node` into `parent` before `before`, keeping its state where the browser can (`moveBefore`, Chrome 133,
 * Firefox 144): an iframe is not reloaded, a video keeps playing, a custom element is not disconnected. Elsewhere,
 * or where it cannot (either side not in the document), an ordinary insert: the same place, with a reload.
 */
export function move(parent: Node, node: Node, before: Node | null): void {
  const p = parent as MovingParent;
  if (typeof p.moveBefore === 'function' && parent.isConnected && node.isConnected) {
    try {
      p.moveBefore(node, before);
      return;
    } catch {
      // HierarchyRequestError (e.g. across documents): insert instead
    }
  }
  parent.insertBefore(node, before);
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
