// pdfjs in the extension's PDF page: a chunk of its own, its worker a file of the extension (no remote code). The
// legacy build: the modern one calls Map#getOrInsertComputed and more without a fallback, which Chrome has from 145
// and Firefox from 144 only (the declared minimums are 111 and 140).

import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { type Pdfjs, pdfText } from './read';

/**
 * Starts pdfjs now, its module and its worker (loading and compiling the worker's 1.3 MB is most of a first PDF's
 * time), while the PDF is being fetched; the function returned reads a PDF's text as lines with them, off the page's
 * main thread.
 */
export function startPdfjs(): (bytes: Uint8Array) => Promise<string> {
  const worker = new Worker(workerUrl, { type: 'module' });
  const pdfjs = import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => {
    module.GlobalWorkerOptions.workerPort = worker;
    return module as unknown as Pdfjs;
  });
  return async (bytes) => pdfText(await pdfjs, bytes);
}
