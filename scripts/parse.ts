// CLI: npm run --silent parse -- FILE... → the document model of each file as JSON (one object, or an array).

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Window } from 'happy-dom';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  isKamervraagDocument,
  type KamervraagDocument,
  parseHtmlDocument,
  parseText,
  parseXml,
} from '../utils/kamervraag';
import { type Pdfjs, pdfText } from '../utils/pdf/read';

type Outcome = KamervraagDocument | { file: string; error: string };

const window = new Window();

/** pdfjs's legacy build (the one for Node), loaded at the first PDF. */
let pdfjs: Promise<typeof PdfjsModule> | null = null;

/** A PDF's text laid out as lines, as the extension's PDF page reads it (utils/pdf/read.ts). */
async function textOfPdf(file: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(file));
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfText((await pdfjs) as unknown as Pdfjs, bytes);
}

async function parseFile(file: string): Promise<KamervraagDocument> {
  const ext = extname(file).toLowerCase();
  const raw = ext === '.pdf' ? '' : await readFile(file, 'utf8');
  let doc: KamervraagDocument;
  if (ext === '.pdf') {
    doc = parseText(await textOfPdf(file)).document;
  } else if (ext === '.html' || ext === '.htm') {
    const dom = new window.DOMParser().parseFromString(raw, 'text/html') as unknown as Document;
    doc = parseHtmlDocument(dom, `file://${file}`).document;
  } else if (ext === '.xml') {
    const dom = new window.DOMParser().parseFromString(raw, 'application/xml') as unknown as Document;
    if (dom.getElementsByTagName('parsererror').length) throw new Error('not well-formed XML');
    doc = parseXml(dom).document;
  } else if (ext === '.txt' || ext === '.text' || ext === '.md' || ext === '.markdown') {
    // Markdown (a PDF-to-Markdown conversion) is read by the text adapter, which takes its syntax off.
    doc = parseText(raw).document;
  } else {
    throw new Error(`unknown file type "${ext || '(none)'}" (expected .html, .htm, .txt, .md, .xml or .pdf)`);
  }
  if (!isKamervraagDocument(doc))
    throw new Error('not a Kamervragen document (no identifier, no "Vragen van …", no questions)');
  return doc;
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent parse -- FILE...   (.html, .htm, .txt, .md, .xml, .pdf)\n');
    return 2;
  }
  const results: Outcome[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      results.push(await parseFile(file));
    } catch (err) {
      failed++;
      const error = err instanceof Error ? err.message : String(err);
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error;
      process.stderr.write(`parse: ${file}: ${reason}\n`);
      results.push({ file, error: reason });
    }
  }
  process.stdout.write(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
