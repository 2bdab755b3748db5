// The HTML fixture cases (test/fixtures/cases/html-*/source.html + expected.json) that name a document id.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './paths';

export interface HtmlCase {
  /** Folder name, e.g. html-ah-tk-20232024-1481 */
  name: string;
  id: string;
  source: string;
  /** Only the fields the e2e tests read; `numbers` has one entry per question/answer pair. */
  expected: { id: string; numbers?: number[][]; subject?: string | null };
}

export function htmlCasesWithId(): HtmlCase[] {
  const dir = join(FIXTURES_DIR, 'cases');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith('html-'))
    .sort()
    .flatMap((name) => {
      const source = join(dir, name, 'source.html');
      const expectedFile = join(dir, name, 'expected.json');
      if (!existsSync(source) || !existsSync(expectedFile)) return [];
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as HtmlCase['expected'];
      return typeof expected.id === 'string' ? [{ name, id: expected.id, source, expected }] : [];
    });
}
