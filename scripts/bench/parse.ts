// Section "parse": the parser in Node on a ready DOM (happy-dom), per fixture case and on synthetic documents.
import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { type FixtureCase, fixtureCases, loadDom } from '../../test/support/fixtures';
import { parseHtmlDocument, parseText, parseXml } from '../../utils/kamervraag';
import type { Block, SourceMeta } from '../../utils/kamervraag/blocks';
import { classify } from '../../utils/kamervraag/classify';
import { findBodyRoot, htmlMeta, htmlToBlocks } from '../../utils/kamervraag/html';
import { textToBlocks } from '../../utils/kamervraag/plaintext';
import { xmlToBlocks } from '../../utils/kamervraag/xml';
import { documentUrl } from '../../utils/site/ids';
import type { BenchContext, BenchSection } from './context';
import {
  fmtKb,
  fmtMs,
  fmtRatio,
  printIntro,
  ratio,
  renderTable,
  type Timing,
  timeInterleaved,
  verdict,
} from './figures';
import { benchStyles, splitLines } from './parse-styles';
import { syntheticPage } from './synthetic';

const WARMUP = 3;
/**
 * Warm-up per case, at least: the parse is timed in its steady state, as V8 runs it once optimised (with only a few
 * warm-up runs the first timed runs are 2-3x slower than the last). The cold parse is in the "page" section.
 */
const WARMUP_MS = 250;
const RUNS = 15;
const GOAL_MS = 2;
const SYNTHETIC_SIZES = [10, 100, 1000] as const;

type Format = 'html' | 'txt' | 'xml';

interface Stage {
  name: string;
  timing: Timing;
}

interface CaseResult {
  name: string;
  format: Format;
  bytes: number;
  pairs: number;
  expectedPairs: number;
  parse: Timing;
  reference: Timing;
  referenceKind: string;
  /** The parse cut in its stages, each timed on its own (their sum is close to, not equal to, the whole) */
  stages: Stage[];
}

const ELEMENT = 1;
const TEXT = 3;

/**
 * The reference: one walk over a DOM subtree collecting all of its text (what any reader must do at least), with the
 * cheapest child access in happy-dom (for..of over childNodes; indexing goes through a Proxy there).
 */
function collectText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === TEXT) parts.push((child as Text).data);
      else if (child.nodeType === ELEMENT) walk(child);
    }
  };
  walk(root);
  return parts.join('');
}

function formatOf(file: string): Format {
  if (file.endsWith('.html')) return 'html';
  if (file.endsWith('.xml')) return 'xml';
  return 'txt';
}

interface Subjects {
  parse: () => { document: { pairs: unknown[] } };
  reference: () => unknown;
  referenceKind: string;
  /** Each stage of the parse on its own, in pipeline order */
  stages: Record<string, () => unknown>;
}

/** Times the parse, the reference and the stages round-robin, so they are compared under the same load. */
function measure(subjects: Subjects): Pick<CaseResult, 'pairs' | 'parse' | 'reference' | 'stages'> {
  const stageNames = Object.keys(subjects.stages);
  const fns: Record<string, () => unknown> = { parse: subjects.parse, reference: subjects.reference };
  for (const name of stageNames) fns[`stage:${name}`] = subjects.stages[name];
  const t = timeInterleaved(fns, { warmup: WARMUP, warmupMs: WARMUP_MS, runs: RUNS });
  return {
    pairs: subjects.parse().document.pairs.length,
    parse: t.parse,
    reference: t.reference,
    stages: stageNames.map((name) => ({ name, timing: t[`stage:${name}`] })),
  };
}

/** What is timed for a case: the DOM (if any) is built here, once, outside the timing. */
function subjectsOf(c: FixtureCase, format: Format): Subjects {
  if (format === 'txt') {
    const text = readFileSync(c.source, 'utf8');
    const { blocks, meta } = textToBlocks(text);
    return {
      parse: () => parseText(text),
      reference: () => splitLines(text),
      referenceKind: 'line split',
      stages: { textToBlocks: () => textToBlocks(text), classify: () => classify(blocks, meta) },
    };
  }
  const doc = loadDom(c.source);
  if (format === 'xml') {
    const { blocks, meta } = xmlToBlocks(doc);
    return {
      parse: () => parseXml(doc),
      reference: () => collectText(doc.documentElement),
      referenceKind: 'DOM text walk',
      stages: { xmlToBlocks: () => xmlToBlocks(doc), classify: () => classify(blocks, meta) },
    };
  }
  const url = documentUrl(c.name.replace(/^html-/, ''));
  const meta: SourceMeta = htmlMeta(doc);
  const root = findBodyRoot(doc);
  const blocks: Block[] = root ? htmlToBlocks(root) : [];
  return {
    parse: () => parseHtmlDocument(doc, url),
    reference: () => collectText(doc.body),
    referenceKind: 'DOM text walk',
    stages: {
      htmlMeta: () => htmlMeta(doc),
      findBodyRoot: () => findBodyRoot(doc),
      htmlToBlocks: () => (root ? htmlToBlocks(root) : []),
      classify: () => classify(blocks, meta),
    },
  };
}

function benchCase(c: FixtureCase): CaseResult {
  const format = formatOf(c.source);
  const subjects = subjectsOf(c, format);
  return {
    name: c.name,
    format,
    bytes: statSync(c.source).size,
    expectedPairs: c.expected.pairs.length,
    referenceKind: subjects.referenceKind,
    ...measure(subjects),
  };
}

/** A synthetic page of `pairs` pairs: the parse against the text walk. */
function benchSynthetic(window: Window, pairs: number) {
  const html = syntheticPage(pairs);
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const url = documentUrl('ah-tk-20232024-99999');
  const t = measure({
    parse: () => parseHtmlDocument(doc, url),
    reference: () => collectText(doc.body),
    referenceKind: 'DOM text walk',
    stages: {},
  });
  return {
    pairs,
    bytes: Buffer.byteLength(html),
    parsedPairs: t.pairs,
    parse: t.parse,
    reference: t.reference,
  };
}

async function run(ctx: BenchContext): Promise<unknown> {
  const { print } = ctx;
  printIntro(print, [
    `Node ${process.version}, happy-dom DOM built once per case (not timed); warm-up (${WARMUP} runs and at least ` +
      `${WARMUP_MS} ms: steady state, as V8 runs it optimised; the cold parse in a page is in the "page" section) + ${RUNS}`,
    'timed runs each, median shown. ref = one walk over the same DOM collecting all text (html: <body>,',
    'xml: the document element); for .txt cases ref = splitting the text into trimmed lines.',
    'adapter = everything before classify (html: htmlMeta + findBodyRoot + htmlToBlocks), each timed alone;',
    'parse, ref and the stages run round-robin so they share the same conditions.',
  ]);

  // The corpus in its own formats; its other input styles are compared on the largest document below.
  const all = fixtureCases();
  const cases = all.filter((c) => /^(html|xml|txt|raw)-/u.test(c.name)).map(benchCase);
  print(
    renderTable(
      ['case', 'fmt', '>KB', '>pairs', '>parse ms', '>ref ms', '>parse/ref', '>adapter ms', '>classify ms'],
      cases.map((r) => [
        r.name,
        r.format,
        fmtKb(r.bytes),
        r.pairs === r.expectedPairs ? String(r.pairs) : `${r.pairs}!=${r.expectedPairs}`,
        fmtMs(r.parse.median),
        fmtMs(r.reference.median),
        fmtRatio(ratio(r.parse.median, r.reference.median)),
        // the adapter: every stage before classify, summed
        fmtMs(r.stages.reduce((sum, s) => sum + (s.name === 'classify' ? 0 : s.timing.median), 0)),
        fmtMs(r.stages.find((s) => s.name === 'classify')?.timing.median),
      ]),
    ),
  );
  const wrong = cases.filter((r) => r.pairs !== r.expectedPairs);
  if (wrong.length)
    print(`(a!=b: parsed a pairs, expected.json has b: ${wrong.map((r) => r.name).join(', ')})`);

  const styles = benchStyles(all, RUNS, print);

  // Synthetic documents: time per pair should stay flat as the document grows.
  const window = new Window();
  const synthetic = SYNTHETIC_SIZES.map((n) => benchSynthetic(window, n));
  await window.happyDOM.close();
  print('\nSynthetic pages (div.stuk > h1 + div.vraag/div.antwoord per pair):\n');
  print(
    renderTable(
      ['>pairs', '>KB', '>parsed', '>parse ms', '>ms/pair', '>ref ms', '>parse/ref'],
      synthetic.map((s) => [
        String(s.pairs),
        fmtKb(s.bytes),
        String(s.parsedPairs),
        fmtMs(s.parse.median),
        (s.parse.median / s.pairs).toFixed(4),
        fmtMs(s.reference.median),
        fmtRatio(ratio(s.parse.median, s.reference.median)),
      ]),
    ),
  );
  const t100 = synthetic.find((s) => s.pairs === 100)?.parse.median;
  const t1000 = synthetic.find((s) => s.pairs === 1000)?.parse.median;
  const growth = ratio(t1000, t100);
  print(`1000-pair time / 100-pair time: ${fmtRatio(growth)} (linear growth: about 10)`);

  // The goal: the largest real fixture page parses in under 2 ms from a ready DOM.
  const html = cases.filter((r) => r.format === 'html');
  const largest = html.reduce<CaseResult | null>((a, b) => (a && a.bytes >= b.bytes ? a : b), null);
  let goal: Record<string, unknown> | null = null;
  if (largest) {
    const met = largest.parse.median < GOAL_MS;
    print(
      `\nlargest real fixture (${largest.name}, ${fmtKb(largest.bytes)} KB): ${fmtMs(largest.parse.median)} ms ` +
        `(goal < ${GOAL_MS} ms): ${verdict(met)} (fastest run ${fmtMs(largest.parse.min)} ms)`,
    );
    const total = largest.stages.reduce((sum, s) => sum + s.timing.median, 0);
    const slowest = [...largest.stages].sort((a, b) => b.timing.median - a.timing.median)[0];
    print(
      `  stages: ${largest.stages
        .map(
          (s) => `${s.name} ${fmtMs(s.timing.median)} ms (${Math.round((100 * s.timing.median) / total)}%)`,
        )
        .join(', ')}`,
    );
    if (!met && slowest) {
      print(
        `  goal missed; slowest stage: ${slowest.name} (${fmtMs(slowest.timing.median)} ms of ${fmtMs(total)} ms ` +
          'summed over the stages). Timed in happy-dom, whose DOM is slower than a browser\'s: see the "page" section.',
      );
    }
    goal = {
      case: largest.name,
      bytes: largest.bytes,
      medianMs: largest.parse.median,
      goalMs: GOAL_MS,
      met,
      slowestStage: slowest?.name ?? null,
    };
  }

  return {
    warmup: WARMUP,
    warmupMs: WARMUP_MS,
    runs: RUNS,
    cases: cases.map(({ stages, ...r }) => ({
      ...r,
      ratio: ratio(r.parse.median, r.reference.median),
      stagesMs: Object.fromEntries(stages.map((s) => [s.name, s.timing.median])),
    })),
    synthetic: {
      sizes: synthetic.map((s) => ({
        ...s,
        msPerPair: s.parse.median / s.pairs,
        ratio: ratio(s.parse.median, s.reference.median),
      })),
      ratio1000to100: growth,
    },
    largestFixture: goal,
    styles,
  };
}

export const parseSection: BenchSection = {
  name: 'parse',
  title: 'Parser in Node (ready DOM)',
  run,
};
