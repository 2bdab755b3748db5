// Is this page a Kamervragen document, and which? Cheap checks first: URL, then meta tags, then the text.

import { findKamervraagId, isKamervraagId } from './ids';
import { KAMERVRAGEN_PUBLICATION, META } from './selectors';

export interface Detected {
  id: string | null;
}

export function metaContent(doc: Document, names: readonly string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

export function metaContents(doc: Document, names: readonly string[]): string[] {
  return names.flatMap((name) =>
    Array.from(doc.querySelectorAll(`meta[name="${name}"]`)).flatMap((el) => {
      const c = el.getAttribute('content')?.trim();
      return c ? [c] : [];
    }),
  );
}

const ASKED_BY = String.raw`Vragen\s+van\s+(?:het\s+lid|de\s+leden)`;
const ASKED_TEXT = new RegExp(String.raw`${ASKED_BY}\s[\s\S]{1,2000}?\(ingezonden\s`, 'u');
/** Every Kamervragen document says who asked, or numbers its questions. */
const KAMERVRAGEN_WORDS = new RegExp(String.raw`${ASKED_BY}|\bVraag\s+\d`, 'u');

/** null when the page is not a Kamervragen document. */
export function detectKamervraagPage(url: string, doc: Document): Detected | null {
  const metaId = metaContent(doc, META.identifier);
  if (metaId) {
    if (isKamervraagId(metaId)) return { id: metaId };
    // The page names itself as something else (kst-…, gmb-…): not ours, whatever the text says.
    if (!KAMERVRAGEN_PUBLICATION.test(metaContent(doc, META.publicationName) ?? '')) return null;
  }
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    path = '';
  }
  const urlId = findKamervraagId(path);
  // An address alone is not enough: the site answers unknown or withdrawn numbers with an error page at the same
  // address, which is not a document (and must not get a "no questions found" notice).
  if (urlId) return KAMERVRAGEN_WORDS.test(doc.body?.textContent ?? '') ? { id: urlId } : null;
  if (KAMERVRAGEN_PUBLICATION.test(metaContent(doc, META.publicationName) ?? '')) return { id: null };
  if (metaId) return null;
  const text = doc.body?.textContent ?? '';
  if (ASKED_TEXT.test(text) && /(?:^|\n)\s*Vraag\s+\d/u.test(text)) return { id: null };
  return null;
}
