// outermost: which of the page's nodes the reading view moves (a node inside another one moves with it).

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { outermost } from '../../utils/reading-view/moves';

const window = new Window();
const doc = new window.DOMParser().parseFromString(
  `<html><body><main><div id="root"><p id="a">a</p><div id="note"><button id="close">x</button><p id="n">n</p></div><p id="b">b</p></div></main></body></html>`,
  'text/html',
) as unknown as Document;
const el = (id: string) => doc.getElementById(id) as Element;
const ids = (nodes: Node[]) => nodes.map((n) => (n as Element).id);

describe('outermost', () => {
  // The classifier lists a footnote's close button before the footnote itself.
  const nodes = [el('a'), el('close'), el('note'), el('n'), el('b')];

  it('drops every node that has an ancestor in the list, whatever the order', () => {
    expect(ids(outermost(nodes))).toEqual(['a', 'note', 'b']);
  });

  it('gives the same with the search bounded by the body root, and by any ancestor of all', () => {
    for (const within of [el('root'), doc.querySelector('main'), doc.body]) {
      expect(ids(outermost(nodes, within))).toEqual(['a', 'note', 'b']);
    }
  });

  it('drops the nodes inside the bound when the bound itself is listed', () => {
    expect(ids(outermost([el('root'), el('a'), el('close')], el('root')))).toEqual(['root']);
  });
});
