// Adapter: publication XML (<kamervragen> with <vraag>/<antwoord>, <nr>, <al>, <noot>, <extref>) → blocks.

import type { Block, BlockRole, SourceMeta } from './blocks';

export interface XmlParse {
  blocks: Block<Element>[];
  meta: SourceMeta;
}

const ROLE_OF: Record<string, BlockRole> = {
  vraag: 'vraag',
  antwoord: 'antwoord',
  kamervraagopmerking: 'mededeling',
  kamervraagomschrijving: 'omschrijving',
  omschr: 'omschrijving',
  kamervraagkop: 'furniture',
  kamervraagnummer: 'furniture',
  vraagnummer: 'furniture',
};
const LABELS = new Set(['nr', 'nummer']);
const NOTE = 'noot';

/** Text of an element without its footnotes (they become blocks of their own). */
function textWithoutNotes(el: Element): string {
  let out = '';
  // Iterating childNodes directly: Array.from copies every list, and indexing goes through a Proxy in happy-dom.
  for (const node of el.childNodes) {
    const type = node.nodeType;
    if (type === 3 || type === 4) out += (node as CharacterData).data;
    else if (type === 1 && (node as Element).localName !== NOTE) out += textWithoutNotes(node as Element);
  }
  return out;
}

function noteBlocks(el: Element, out: Block<Element>[]) {
  for (const note of Array.from(el.getElementsByTagName(NOTE))) {
    const children = Array.from(note.children);
    const marker = children.find((c) => c.localName === 'noot.nr')?.textContent?.trim() ?? '';
    const text = children
      .filter((c) => c.localName !== 'noot.nr')
      .map((c) => c.textContent ?? '')
      .join('\n');
    out.push({ text, role: 'noot', marker, source: note });
  }
}

export function xmlToBlocks(doc: Document): XmlParse {
  const root = doc.documentElement;
  const meta: SourceMeta = {};
  const rootId = root.getAttribute('id');
  if (rootId) meta.id = rootId;
  const blocks: Block<Element>[] = [];
  const notes: Block<Element>[] = [];
  let group = 0;

  const walk = (el: Element, role: BlockRole | undefined, g: number | undefined) => {
    for (const child of el.children) {
      const name = child.localName;
      if (name === NOTE) continue; // collected with its parent's text
      const childRole = ROLE_OF[name];
      if (childRole === 'vraag' || childRole === 'antwoord' || childRole === 'mededeling') {
        walk(child, childRole, ++group);
        continue;
      }
      if (childRole) {
        blocks.push({ text: textWithoutNotes(child), role: childRole, source: child });
        noteBlocks(child, notes);
        continue;
      }
      if (LABELS.has(name)) {
        blocks.push({ text: textWithoutNotes(child), role, heading: true, group: g, source: child });
        continue;
      }
      const isContainer = child.firstElementChild !== null && everyChild(child, isBlockish);
      if (isContainer) {
        walk(child, role, g);
        continue;
      }
      blocks.push({ text: textWithoutNotes(child), role, group: g, source: child });
      noteBlocks(child, notes);
    }
  };
  walk(root, undefined, undefined);
  return { blocks: [...blocks, ...notes], meta };
}

function everyChild(el: Element, test: (child: Element) => boolean): boolean {
  for (const child of el.children) if (!test(child)) return false;
  return true;
}

/** Elements that hold paragraphs rather than running text. */
function isBlockish(el: Element): boolean {
  return (
    ['al', 'lijst', 'li', 'li.nr', 'tussenkop', 'vragen', 'reactie', 'body', 'kamervragen', 'tabel'].includes(
      el.localName,
    ) || ROLE_OF[el.localName] !== undefined
  );
}
