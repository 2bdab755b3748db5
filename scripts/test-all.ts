// `npm test`: every check in order, each step run even when an earlier one failed (unless it needs it), then a summary.
// Writes .test-steps.json (step results) and the vitest JSON reports; scripts/ci-summary.mjs counts them.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_HELP, findChromium } from '../test/e2e/support/chromium';
import { FIREFOX_HELP, findFirefox } from '../test/e2e/support/firefox';
import { REPO_ROOT } from '../test/e2e/support/paths';
import { MINIMUM_VERSIONS } from '../utils/browsers';

type Status = 'pending' | 'passed' | 'failed';

interface Step {
  name: string;
  /** npm run <script> [-- args] */
  script?: string;
  args?: string[];
  check?: (step: Step) => boolean;
  /** Steps that must have passed for this one to mean anything. */
  needs?: string[];
  /** Vitest JSON report this step writes. */
  report?: string;
  /** Minutes before the step is killed and counted as failed (a hung test must not hang CI). */
  limit?: number;
  status: Status;
  seconds?: number;
  note?: string;
}

const vitestJson = (file: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`];

const steps: Step[] = [
  {
    name: 'chromium',
    check: (step) => browserPresent(step, 'Chromium', findChromium, CHROMIUM_HELP, MINIMUM_VERSIONS.chrome),
    status: 'pending',
  },
  {
    name: 'firefox',
    check: (step) => browserPresent(step, 'Firefox', findFirefox, FIREFOX_HELP, MINIMUM_VERSIONS.firefox),
    status: 'pending',
  },
  { name: 'typecheck', script: 'typecheck', status: 'pending' },
  { name: 'lint', script: 'lint', status: 'pending' },
  {
    name: 'unit tests',
    script: 'test:unit',
    args: vitestJson('.vitest-unit.json'),
    report: '.vitest-unit.json',
    limit: 10,
    status: 'pending',
  },
  { name: 'build chrome', script: 'build', status: 'pending' },
  { name: 'build firefox', script: 'build:firefox', status: 'pending' },
  { name: 'web-ext lint', script: 'lint:firefox', needs: ['build firefox'], status: 'pending' },
  {
    name: 'e2e tests',
    script: 'test:e2e',
    args: vitestJson('.vitest-e2e.json'),
    report: '.vitest-e2e.json',
    needs: ['chromium', 'build chrome'],
    limit: 15,
    status: 'pending',
  },
  {
    name: 'firefox e2e',
    script: 'test:e2e:firefox',
    args: vitestJson('.vitest-e2e-firefox.json'),
    report: '.vitest-e2e-firefox.json',
    needs: ['firefox', 'build firefox'],
    limit: 10,
    status: 'pending',
  },
];

/**
 * A browser step: found (its path and version printed, and kept as the step's note for the summary: the end-to-end
 * tests ran on that version), or a failure with how to get it, never a skip.
 */
function browserPresent(
  step: Step,
  name: string,
  find: () => string | null,
  help: string,
  minimum: number,
): boolean {
  try {
    const found = find();
    if (found) {
      const version = browserVersion(found);
      step.note = `${version ?? `${name}, version unknown`} (declared minimum ${minimum})`;
      console.log(`${name}: ${found}, ${step.note}`);
      const major = Number(/(\d+)\./.exec(version ?? '')?.[1]);
      if (major < minimum) console.warn(`${name} ${major} is older than the declared minimum ${minimum}.`);
      return true;
    }
    console.error(`\n${help}\nThe ${name} end-to-end tests need it; they are not skipped.\n`);
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : err}\n${help}\n`);
  }
  return false;
}

/** "Chromium 156.0.8078.129", "Mozilla Firefox 153.8.0esr": what the executable says of itself. */
function browserVersion(executable: string): string | null {
  const out = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  const line = (out.stdout ?? '').split('\n').find((l) => /\d+\.\d+/.test(l));
  return line ? line.replace(/\s+built on.*$/, '').trim() : null;
}

const STEPS_FILE = join(REPO_ROOT, '.test-steps.json');
function save(): void {
  const out = steps.map(({ name, report, status, seconds, note }) => ({
    name,
    report,
    status,
    seconds,
    note,
  }));
  writeFileSync(STEPS_FILE, `${JSON.stringify({ steps: out }, null, 2)}\n`);
}

// Old reports must not count for this run.
for (const file of [
  '.test-steps.json',
  '.vitest-unit.json',
  '.vitest-e2e.json',
  '.vitest-e2e-firefox.json',
]) {
  rmSync(join(REPO_ROOT, file), { force: true });
}
save();

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let running: ChildProcess | null = null;

/** Kills a step and everything it started (it runs in its own process group). */
function killStep(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running) killStep(running);
    process.exit(130);
  });
}

/** Runs `npm run <script> [-- args]`; resolves to an error note, or null when it passed. */
function runScript(step: Step): Promise<string | null> {
  const args = ['run', step.script ?? step.name, ...(step.args?.length ? ['--', ...step.args] : [])];
  const minutes = step.limit ?? 5;
  return new Promise((resolve) => {
    const child = spawn(npm, args, {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      detached: process.platform !== 'win32',
    });
    running = child;
    const timer = setTimeout(() => {
      console.error(`\n✖ ${step.name}: still running after ${minutes} min, killed`);
      killStep(child);
      resolve(`killed after ${minutes} min`);
    }, minutes * 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      running = null;
      resolve(code === 0 ? null : `exit ${code ?? signal}`);
    });
  });
}
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const missing = (step.needs ?? []).filter((n) => steps.find((s) => s.name === n)?.status !== 'passed');
  if (missing.length) {
    step.status = 'failed';
    step.note = `not run: ${missing.join(', ')} failed`;
    console.error(`✖ ${step.name}: ${step.note}`);
    save();
    continue;
  }
  const started = performance.now();
  let ok: boolean;
  if (step.check) {
    ok = step.check(step);
  } else {
    const error = await runScript(step);
    ok = error === null;
    if (error) step.note = error;
  }
  step.seconds = Math.round((performance.now() - started) / 100) / 10;
  step.status = ok ? 'passed' : 'failed';
  save();
}

console.log('\n━━ summary ━━');
for (const step of steps) {
  const mark = step.status === 'passed' ? '✔' : '✖';
  const time = step.seconds === undefined ? '' : ` (${step.seconds} s)`;
  console.log(`${mark} ${step.name}${time}${step.note ? ` — ${step.note}` : ''}`);
}
spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ci-summary.mjs')], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
});
process.exit(steps.every((s) => s.status === 'passed') ? 0 : 1);
