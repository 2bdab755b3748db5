// While the PDF page shows a document: once it is on the reading list (saved there, or before), the background gets
// its copy from the page (the background reads no PDFs; utils/saved/keeper.ts leaves PDF entries to this page), and
// an entry saved from a link (partial) gets the document's facts, as the content script does on a page of the site.

import type { KamervraagDocument } from '../kamervraag/model';
import { entryKey } from '../reading-list/entry';
import { subscribeEntry } from '../reading-list/live';
import { completeFromDocument } from '../reading-list/store';
import { copyOf } from '../saved/copy';
import { restoreCopies } from '../saved/requests';
import { warn } from '../warn';

/** Watches the document's entries (the whole document, each pair) while `doc` is shown; returns the stop. */
export function keepPdfDocument(doc: KamervraagDocument & { id: string }, url: string): () => void {
  /** The document's entries on the list now */
  const listed = new Set<string>();
  const keys = [entryKey(doc.id), ...doc.pairs.map((p) => entryKey(doc.id, p.numbers[0]))];
  const stops = keys.map((key) =>
    subscribeEntry(key, (entry) => {
      if (!entry) {
        listed.delete(key);
        return;
      }
      // Each time the document comes onto the list (the keeper stores a copy where it has none or an older one).
      if (listed.size === 0) restoreCopies([copyOf(doc.id, url, doc, Date.now())]).catch(warn);
      listed.add(key);
      if (entry.partial && key === doc.id) completeFromDocument(doc).catch(warn);
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
