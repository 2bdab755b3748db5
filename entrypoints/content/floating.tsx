// Small controls outside the document body (a notice, the way back to the reading view), in an open shadow root.

import { type ComponentChildren, render } from 'preact';

const HOST = 'kvl-floating';

/** Shows `content` in a fixed box attached to <html> (not <body>: the page's body stays exactly as it was). */
export function showFloating(content: ComponentChildren, css: string): () => void {
  document.querySelector(HOST)?.remove();
  const host = document.createElement(HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const box = document.createElement('div');
  box.className = 'box';
  shadow.append(style, box);
  render(content, box);
  document.documentElement.appendChild(host);
  return () => {
    render(null, box);
    host.remove();
  };
}

export const FLOATING_CSS = `
.box { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; max-width: 28rem; font: 14px/1.4 system-ui, sans-serif;
  background: #fff; color: #1b1b1b; border: 1px solid #8a8a8a; border-radius: 8px; padding: 10px 12px; box-shadow: 0 2px 10px #0003; }
button { font: inherit; margin: 6px 6px 0 0; padding: 4px 10px; border-radius: 6px; border: 1px solid #154273; background: #154273; color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: #154273; }
button:focus-visible { outline: 3px solid #e17000; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { .box { background: #1e1e1e; color: #eee; border-color: #666; } button.secondary { color: #9cc3ff; border-color: #9cc3ff; } }
@media print { .box { display: none; } }
`;
