// Pages that try to freeze or break the content script (synthetic, written for these tests): a Kamervraag whose header
// is 40 KB that the old header patterns took seconds to minutes on, and one whose answer is nested 10,000 elements
// deep. Each must end readable (the view, or the page as delivered with a notice in words) without a long task.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPage } from '../../../scripts/bench/synthetic';
import { SAMPLE_ID } from './extension';
import { FIXTURES_DIR } from './paths';

export const HOSTILE = {
  header: 'ah-tk-20232024-99983',
  deep: 'ah-tk-20232024-99984',
} as const;

/** Writes both pages; returns [route, file] pairs for the fixture server. */
export function hostileFiles(): [string, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'kvl-hostile-'));
  const source = readFileSync(join(FIXTURES_DIR, 'cases', `html-${SAMPLE_ID}`, 'source.html'), 'utf8');
  const unit = 'Jansen aan de Minister over de zorg ';
  const noise = `Vragen van het lid ${unit.repeat(Math.ceil(40_000 / unit.length))}`.slice(0, 40_000);
  const header = source
    .replace(`content="${SAMPLE_ID}"`, `content="${HOSTILE.header}"`)
    .replace(
      /<h1 class="kamervraagomschrijving_kop no-toc">[\s\S]*?<\/h1>/,
      `<h1 class="kamervraagomschrijving_kop no-toc">${noise}</h1>`,
    );
  const deep = syntheticPage(5, HOSTILE.deep).replace(
    '<h2>Antwoord 3</h2>',
    `<h2>Antwoord 3</h2>${'<div>'.repeat(10_000)}Diep genest antwoord.${'</div>'.repeat(10_000)}`,
  );
  const files: [string, string][] = [];
  for (const [id, html] of [
    [HOSTILE.header, header],
    [HOSTILE.deep, deep],
  ]) {
    const file = join(dir, `${id}.html`);
    writeFileSync(file, html);
    files.push([`/${id}.html`, file]);
  }
  return files;
}
