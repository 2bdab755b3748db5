// What every bench section gets (the command-line choices, output, the one extension build), and Chromium with the
// extension: the e2e tests' own launcher and fixture server (test/e2e/support), so the bench loads pages as they do.
import { spawnSync } from 'node:child_process';
import { type ExtensionBrowser, launchWithExtension } from '../../test/e2e/support/extension';
import { REPO_ROOT } from '../../test/e2e/support/paths';

export interface BenchContext {
  /** Run `wxt build` before measuring the built extension (false with --no-build) */
  build: boolean;
  print(text?: string): void;
  /** Set by ensureBuild, so sections that need the build share one */
  buildResult?: BuildResult;
}

export interface BuildResult {
  /** The build ran and succeeded, or was skipped on request */
  ok: boolean;
  ran: boolean;
  seconds?: number;
  /** Why it failed (the end of wxt's output) */
  error?: string;
}

export interface BenchSection {
  /** The name --only takes */
  name: string;
  title: string;
  /** Prints its table(s) and returns the same figures for bench-results.json. */
  run(ctx: BenchContext): Promise<unknown>;
}

/** `npx wxt build` once per bench run (unless --no-build); wxt's own output is only shown when it fails. */
export function ensureBuild(ctx: BenchContext): BuildResult {
  if (ctx.buildResult) return ctx.buildResult;
  if (!ctx.build) {
    ctx.print('wxt build: skipped (--no-build), measuring the existing .output/chrome-mv3');
    ctx.buildResult = { ok: true, ran: false };
    return ctx.buildResult;
  }
  const t0 = performance.now();
  const run = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status === 0) {
    ctx.print(`wxt build: ok in ${seconds.toFixed(1)} s`);
    ctx.buildResult = { ok: true, ran: true, seconds };
  } else {
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
    const tail = output.trimEnd().split('\n').slice(-25).join('\n');
    ctx.print(`wxt build: FAILED (exit ${run.status ?? 'none'}) after ${seconds.toFixed(1)} s\n${tail}`);
    ctx.buildResult = { ok: false, ran: true, seconds, error: tail };
  }
  return ctx.buildResult;
}

/**
 * Runs `measure` in Chromium with the built extension (built first when the run asks for it) and returns its figures
 * with the browser's name; without a build or a Chromium it says why and returns that as `skipped`.
 */
export async function inChromium<T extends object>(
  ctx: BenchContext,
  measure: (browser: ExtensionBrowser) => Promise<T>,
): Promise<(T & { chromium: string; userAgent: string }) | { skipped: string }> {
  let browser: ExtensionBrowser;
  try {
    if (!ensureBuild(ctx).ok) throw new Error('the build failed (see above)');
    browser = await launchWithExtension();
  } catch (err) {
    const skipped = err instanceof Error ? err.message : String(err);
    ctx.print(`Browser measurements skipped: ${skipped}`);
    return { skipped };
  }
  try {
    const page = await browser.context.newPage();
    const userAgent = await page.evaluate(() => navigator.userAgent);
    await page.close();
    const chromium = browser.executablePath;
    ctx.print(`Chromium: ${chromium} (${/Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent}), headless`);
    return { chromium, userAgent, ...(await measure(browser)) };
  } finally {
    await browser.close();
  }
}
