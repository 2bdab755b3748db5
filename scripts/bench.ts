// `npm run bench [-- --only <section>] [-- --no-build]`: prints performance figures (medians of several runs, and
// ratios against a reference measured in the same process) and writes them to bench-results.json. No pass/fail:
// goals are printed as met/MISSED, the exit code only says whether every section could run.
// Sections live in scripts/bench/*.ts; add a new one to SECTIONS.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../test/e2e/support/paths';
import type { BenchContext, BenchSection } from './bench/context';
import { copiesSection } from './bench/copies';
import { heading, rounded } from './bench/figures';
import { listSection } from './bench/list';
import { pageSection } from './bench/page';
import { parseSection } from './bench/parse';
import { pdfSection } from './bench/pdf';
import { popupSection } from './bench/popup';
import { relatedSection } from './bench/related';

const SECTIONS: BenchSection[] = [
  parseSection,
  pageSection,
  popupSection,
  listSection,
  relatedSection,
  copiesSection,
  pdfSection,
];
const RESULTS_FILE = join(REPO_ROOT, 'bench-results.json');

function usage(): string {
  return `usage: npm run bench -- [--only ${SECTIONS.map((s) => s.name).join('|')}] [--no-build]`;
}

async function main(): Promise<number> {
  let values: { only?: string; 'no-build'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: 'string' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`bench: ${err instanceof Error ? err.message : err}\n${usage()}`);
    return 2;
  }
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const selected = values.only ? SECTIONS.filter((s) => s.name === values.only) : SECTIONS;
  if (selected.length === 0) {
    console.error(`bench: unknown section "${values.only}"\n${usage()}`);
    return 2;
  }

  const ctx: BenchContext = {
    build: !values['no-build'],
    print: (text = '') => console.log(text),
  };
  const results: Record<string, unknown> = {};
  let failed = 0;
  for (const section of selected) {
    console.log(heading(`${section.name}: ${section.title}`));
    try {
      results[section.name] = await section.run(ctx);
    } catch (err) {
      failed++;
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(`bench: section "${section.name}" failed: ${message}`);
      results[section.name] = { error: err instanceof Error ? err.message : String(err) };
    }
  }

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    sections: selected.map((s) => s.name),
    ...(ctx.buildResult && { build: ctx.buildResult }),
    results,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, rounded, 2)}\n`);
  console.log(`\nFigures written to ${relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
