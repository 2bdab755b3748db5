// The places in the view that the page's own nodes are moved into (never re-created): links and markup survive.

import { move } from '../../utils/reading-view/moves';

/**
 * A ref for an element of the view that the page's `nodes` are moved into, once, when it is created: a plain element
 * rather than a component of its own (a long page has thousands of these, and a component with an effect costs
 * several objects each to allocate). A later render finds it filled and leaves it as it is.
 */
export function fill(nodes: Node[]): (el: HTMLElement | null) => void {
  return (el) => {
    if (!el || el.firstChild) return;
    // List items keep a list around them (a new <ul>/<ol> like their own); the items themselves are moved.
    let list: Element | null = null;
    let from: Element | null = null;
    for (const n of nodes) {
      // A node the site's scripts removed since the page was read stays removed (the view shown again later).
      if (!n.isConnected) continue;
      const parent = n.parentElement;
      if (n.nodeName === 'LI' && parent && (parent.tagName === 'UL' || parent.tagName === 'OL')) {
        if (!list || from !== parent) {
          list = document.createElement(parent.tagName.toLowerCase());
          from = parent;
          el.appendChild(list);
        }
        move(list, n, null);
      } else {
        list = null;
        move(el, n, null);
      }
    }
  };
}
