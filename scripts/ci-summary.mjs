// Totals for CI: "N passed, N failed" over the steps of `npm test` (.test-steps.json) and the vitest reports they name.
// A step without a result (never ran, crashed, report missing) counts as failed. The last line printed is the total.
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

function readJson(name) {
  try {
    return JSON.parse(readFileSync(new URL(name, root), 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const steps = readJson('.test-steps.json')?.steps;
if (!Array.isArray(steps)) {
  failed += 1;
  console.log('npm test: no .test-steps.json (it did not run): 1 failed');
} else {
  for (const step of steps) {
    if (!step.report) {
      if (step.status === 'passed') passed += 1;
      else failed += 1;
      // The browsers the end-to-end tests ran on, with their versions.
      if (step.name === 'chromium' || step.name === 'firefox')
        console.log(`${step.name}: ${step.note ?? step.status}`);
      continue;
    }
    const report = readJson(step.report);
    if (!report) {
      failed += 1;
      console.log(`${step.name}: no ${step.report} (it did not run or crashed): 1 failed`);
      continue;
    }
    let stepFailed = report.numFailedTests ?? 0;
    // A file that fails to load has no failed tests but fails the run.
    if (stepFailed === 0 && (report.success === false || step.status !== 'passed')) {
      stepFailed = Math.max(1, report.numFailedTestSuites ?? 0);
    }
    passed += report.numPassedTests ?? 0;
    failed += stepFailed;
    console.log(`${step.name}: ${report.numPassedTests ?? 0} passed, ${stepFailed} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
