// fill: the page's own nodes are moved (not copied) into an element of the view, once.

import { describe, expect, it } from 'vitest';
import { fill } from '../../components/page/fill';

// (vitest's happy-dom environment: fill creates its list wrappers with the global document)
function page() {
  const doc = document;
  doc.body.innerHTML =
    '<div id="src"><p id="p">tekst</p><ol id="ol"><li id="a">a</li><li id="b">b</li></ol><ul id="ul"><li id="c">c</li></ul></div>';
  const el = (id: string) => doc.getElementById(id) as HTMLElement;
  return { doc, el };
}

describe('fill', () => {
  it('moves the very nodes, and keeps list items in a list of their own kind', () => {
    const { doc, el } = page();
    const nodes = [el('p'), el('a'), el('b'), el('c')];
    const target = doc.createElement('div');
    fill(nodes)(target);
    expect(Array.from(target.children).map((c) => c.tagName)).toEqual(['P', 'OL', 'UL']);
    expect(target.querySelector('ol')?.children[0]).toBe(nodes[1]);
    expect(Array.from(target.querySelectorAll('li')).map((li) => li.id)).toEqual(['a', 'b', 'c']);
    expect(el('ol').children).toHaveLength(0); // moved, not copied
  });

  it('leaves a filled element as it is on a later render, and ignores the null of an unmount', () => {
    const { doc, el } = page();
    const target = doc.createElement('div');
    fill([el('p')])(target);
    const html = target.innerHTML;
    fill([el('p')])(target);
    fill([el('a')])(target);
    fill([el('a')])(null);
    expect(target.innerHTML).toBe(html);
    expect(el('a').parentElement?.id).toBe('ol');
  });

  it('leaves out a node the site removed from the document since the page was read', () => {
    const { doc, el } = page();
    const gone = el('p');
    gone.remove();
    const target = doc.createElement('div');
    fill([gone, el('a')])(target);
    expect(gone.parentNode).toBeNull();
    expect(Array.from(target.querySelectorAll('li')).map((li) => li.id)).toEqual(['a']);
    expect(target.children).toHaveLength(1);
  });
});
