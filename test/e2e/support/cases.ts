// The HTML fixture cases (test/fixtures/cases/html-*/source.html + expected.json) that name a document id.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Expected, readExpected } from '../../support/expected';
import { FIXTURES_DIR } from './paths';

export interface HtmlCase {
  /** Folder name, e.g. html-ah-tk-20232024-1481 */
  name: string;
  id: string;
  source: string;
  /** The case's expected.json (test/support/expected.ts), with its id */
  expected: Expected & { id: string };
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
      const expected = readExpected(join(dir, name));
      return typeof expected.id === 'string'
        ? [{ name, id: expected.id, source, expected: { ...expected, id: expected.id } }]
        : [];
    });
}
