// A footnote's way back to where the text cites it: the note's marker id (span.nootnum#ID-…) and the link in the
// view's text that points to it (a[href="#ID-…"]). Read only: nothing of the site's nodes is changed.

import { BODY } from '../site/selectors';

/** The id a note's citing links point to, or null (a note without the site's marker) */
export function noteTarget(note: Node): string | null {
  return note instanceof Element ? (note.querySelector(BODY.footnoteMarker)?.id ?? null) || null : null;
}

/** The first place in the view whose text cites note `target`, or null */
export function citingLink(view: Element | null, target: string): HTMLElement | null {
  return view?.querySelector<HTMLElement>(`a[href="#${CSS.escape(target)}"]`) ?? null;
}
