// The parse CLI as a user runs it: JSON out, errors named on stderr, results in argument order, non-zero exit.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CASES_DIR } from '../support/fixtures';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

async function parse(...files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/parse.ts', ...files],
      {
        cwd: ROOT,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const seed = join(CASES_DIR, 'txt-seed-eerdmans-vws', 'source.txt');
const pdf = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'ah-tk-20232024-1786.pdf');

describe('npm run parse', () => {
  it('prints the seed model: 7 pairs and the six related answers', async () => {
    const { code, stdout } = await parse(seed);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.pairs.map((p: { numbers: number[] }) => p.numbers)).toEqual([
      [1, 2],
      [3],
      [4],
      [5],
      [6, 7],
      [8],
      [9],
    ]);
    expect(doc.related.map((r: { id: string }) => r.id)).toEqual([
      'ah-tk-20232024-1047',
      'ah-tk-20232024-1059',
      'ah-tk-20232024-1060',
      'ah-tk-20232024-1061',
      'ah-tk-20232024-1062',
      'ah-tk-20232024-1063',
    ]);
    for (const p of doc.pairs) {
      expect(typeof p.label).toBe('string');
      expect(typeof p.question).toBe('string');
      expect(typeof p.answer).toBe('string');
    }
    expect(doc).toHaveProperty('id', null);
    expect(doc).toHaveProperty('kind', 'antwoord');
  }, 30_000);

  it('parses html, xml and txt together, keeps argument order, and reports bad files without stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvl-cli-'));
    const notKv = join(dir, 'boodschappen.txt');
    writeFileSync(notKv, 'melk\nbrood\nkaas\n');
    const missing = join(dir, 'bestaat-niet.html');
    const files = [
      join(CASES_DIR, 'html-ah-tk-20232024-1481', 'source.html'),
      missing,
      join(CASES_DIR, 'xml-ah-tk-20192020-2197', 'source.xml'),
      notKv,
      seed,
    ];
    const { code, stdout, stderr } = await parse(...files);
    expect(code).not.toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(5);
    expect(out[0].id).toBe('ah-tk-20232024-1481');
    expect(out[1]).toEqual({ file: missing, error: 'no such file' });
    expect(out[2].pairs.map((p: { numbers: number[] }) => p.numbers)[4]).toEqual([5, 6]);
    expect(out[3].file).toBe(notKv);
    expect(out[3].error).toMatch(/not a Kamervragen document/);
    expect(out[4].pairs).toHaveLength(7);
    expect(stderr).toContain(missing);
    expect(stderr).toContain(notKv);
  }, 30_000);

  it('reads a PDF itself (pdfjs): the same model as its pdftotext text, nothing else on stdout', async () => {
    const [fromPdf, fromText] = await Promise.all([
      parse(pdf),
      parse(join(CASES_DIR, 'txt-ah-tk-20232024-1786', 'source.txt')),
    ]);
    expect(fromPdf.code).toBe(0);
    const doc = JSON.parse(fromPdf.stdout);
    expect(doc.id).toBe('ah-tk-20232024-1786');
    expect(doc.kind).toBe('antwoord');
    expect(doc.pairs.map((p: { numbers: number[] }) => p.numbers)).toEqual([
      [1],
      [2],
      [3],
      [4],
      [5],
      [6],
      [7],
      [8],
      [9],
      [10, 11],
      [12],
      [13],
      [14],
      [15],
    ]);
    expect(doc.pairs[9].label).toBe('Vraag 10 en 11');
    expect(doc.footnotes).toHaveLength(16);
    expect(doc.references.map((r: { id: string }) => r.id)).toEqual([
      'kst-26485-432',
      'kst-26485-424',
      'kst-26485-407',
      'kst-26485-267',
      'kst-26485-380',
    ]);
    const text = JSON.parse(fromText.stdout);
    for (const key of ['subject', 'askers', 'answeredBy', 'dateSubmitted', 'dateReceived', 'related'])
      expect(doc[key], key).toEqual(text[key]);
    expect(fromPdf.stderr).toBe('');
  }, 30_000);

  it('reads Markdown (a PDF-to-Markdown conversion) as text', async () => {
    const { code, stdout } = await parse(join(CASES_DIR, 'md-ah-tk-20232024-1786', 'source.md'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pairs.map((p: { numbers: number[] }) => p.numbers.join(','))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10,11',
      '12',
      '13',
      '14',
      '15',
    ]);
  }, 30_000);

  it('names a file that says .pdf but is none, and still parses the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kvl-cli-'));
    const fake = join(dir, 'kapot.pdf');
    writeFileSync(fake, '<html>Pagina niet gevonden</html>');
    const { code, stdout, stderr } = await parse(fake, pdf);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out[0].file).toBe(fake);
    expect(out[0].error).toMatch(/PDF/i);
    expect(out[1].pairs).toHaveLength(14);
    expect(stderr).toContain(fake);
  }, 30_000);
});
