// outermost: which of the page's nodes the reading view moves (a node inside another one moves with it).

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { move, nodeMoves, outermost } from '../../utils/reading-view/moves';

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

describe('move: moveBefore where the browser has it, insertBefore elsewhere', () => {
  const setup = () => {
    document.body.innerHTML =
      '<div id="from"><span id="f"></span><p id="x">x</p></div><div id="to"><p id="y">y</p></div>';
    const get = (id: string) => document.getElementById(id) as HTMLElement;
    return { f: get('f'), to: get('to'), y: get('y'), x: get('x') };
  };
  type Moving = { moveBefore?: (node: Node, child: Node | null) => void };

  it('inserts where the browser has no moveBefore (happy-dom, Chrome before 133, Firefox before 144)', () => {
    const { f, to, y } = setup();
    expect((to as unknown as Moving).moveBefore).toBeUndefined();
    move(to, f, y);
    expect(Array.from(to.children).map((c) => c.id)).toEqual(['f', 'y']);
  });

  it('uses moveBefore (state kept) where there is one, for nodes in the document', () => {
    const { f, to, y } = setup();
    const calls: Node[] = [];
    (to as unknown as Moving).moveBefore = function (this: Node, node: Node, child: Node | null) {
      calls.push(node);
      this.insertBefore(node, child);
    };
    move(to, f, y);
    expect(calls).toEqual([f]);
    expect(Array.from(to.children).map((c) => c.id)).toEqual(['f', 'y']);
  });

  it('inserts when moveBefore refuses (across documents, or a side not in the document)', () => {
    const { f, to } = setup();
    (to as unknown as Moving).moveBefore = () => {
      throw new DOMException('different roots', 'HierarchyRequestError');
    };
    move(to, f, null);
    expect(to.lastElementChild).toBe(f);
    const detached = document.createElement('div');
    (detached as unknown as Moving).moveBefore = () => {
      throw new Error('must not be called for a node outside the document');
    };
    move(detached, f, null);
    expect(detached.firstChild).toBe(f);
  });
});

describe('nodeMoves', () => {
  it('puts back only what is still where the view put it: a node the site removed stays removed', () => {
    document.body.innerHTML =
      '<div id="root"><p id="a">a</p><p id="b">b</p><p id="c">c</p></div><div id="view"></div>';
    const root = document.getElementById('root') as HTMLElement;
    const view = document.getElementById('view') as HTMLElement;
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id) as HTMLElement);
    const moves = nodeMoves();
    for (const n of [a, b, c]) moves.record(n);
    view.append(a, b, c);
    b.remove(); // the site's script
    moves.restore((n) => view.contains(n));
    expect(root.innerHTML).toBe('<p id="a">a</p><p id="c">c</p>');
    expect(view.childNodes).toHaveLength(0);
  });
});
