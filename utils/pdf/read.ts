// A PDF's text with pdfjs-dist, laid out as lines (./layout.ts). The caller passes the pdfjs build it loads: the
// legacy build in Node (the parse CLI, the benchmark), the worker-backed build in the extension's PDF page.

import { layoutPages, type PdfRun } from './layout';

/** What is used of pdfjs-dist's module (`getDocument`), typed loosely so both of its builds fit. */
export interface Pdfjs {
  getDocument(params: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    stopAtErrors?: boolean;
    verbosity?: number;
  }): {
    promise: Promise<PdfDocumentLike>;
  };
}

interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>;
  destroy(): Promise<void>;
}

const isRun = (item: unknown): item is PdfRun =>
  typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;

/** The runs of text of every page, in page order. */
export async function pdfRuns(pdfjs: Pdfjs, data: Uint8Array): Promise<PdfRun[][]> {
  // No eval: the extension's pages forbid it, and the text needs none of what it speeds up (Type 3 font glyphs).
  // Errors only (verbosity 0): pdfjs prints its warnings with console.log, which is the parse CLI's JSON output, and a
  // PDF that does not embed its fonts warns that it cannot draw them (the text needs only their widths, built in).
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PdfRun[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.filter(isRun));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The PDF's text as lines, pages separated by form feeds: what `parseText` reads. */
export async function pdfText(pdfjs: Pdfjs, data: Uint8Array): Promise<string> {
  return layoutPages(await pdfRuns(pdfjs, data));
}
