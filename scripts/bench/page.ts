// Section "page": the built extension in a real Chromium, on every HTML fixture page and on a synthetic
// 1,000-pair page, against Mozilla Readability on the same page in the same browser; then the bundle sizes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { htmlCasesWithId } from '../../test/e2e/support/cases';
import {
  type ExtensionBrowser,
  launchWithExtension,
  SAMPLE_ID,
  siteUrl,
} from '../../test/e2e/support/extension';
import { CHROME_BUILD_DIR } from '../../test/e2e/support/paths';
import type { Latency } from '../../test/e2e/support/server';
import { type BenchContext, type BenchSection, browserOrSkip, ensureBuild } from './context';
import { fmtKb, fmtMs, fmtRatio, renderTable, verdict } from './format';
import { loadNote, median, ratio, round, summarize, type Timing, timingJson } from './measure';
import { syntheticPage } from './synthetic';

/** Page loads per page (each in a fresh tab), for the extension and for Readability alike. */
const RUNS = 7;
/** Pages as they arrive over a network: the first byte after 80 ms, the HTML in 4 chunks 25 ms apart. */
const NETWORK: Latency = { firstByteMs: 80, chunks: 4, gapMs: 25 };
/** A real page of the site that is not a Kamervragen document (test/fixtures/pages/) */
const OTHER_PAGE = 'kst-36410-72.html';
/** How long to wait for <html data-kvl-ms> before calling the view not rendered. */
const VIEW_TIMEOUT = 10_000;
/** Goals, as pages stream in: the largest fixture at most half Readability's time, every fixture at most equal. */
const GOAL_RATIO = 0.5;
const GOAL_RATIO_EVERY = 1;
const GOAL_LONG_TASK_MS = 50;
const GOAL_CONTENT_GZIP_KB = 30;
const SYNTHETIC_PAIRS = 1000;
const SYNTHETIC_ID = 'ah-tk-20232024-99999';
const NOT_RENDERED = 'n/a (view not rendered)';

const READABILITY_JS = createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js');

/**
 * Registered before navigation (main world): collects [start, duration] of every long task into window.__kvlLongTasks,
 * and when <html> gets data-kvl-ms into window.__kvlMarks (content script and page share the document's clock, so
 * t(data-kvl-ms) - data-kvl-ms is when the content script started).
 */
const PAGE_PROBE = `
window.__kvlLongTasks = null;
window.__kvlMarks = {};
try {
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    window.__kvlLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__kvlLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  }
} catch {}
const kvlMarks = new MutationObserver((records) => {
  const now = performance.now();
  for (const r of records) if (!(r.attributeName in window.__kvlMarks)) window.__kvlMarks[r.attributeName] = now;
});
const kvlWatch = () =>
  kvlMarks.observe(document.documentElement, { attributes: true, attributeFilter: ['data-kvl', 'data-kvl-ms'] });
if (document.documentElement) kvlWatch();
else {
  const waitForRoot = new MutationObserver(() => {
    if (!document.documentElement) return;
    waitForRoot.disconnect();
    kvlWatch();
  });
  waitForRoot.observe(document, { childList: true });
}
`;

interface LongTask {
  start: number;
  duration: number;
}

interface Load {
  /** From the document's domInteractive to the view shown, on the page's clock: what the reader waits once the page
   * is parsed; null when it did not render in time */
  readyMs: number | null;
  /** <html data-kvl-ms>: the view shown (header card, controls, first pairs); null when it did not render in time */
  ms: number | null;
  /** <html data-kvl-complete-ms>: every pair rendered */
  completeMs: number | null;
  /** <html data-kvl-status> ('lezer', 'geen-paren', 'origineel', 'fout'), null when the script never decided */
  status: string | null;
  /** The long tasks of the load; null when not observed ('longtask' not supported) */
  longTasks: LongTask[] | null;
  /** When the content script started, on the page's clock (from data-kvl-ms), null when not known */
  scriptStart: number | null;
  /** <html data-kvl-parse-ms>: from the content script's start to the parse done (detection + parse) */
  parseMs: number | null;
  /** <html data-kvl-task-ms>: the extension's own longest task of the load (utils/timing.ts) */
  taskMs: number | null;
  /** <html data-kvl-wait-ms>: how long the view waited for its settings from storage; null when it did not wait */
  waitMs: number | null;
}

interface LoadOptions {
  /** Wait for the content script's verdict (with the extension), or just for the load event (without) */
  waitForView: boolean;
}

/** Loads `url` in a fresh tab and reads what the content script reported, and the long tasks of the load. */
export async function loadOnce(context: BrowserContext, url: string, opts: LoadOptions): Promise<Load> {
  const page = await context.newPage();
  try {
    await page.addInitScript(PAGE_PROBE);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (opts.waitForView) {
      // The content script sets data-kvl-ms when the view is shown, data-kvl-status="lezer" once every pair is
      // rendered (later chunks follow in tasks of their own), or another status when it will not show the view.
      await page
        .waitForFunction(() => document.documentElement.dataset.kvlStatus !== undefined, null, {
          timeout: VIEW_TIMEOUT,
        })
        .catch(() => {});
    }
    await page.waitForLoadState('load');
    // Observers hear of a long task only after it ended: give them a moment.
    const data = await page.evaluate(
      () =>
        new Promise<{
          ms: string | null;
          completeMs: string | null;
          parseMs: string | null;
          taskMs: string | null;
          waitMs: string | null;
          status: string | null;
          longTasks: [number, number][] | null;
          marks: Record<string, number>;
          domInteractive: number | null;
        }>((resolve) =>
          setTimeout(() => {
            const probe = window as unknown as {
              __kvlLongTasks: [number, number][] | null;
              __kvlMarks: Record<string, number>;
            };
            resolve({
              ms: document.documentElement.dataset.kvlMs ?? null,
              completeMs: document.documentElement.dataset.kvlCompleteMs ?? null,
              parseMs: document.documentElement.dataset.kvlParseMs ?? null,
              taskMs: document.documentElement.dataset.kvlTaskMs ?? null,
              waitMs: document.documentElement.dataset.kvlWaitMs ?? null,
              status: document.documentElement.dataset.kvlStatus ?? null,
              longTasks: probe.__kvlLongTasks,
              marks: probe.__kvlMarks,
              domInteractive:
                (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
                  ?.domInteractive ?? null,
            });
          }, 150),
        ),
    );
    const num = (v: string | null) => {
      const n = v === null ? Number.NaN : Number.parseFloat(v);
      return Number.isFinite(n) ? n : null;
    };
    const ms = num(data.ms);
    const completeMs = num(data.completeMs);
    const renderedAt = data.marks['data-kvl-ms'];
    const scriptStart = ms !== null && renderedAt !== undefined ? renderedAt - ms : null;
    const parseMs = num(data.parseMs);
    const longTasks = data.longTasks?.map(([start, duration]) => ({ start, duration })) ?? null;
    return {
      readyMs: renderedAt !== undefined && data.domInteractive ? renderedAt - data.domInteractive : null,
      ms,
      completeMs,
      status: data.status,
      longTasks,
      scriptStart,
      parseMs,
      taskMs: num(data.taskMs),
      waitMs: num(data.waitMs),
    };
  } finally {
    await page.close();
  }
}

/** Readability on the page as served, in a fresh tab: one timed parse of a clone of the document. */
async function readabilityOnce(context: BrowserContext, url: string): Promise<{ ms: number; chars: number }> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.addScriptTag({ path: READABILITY_JS });
    return await page.evaluate(() => {
      type Article = { textContent?: string | null } | null;
      const R = (window as unknown as { Readability: new (doc: Node) => { parse(): Article } }).Readability;
      const t0 = performance.now();
      const article = new R(document.cloneNode(true)).parse();
      const ms = performance.now() - t0;
      return { ms, chars: article?.textContent?.length ?? 0 };
    });
  } finally {
    await page.close();
  }
}

interface ExtensionRuns {
  /** domInteractive to the view shown */
  ready: Timing | null;
  /** The content script's start (DOMContentLoaded) to the view shown */
  timing: Timing | null;
  /** Until every pair was rendered */
  complete: Timing | null;
  /** Median in-page time from the content script's start to data-kvl (detection + parse) */
  parseMs: number | null;
  /** Median over the loads of the longest long task of each load (null: not observed) */
  longestTaskMs: number | null;
  /** Loads attempted (fewer than RUNS when the first one did not render) */
  loads: number;
  statuses: (string | null)[];
  longTasks: (LongTask[] | null)[];
  /** Per load: the longest long task that ran after the content script started (0: none), null if unknown */
  longestAfterStart: (number | null)[];
  /** Per load: the extension's own longest task (data-kvl-task-ms), null if not reported */
  ownTaskMs: (number | null)[];
  /** Per load: how long the view waited for its settings (data-kvl-wait-ms), null when it did not wait */
  waitMs: (number | null)[];
}

const maxOf = (values: number[]) => (values.length ? Math.max(...values) : null);
const longest = (tasks: LongTask[]) => maxOf(tasks.map((t) => t.duration)) ?? 0;

/** "2/5": loads whose view waited for its settings, of all loads. */
function fmtWaited(runs: ExtensionRuns): string {
  return `${runs.waitMs.filter((w) => w !== null).length}/${runs.waitMs.length}`;
}

/**
 * RUNS loads with the extension; stops after the first load when the view does not render at all. `between` runs after
 * each load: the reference measured in turn with the extension's loads shares their conditions (this VM's speed drifts
 * over minutes).
 */
export async function extensionRuns(
  context: BrowserContext,
  url: string,
  between?: () => Promise<void>,
): Promise<ExtensionRuns> {
  const loads: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    const load = await loadOnce(context, url, { waitForView: true });
    loads.push(load);
    await between?.();
    if (i === 0 && load.ms === null) break;
  }
  const ms = loads.flatMap((l) => (l.ms === null ? [] : [l.ms]));
  const ready = loads.flatMap((l) => (l.readyMs === null ? [] : [l.readyMs]));
  const complete = loads.flatMap((l) => (l.completeMs === null ? [] : [l.completeMs]));
  const parse = loads.flatMap((l) => (l.parseMs === null ? [] : [l.parseMs]));
  const perLoad = loads.flatMap((l) => (l.longTasks ? [longest(l.longTasks)] : []));
  return {
    ready: ready.length ? summarize(ready) : null,
    timing: ms.length ? summarize(ms) : null,
    complete: complete.length ? summarize(complete) : null,
    parseMs: parse.length ? median(parse) : null,
    longestTaskMs: perLoad.length ? median(perLoad) : null,
    loads: loads.length,
    statuses: loads.map((l) => l.status),
    longTasks: loads.map((l) => l.longTasks),
    ownTaskMs: loads.map((l) => l.taskMs),
    waitMs: loads.map((l) => l.waitMs),
    longestAfterStart: loads.map((l) => {
      const start = l.scriptStart;
      if (!l.longTasks || start === null) return null;
      return longest(l.longTasks.filter((t) => t.start + t.duration > start));
    }),
  };
}

/** How long the content script's evaluation took at each of RUNS loads of `url` (Chromium trace, EvaluateScript). */
async function scriptEvaluationMs(context: BrowserContext, url: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      const events: { name: string; dur?: number; args?: unknown }[] = [];
      cdp.on('Tracing.dataCollected', (d) => {
        events.push(...(d.value as unknown as typeof events));
      });
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
      await page.goto(url, { waitUntil: 'load' });
      await cdp.send('Tracing.end');
      await complete;
      const ours = events.filter(
        (e) =>
          e.name === 'EvaluateScript' && JSON.stringify(e.args ?? '').includes('content-scripts/content.js'),
      );
      if (ours.length) out.push(ours.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000);
    } finally {
      await page.close();
    }
  }
  return out;
}

/** Readability and the extension on the same page, load by load in turn: RUNS of each. */
async function pageRuns(
  context: BrowserContext,
  extensionUrl: string,
  readabilityUrl: string,
): Promise<{ extension: ExtensionRuns; readability: { timing: Timing; chars: number } }> {
  const ms: number[] = [];
  let chars = 0;
  const readability = async () => {
    const r = await readabilityOnce(context, readabilityUrl);
    ms.push(r.ms);
    chars = r.chars;
  };
  const extension = await extensionRuns(context, extensionUrl, readability);
  while (ms.length < RUNS) await readability();
  return { extension, readability: { timing: summarize(ms), chars } };
}

/** A long-task figure: 'none' when there was no long task (they are all > 50 ms). */
const fmtTask = (ms: number | null) => (ms === null ? 'n/a' : ms === 0 ? 'none' : fmtMs(ms));

const extCell = (r: ExtensionRuns) =>
  r.timing
    ? `${fmtMs(r.timing.median)}${r.timing.runs < r.loads ? ` (${r.timing.runs}/${r.loads} rendered)` : ''}`
    : NOT_RENDERED;

interface PageRow {
  name: string;
  path: string;
  bytes: number;
  pairs: number | null;
  extension: ExtensionRuns;
  readability: { timing: Timing; chars: number };
}

async function measureInBrowser(ctx: BenchContext, chromium: string): Promise<Record<string, unknown>> {
  const { print } = ctx;
  const browser: ExtensionBrowser = await launchWithExtension();
  const temp = mkdtempSync(join(tmpdir(), 'kvl-bench-'));
  try {
    const probe = await browser.context.newPage();
    const userAgent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();
    print(`Chromium: ${chromium} (${/Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent}), headless`);
    print(
      `Each figure: median of ${RUNS} loads, each in a fresh tab. ready = from the document's domInteractive to`,
    );
    print(
      'the reading view shown (header card, controls, the first contents entries and pairs, or up to a deep-linked',
    );
    print(
      "pair), on the page's clock: what a reader waits once the page is parsed. script→view = <html data-kvl-ms>,",
    );
    print(
      "from the content script's start (DOMContentLoaded) to the same moment. all pairs = <html data-kvl-complete-ms>,",
    );
    print('until the later chunks (tasks of their own) are in too. Readability = one cold');
    print(
      '`new Readability(document.cloneNode(true)).parse()` per fresh load, timed in the page, on the same file served',
    );
    print(
      `from the fixture server's own origin (${browser.server.origin}), where the content script does not run, so`,
    );
    print(
      "it sees the page as served. The two take turns, load by load, so that they share this machine's conditions.",
    );
    print('ratio = ready / Readability. Both served as over a network and, second, all at once.');
    print(
      'of which parse = <html data-kvl-parse-ms>, content-script start to the parse done (detection + parse).',
    );
    print(
      'longest task = the longest long task (> 50 ms, PerformanceObserver) of a load, median over the loads.',
    );
    print(
      'waited = loads in which the settings (read from storage at document_start) came after DOMContentLoaded, so',
    );
    print('that the view waited for them (<html data-kvl-wait-ms>): those loads take tens of ms longer.');
    const note = loadNote();
    if (note) print(note);
    print();

    // One untimed load of each kind first (extension code cache, Readability compile, fixture server).
    await loadOnce(browser.context, siteUrl(`${SAMPLE_ID}.html`), { waitForView: true });
    await readabilityOnce(browser.context, `${browser.server.origin}/${SAMPLE_ID}.html`);

    const pageRatio = (r: PageRow) => ratio(r.extension.ready?.median, r.readability.timing.median);
    /** Every fixture page, extension and Readability in turn, served `latency`-wise; printed as a table. */
    const measurePages = async (label: string, latency: Latency | null): Promise<PageRow[]> => {
      browser.server.setLatency(latency);
      const rows: PageRow[] = [];
      for (const c of htmlCasesWithId()) {
        const path = `${c.name.slice('html-'.length)}.html`;
        rows.push({
          name: c.name,
          path,
          bytes: statSync(c.source).size,
          pairs: c.expected.numbers?.length ?? null,
          ...(await pageRuns(browser.context, siteUrl(path), `${browser.server.origin}/${path}`)),
        });
      }
      browser.server.setLatency(null);
      print(`\n${label}:\n`);
      print(
        renderTable(
          [
            { header: 'page' },
            { header: 'KB', align: 'right' },
            { header: 'pairs', align: 'right' },
            { header: 'ready ms', align: 'right' },
            { header: 'script→view ms', align: 'right' },
            { header: 'of which parse', align: 'right' },
            { header: 'all pairs ms', align: 'right' },
            { header: 'longest task ms', align: 'right' },
            { header: 'waited', align: 'right' },
            { header: 'Readability ms', align: 'right' },
            { header: 'ratio', align: 'right' },
            { header: `<= ${GOAL_RATIO_EVERY}` },
          ],
          rows.map((r) => {
            const q = pageRatio(r);
            return [
              r.path,
              fmtKb(r.bytes),
              r.pairs === null ? '?' : String(r.pairs),
              r.extension.ready ? fmtMs(r.extension.ready.median) : NOT_RENDERED,
              extCell(r.extension),
              fmtMs(r.extension.parseMs),
              fmtMs(r.extension.complete?.median),
              fmtTask(r.extension.longestTaskMs),
              fmtWaited(r.extension),
              fmtMs(r.readability.timing.median),
              fmtRatio(q),
              verdict(q === null ? null : q <= GOAL_RATIO_EVERY),
            ];
          }),
        ),
      );
      for (const r of rows.filter((x) => x.extension.statuses.some((st) => st !== 'lezer'))) {
        print(
          `  ${r.path}: data-kvl-status per load: ${r.extension.statuses.map((st) => st ?? '(none)').join(', ')}`,
        );
      }
      return rows;
    };
    const streamed = await measurePages(
      `Pages as over a network (first byte after ${NETWORK.firstByteMs} ms, the HTML in ${NETWORK.chunks} chunks ` +
        `${NETWORK.gapMs} ms apart)`,
      NETWORK,
    );
    const atOnce = await measurePages('The same pages served all at once (loopback)', null);
    const rows = streamed;

    const largest = rows.reduce<PageRow | null>((a, b) => (a && a.bytes >= b.bytes ? a : b), null);
    let largestGoal: Record<string, unknown> | null = null;
    if (largest) {
      const r = pageRatio(largest);
      const once = atOnce.find((x) => x.path === largest.path);
      print(
        `\nlargest fixture (${largest.path}, ${fmtKb(largest.bytes)} KB), as over a network: view ready ` +
          `${fmtMs(largest.extension.ready?.median)} ms after domInteractive, Readability ` +
          `${fmtMs(largest.readability.timing.median)} ms, ratio ${fmtRatio(r)} (goal <= ${GOAL_RATIO}): ` +
          `${verdict(r === null ? null : r <= GOAL_RATIO)}; all at once: ratio ${fmtRatio(once ? pageRatio(once) : null)}`,
      );
      largestGoal = { page: largest.path, bytes: largest.bytes, ratio: round(r), goal: GOAL_RATIO };
    }
    const every = rows.map(pageRatio);
    const within = every.filter((q) => q !== null && q <= GOAL_RATIO_EVERY).length;
    print(
      `every fixture ratio <= ${GOAL_RATIO_EVERY} as over a network: ${within}/${rows.length} pages: ` +
        `${verdict(within === rows.length)}; all at once: ` +
        `${atOnce.map(pageRatio).filter((q) => q !== null && q <= GOAL_RATIO_EVERY).length}/${atOnce.length}`,
    );

    // The synthetic 1,000-pair page, with a long-task observer registered before navigation.
    const html = syntheticPage(SYNTHETIC_PAIRS);
    const file = join(temp, `${SYNTHETIC_ID}.html`);
    writeFileSync(file, html);
    browser.server.route(`/${SYNTHETIC_ID}.html`, file);
    const synth = await extensionRuns(browser.context, siteUrl(`${SYNTHETIC_ID}.html`));
    const withExt = synth.longTasks.flatMap((l) => l ?? []);
    const observed = synth.longTasks.some((l) => l !== null);
    const afterStart = synth.longestAfterStart.flatMap((v) => (v === null ? [] : [v]));
    // The same page without the extension (the server's own origin): how much of it is the browser's own work.
    const plainTasks: LongTask[] = [];
    let plainObserved = false;
    for (let i = 0; i < RUNS; i++) {
      const load = await loadOnce(browser.context, `${browser.server.origin}/${SYNTHETIC_ID}.html`, {
        waitForView: false,
      });
      if (load.longTasks) {
        plainObserved = true;
        plainTasks.push(...load.longTasks);
      }
    }
    const maxLong = observed ? longest(withExt) : null;
    const maxAfterStart = afterStart.length ? Math.max(...afterStart) : null;
    const maxPlain = plainObserved ? longest(plainTasks) : null;
    const perLoadMax = synth.longTasks.flatMap((l) => (l ? [longest(l)] : []));
    print(
      `\nsynthetic ${SYNTHETIC_PAIRS}-pair page (${fmtKb(Buffer.byteLength(html))} KB): extension ` +
        `${extCell(synth)}${synth.timing ? ` ms (of which parse ${fmtMs(synth.parseMs)} ms)` : ''}` +
        `, all pairs ${fmtMs(synth.complete?.median)} ms`,
    );
    const taskText = (ms: number | null) => (ms ? `${fmtMs(ms)} ms` : fmtTask(ms));
    print(
      `  longest long task during load: ${maxLong === null ? "n/a ('longtask' not observed)" : taskText(maxLong)}` +
        ` over ${synth.loads} load(s)` +
        (perLoadMax.length ? `, median of per-load max ${taskText(median(perLoadMax))}` : ''),
    );
    print(
      `  of those, longest after the content script started (its work, the layout the view causes, and any page` +
        ` work still running): ${taskText(maxAfterStart)} (goal: none > ${GOAL_LONG_TASK_MS} ms): ` +
        `${verdict(maxAfterStart === null ? null : maxAfterStart <= GOAL_LONG_TASK_MS)}`,
    );
    print(
      `  same page without the extension (${RUNS} loads): longest long task ${taskText(maxPlain)}` +
        " (the browser's own parsing and layout)",
    );
    // A long task that ran after the content script started may still be mostly the browser's: the one that ends
    // its parsing also runs the DOMContentLoaded handlers. The content script times its own tasks (including the
    // rendering it runs in them, not the browser's layout afterwards).
    const own = synth.ownTaskMs.flatMap((v) => (v === null ? [] : [v]));
    const maxOwn = maxOf(own);
    print(
      `  the extension's own longest task (data-kvl-task-ms, per load): ` +
        (own.length
          ? `median ${fmtMs(median(own))} ms, max ${fmtMs(maxOwn)} ms over ${own.length} load(s)` +
            ` (none > ${GOAL_LONG_TASK_MS} ms: ${verdict(maxOwn !== null && maxOwn <= GOAL_LONG_TASK_MS)})`
          : 'not reported'),
    );

    // What the content scripts cost where they run, and where they do not: the script's evaluation at document_start
    // (compiled whole then, by the compile hint in wxt.config.ts), from a trace, on a document page and on a Kamerstuk
    // page (where the match patterns inject nothing).
    const evaluation = await scriptEvaluationMs(browser.context, siteUrl(`${SAMPLE_ID}.html`));
    const elsewhere = await scriptEvaluationMs(browser.context, siteUrl(OTHER_PAGE));
    print(
      `\ncontent script evaluation at document_start on a document page (${SAMPLE_ID}.html, trace, ` +
        `${evaluation.length} loads): median ${fmtMs(evaluation.length ? median(evaluation) : null)} ms` +
        ' (all its functions compiled then, by the compile hint)',
    );
    print(
      `on a page of the site that is not a document (${OTHER_PAGE}): ` +
        (elsewhere.length === 0
          ? `0 ms, nothing injected in ${RUNS} loads: ${verdict(true)}`
          : `injected in ${elsewhere.length} of ${RUNS} loads, median ${fmtMs(median(elsewhere))} ms: ${verdict(false)}`),
    );

    return {
      chromium,
      scriptEvaluationMs: evaluation.map((v) => round(v, 1)),
      scriptEvaluationElsewhereMs: elsewhere.map((v) => round(v, 1)),
      network: NETWORK,
      userAgent,
      runs: RUNS,
      pages: rows.map((r) => ({
        name: r.name,
        url: siteUrl(r.path),
        bytes: r.bytes,
        pairs: r.pairs,
        readyMs: r.extension.ready ? timingJson(r.extension.ready) : null,
        readyMsAllAtOnce: (() => {
          const once = atOnce.find((x) => x.path === r.path)?.extension.ready;
          return once ? timingJson(once) : null;
        })(),
        ratioAllAtOnce: round(
          (() => {
            const once = atOnce.find((x) => x.path === r.path);
            return once ? pageRatio(once) : null;
          })(),
        ),
        extensionMs: r.extension.timing ? timingJson(r.extension.timing) : null,
        allPairsMs: r.extension.complete ? timingJson(r.extension.complete) : null,
        extensionLoads: r.extension.loads,
        parseMs: round(r.extension.parseMs),
        longestTaskMs: round(r.extension.longestTaskMs, 1),
        longestTaskAfterScriptStartMs: r.extension.longestAfterStart.map((v) => round(v, 1)),
        settingsWaitMs: r.extension.waitMs.map((v) => round(v, 1)),
        statuses: r.extension.statuses,
        readabilityMs: timingJson(r.readability.timing),
        readabilityChars: r.readability.chars,
        ratio: round(pageRatio(r)),
      })),
      largestFixture: largestGoal,
      everyFixture: { goal: GOAL_RATIO_EVERY, pages: rows.length, within },
      synthetic: {
        pairs: SYNTHETIC_PAIRS,
        bytes: Buffer.byteLength(html),
        url: siteUrl(`${SYNTHETIC_ID}.html`),
        extensionMs: synth.timing ? timingJson(synth.timing) : null,
        allPairsMs: synth.complete ? timingJson(synth.complete) : null,
        parseMs: round(synth.parseMs),
        statuses: synth.statuses,
        longTasksMs: synth.longTasks.map((l) =>
          l ? l.map((t) => ({ start: round(t.start, 1), duration: round(t.duration, 1) })) : null,
        ),
        maxLongTaskMs: round(maxLong, 1),
        maxLongTaskAfterScriptStartMs: round(maxAfterStart, 1),
        maxLongTaskWithoutExtensionMs: round(maxPlain, 1),
        ownTaskMs: synth.ownTaskMs.map((v) => round(v, 1)),
        goalLongTaskMs: GOAL_LONG_TASK_MS,
        goalLongTaskMet: maxAfterStart === null ? null : maxAfterStart <= GOAL_LONG_TASK_MS,
      },
    };
  } finally {
    await browser.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

interface SizeRow {
  file: string;
  bytes: number;
  gzip: number;
}

/** The built files that load with the page, the popup and the background, raw and gzipped (level 9). */
function bundleSizes(): SizeRow[] {
  const list = (dir: string, pattern: RegExp) =>
    existsSync(join(CHROME_BUILD_DIR, dir))
      ? readdirSync(join(CHROME_BUILD_DIR, dir))
          .filter((f) => pattern.test(f))
          .sort()
          .map((f) => `${dir}/${f}`)
      : [];
  const files = [
    ...list('content-scripts', /\.(js|css)$/),
    ...list('chunks', /\.js$/),
    ...list('assets', /\.css$/),
    'popup.html',
    'background.js',
  ].filter((f) => existsSync(join(CHROME_BUILD_DIR, f)));
  return files.map((file) => {
    const body = readFileSync(join(CHROME_BUILD_DIR, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

function printSizes(ctx: BenchContext, rows: SizeRow[]): Record<string, unknown> {
  ctx.print('\nBuilt files (.output/chrome-mv3), gzip = zlib level 9:\n');
  ctx.print(
    renderTable(
      [{ header: 'file' }, { header: 'KB', align: 'right' }, { header: 'gzip KB', align: 'right' }],
      rows.map((r) => [r.file, fmtKb(r.bytes), fmtKb(r.gzip)]),
    ),
  );
  // What every page of the site loads: the content script proper and the early script before it (its settings read).
  const scripts = rows.filter((r) => r.file.startsWith('content-scripts/') && r.file.endsWith('.js'));
  const content = scripts.length
    ? {
        names: scripts.map((r) => r.file.slice('content-scripts/'.length)).join(' + '),
        bytes: scripts.reduce((n, r) => n + r.bytes, 0),
        gzip: scripts.reduce((n, r) => n + r.gzip, 0),
      }
    : null;
  if (content) {
    const kb = content.gzip / 1024;
    // KB = 1,024 bytes here, as in the table; the byte count tells how it stands against 25,000 too.
    ctx.print(
      `content script (${content.names}, each gzipped): ${fmtKb(content.bytes)} KB raw, ${kb.toFixed(1)} KB gzipped ` +
        `(${content.gzip} bytes; goal <= ${GOAL_CONTENT_GZIP_KB} KB gzipped): ${verdict(kb <= GOAL_CONTENT_GZIP_KB)}` +
        (content.gzip > GOAL_CONTENT_GZIP_KB * 1000 ? `, though over ${GOAL_CONTENT_GZIP_KB},000 bytes` : ''),
    );
  } else {
    ctx.print('content script: no content-scripts/*.js in the build');
  }
  return {
    files: rows,
    contentScriptGzipKb: content ? round(content.gzip / 1024, 2) : null,
    goalGzipKb: GOAL_CONTENT_GZIP_KB,
  };
}

async function run(ctx: BenchContext): Promise<unknown> {
  const { chromium, skipped } = browserOrSkip(ctx);

  let browserResults: Record<string, unknown> | null = null;
  if (skipped || !chromium) {
    ctx.print(`Browser measurements skipped: ${skipped}`);
  } else {
    browserResults = await measureInBrowser(ctx, chromium);
  }
  // Sizes need only the build, not a browser.
  const hasBuild = ensureBuild(ctx).ok && existsSync(join(CHROME_BUILD_DIR, 'manifest.json'));
  const sizes = hasBuild ? printSizes(ctx, bundleSizes()) : null;
  return { skipped, ...browserResults, sizes };
}

export const pageSection: BenchSection = {
  name: 'page',
  title: 'Built extension in Chromium vs Readability; bundle sizes',
  run,
};
