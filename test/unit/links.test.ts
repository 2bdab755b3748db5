// linkReferences: references in the page's text become links, existing links to documents get the test hook, and
// undo puts the page back exactly as it was.

import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { linkReferences } from '../../utils/reading-view/links';

const BODY =
  '<div id="root">' +
  '<p id="a">Zie ook Aanhangsel Handelingen II, vergaderjaar 2019–2020, nr. 3975 en <i>Kamerstuk 36 410, nr. 72</i>.</p>' +
  '<p id="b"><a href="https://zoek.officielebekendmakingen.nl/kst-36410-72.html">Kamerstuk 36 410, nr. 72</a> ' +
  '<button>2024Z01234</button> (2024Z05678)</p>' +
  '</div>';

function page() {
  const window = new Window({ url: 'https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1.html' });
  const doc = new window.DOMParser().parseFromString(
    `<html><body>${BODY}<p id="loose-parent">Aanhangsel Handelingen II, vergaderjaar 2019–2020, nr. 1</p></body></html>`,
    'text/html',
  ) as unknown as Document;
  return { doc, el: (id: string) => doc.getElementById(id) as Element };
}

const refs = (root: Element) =>
  Array.from(root.querySelectorAll('[data-kvl-ref]')).map((a) => [
    a.getAttribute('data-kvl-ref'),
    a.textContent,
  ]);

describe('linkReferences', () => {
  it('links every reference in the roots, marks existing links, and leaves buttons and links alone', () => {
    const { doc, el } = page();
    linkReferences([el('a'), el('b')], 'tk');
    expect(refs(doc.body)).toEqual([
      ['ah-tk-20192020-3975', 'Aanhangsel Handelingen II, vergaderjaar 2019–2020, nr. 3975'],
      ['kst-36410-72', 'Kamerstuk 36 410, nr. 72'],
      ['kst-36410-72', 'Kamerstuk 36 410, nr. 72'],
      ['kv-tk-2024Z05678', '2024Z05678'],
    ]);
    const made = el('a').querySelector('a.kvl-ref') as HTMLAnchorElement;
    expect(made.getAttribute('href')).toBe(
      'https://zoek.officielebekendmakingen.nl/ah-tk-20192020-3975.html',
    );
    expect(el('a').textContent).toBe(
      'Zie ook Aanhangsel Handelingen II, vergaderjaar 2019–2020, nr. 3975 en Kamerstuk 36 410, nr. 72.',
    );
    // outside the roots nothing changed
    expect(el('loose-parent').querySelector('a')).toBeNull();
  });

  it('leaves a text node that is a root itself as it is (the view moves that very node)', () => {
    const { el } = page();
    const text = el('loose-parent').firstChild as Text;
    linkReferences([text], 'tk');
    expect(el('loose-parent').firstChild).toBe(text);
    expect(el('loose-parent').querySelector('a')).toBeNull();
  });

  it('puts back the very same nodes on undo', () => {
    const { doc, el } = page();
    const before = doc.body.innerHTML;
    const texts = [el('a').firstChild, el('a').querySelector('i')?.firstChild];
    const undo = linkReferences([el('root')], 'tk');
    expect(refs(doc.body)).toHaveLength(4);
    undo();
    expect(doc.body.innerHTML).toBe(before);
    expect([el('a').firstChild, el('a').querySelector('i')?.firstChild]).toEqual(texts);
  });

  it('leaves the text of SVG drawings and MathML formulas alone', () => {
    const window = new Window({ url: 'https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1.html' });
    const doc = new window.DOMParser().parseFromString(
      '<html><body><div id="root"><p>Kamerstuk 36 410, nr. 72</p>' +
        '<svg viewBox="0 0 10 10"><text>Kamerstuk 36 410, nr. 73</text></svg>' +
        '<math><mi>Kamerstuk 36 410, nr. 74</mi></math></div></body></html>',
      'text/html',
    ) as unknown as Document;
    const root = doc.getElementById('root') as Element;
    const before = root.innerHTML;
    const undo = linkReferences([root], 'tk');
    expect(refs(root)).toEqual([['kst-36410-72', 'Kamerstuk 36 410, nr. 72']]);
    expect(root.querySelector('svg')?.innerHTML).toBe('<text>Kamerstuk 36 410, nr. 73</text>');
    expect(root.querySelector('math')?.textContent).toBe('Kamerstuk 36 410, nr. 74');
    undo();
    expect(root.innerHTML).toBe(before);
  });
});
