// A place in the view that the page's own nodes are moved into (never re-created): links and markup survive.

import { useLayoutEffect, useRef } from 'preact/hooks';

export function Slot({ nodes, className }: { nodes: Node[]; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // List items keep a list around them (a new <ul>/<ol> like their own); the items themselves are moved.
    let list: Element | null = null;
    let from: Element | null = null;
    for (const n of nodes) {
      const parent = n.parentElement;
      if (n.nodeName === 'LI' && parent && (parent.tagName === 'UL' || parent.tagName === 'OL')) {
        if (!list || from !== parent) {
          list = document.createElement(parent.tagName.toLowerCase());
          from = parent;
          el.appendChild(list);
        }
        list.appendChild(n);
      } else {
        list = null;
        el.appendChild(n);
      }
    }
  }, [nodes]);
  return <div class={className} ref={ref} />;
}
