// The unit tests' one loader of fixture files: the cases (test/fixtures/cases/<case>/source.* + expected.json), their
// text, and each parsed as the CLI does. (A case's page put in the test's own document: ./site-page.ts, with this.)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { type KamervraagDocument, parseHtmlDocument, parseText, parseXml } from '../../utils/kamervraag';
import { type Expected, readExpected } from './expected';

export type { Expected } from './expected';

export const CASES_DIR = join(import.meta.dirname, '..', 'fixtures', 'cases');

export interface FixtureCase {
  name: string;
  dir: string;
  source: string;
  expected: Expected;
}

/** The text of a fixture file. */
export function readSource(file: string): string {
  return readFileSync(file, 'utf8');
}

/** The source text of case `name` (its folder: `html-ah-tk-20172018-1547`, `txt-ah-tk-20232024-2367`, …). */
export function caseSource(name: string): string {
  return readSource(join(CASES_DIR, name, expectedOf(name).file));
}

function expectedOf(name: string): Expected {
  return readExpected(join(CASES_DIR, name));
}

export function fixtureCases(prefix = ''): FixtureCase[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() && d.name.startsWith(prefix) && existsSync(join(CASES_DIR, d.name, 'expected.json')),
    )
    .map((d) => {
      const dir = join(CASES_DIR, d.name);
      const expected = expectedOf(d.name);
      return { name: d.name, dir, source: join(dir, expected.file), expected };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Case folders, with or without expected.json (a folder without one is a mistake the tests report). */
export function caseFolders(): string[] {
  return readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

const window = new Window();

export function loadDom(file: string): Document {
  const raw = readSource(file);
  const type = file.endsWith('.xml') ? 'application/xml' : 'text/html';
  return new window.DOMParser().parseFromString(raw, type) as unknown as Document;
}

export function parseFixture(file: string): KamervraagDocument {
  if (file.endsWith('.txt') || file.endsWith('.md')) return parseText(readSource(file)).document;
  if (file.endsWith('.xml')) return parseXml(loadDom(file)).document;
  return parseHtmlDocument(loadDom(file), `https://zoek.officielebekendmakingen.nl/${file}`).document;
}
