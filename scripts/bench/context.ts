// What every bench section gets: the command-line choices, output, and the shared (memoised) extension build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_HELP, findChromium } from '../../test/e2e/support/chromium';
import { CHROME_BUILD_DIR, REPO_ROOT } from '../../test/e2e/support/paths';

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
 * The Chromium to measure in, or why the browser sections must be skipped (no Chromium, failed build, no build).
 * Builds first when the run asks for it.
 */
export function browserOrSkip(
  ctx: BenchContext,
): { chromium: string; skipped: null } | { chromium: null; skipped: string } {
  const build = ensureBuild(ctx);
  let chromium: string | null = null;
  try {
    chromium = findChromium();
  } catch (err) {
    return { chromium: null, skipped: err instanceof Error ? err.message : String(err) };
  }
  if (!build.ok) return { chromium: null, skipped: 'the build failed (see above)' };
  if (!existsSync(join(CHROME_BUILD_DIR, 'manifest.json'))) {
    return {
      chromium: null,
      skipped: `there is no extension build in ${CHROME_BUILD_DIR} (run without --no-build)`,
    };
  }
  if (!chromium) return { chromium: null, skipped: CHROMIUM_HELP };
  return { chromium, skipped: null };
}
