// CLI: npm run --silent parse -- FILE... → the document model of each file as JSON (one object, or an array).

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Window } from 'happy-dom';
import {
  isKamervraagDocument,
  type KamervraagDocument,
  parseHtmlDocument,
  parseText,
  parseXml,
} from '../utils/kamervraag';

type Outcome = KamervraagDocument | { file: string; error: string };

const window = new Window();

async function parseFile(file: string): Promise<KamervraagDocument> {
  const raw = await readFile(file, 'utf8');
  const ext = extname(file).toLowerCase();
  let doc: KamervraagDocument;
  if (ext === '.html' || ext === '.htm') {
    const dom = new window.DOMParser().parseFromString(raw, 'text/html') as unknown as Document;
    doc = parseHtmlDocument(dom, `file://${file}`).document;
  } else if (ext === '.xml') {
    const dom = new window.DOMParser().parseFromString(raw, 'application/xml') as unknown as Document;
    if (dom.getElementsByTagName('parsererror').length) throw new Error('not well-formed XML');
    doc = parseXml(dom).document;
  } else if (ext === '.txt' || ext === '.text') {
    doc = parseText(raw).document;
  } else {
    throw new Error(`unknown file type "${ext || '(none)'}" (expected .html, .htm, .txt or .xml)`);
  }
  if (!isKamervraagDocument(doc))
    throw new Error('not a Kamervragen document (no identifier, no "Vragen van …", no questions)');
  return doc;
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent parse -- FILE...   (.html, .htm, .txt, .xml)\n');
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
