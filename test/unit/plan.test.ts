// The stepper of the content script's schedule (utils/reading-view/plan.ts): order, tasks, waits, stops and failures.

import { afterEach, describe, expect, it } from 'vitest';
import { type PlanHooks, runPlan, type Step } from '../../utils/reading-view/plan';

const nextTasks = () => new Promise((resolve) => setTimeout(resolve, 20));

function recorder() {
  const log: string[] = [];
  const hooks: PlanHooks = {
    failed: (step, err) => log.push(`failed ${step}: ${(err as Error).message}`),
    done: (completed) => log.push(`done ${completed}`),
  };
  const step = (name: string, extra: Partial<Step> = {}): Step => ({
    name,
    run() {
      log.push(name);
      return undefined;
    },
    ...extra,
  });
  return { log, hooks, step };
}

afterEach(() => {
  delete document.documentElement.dataset.kvlTaskMs;
});

describe('runPlan', () => {
  it('runs the steps in order, in the task it was called in, and says it completed', () => {
    const { log, hooks, step } = recorder();
    runPlan([step('a'), step('b'), step('c')], hooks);
    expect(log).toEqual(['a', 'b', 'c', 'done true']);
    expect(document.documentElement.dataset.kvlTaskMs).toMatch(/^\d+\.\d$/);
  });

  it('starts a step that asks for it in a task of its own, and runs a step again in later tasks while it asks', async () => {
    const { log, hooks, step } = recorder();
    let slices = 0;
    runPlan(
      [
        step('a'),
        step('slices', {
          ownTask: () => true,
          run() {
            slices++;
            log.push(`slice ${slices}`);
            return slices < 3 ? 'again' : undefined;
          },
        }),
        step('b'),
      ],
      hooks,
    );
    expect(log).toEqual(['a']);
    await nextTasks();
    expect(log).toEqual(['a', 'slice 1', 'slice 2', 'slice 3', 'b', 'done true']);
  });

  it('waits for a step that returns a promise; a failed wait ends the plan through `failed`', async () => {
    const { log, hooks, step } = recorder();
    let release: () => void = () => {};
    runPlan(
      [step('a'), step('wait', { run: () => new Promise<void>((r) => (release = r)) }), step('b')],
      hooks,
    );
    await nextTasks();
    expect(log).toEqual(['a']);
    release();
    await nextTasks();
    expect(log).toEqual(['a', 'b', 'done true']);

    const second = recorder();
    runPlan(
      [
        second.step('a'),
        second.step('wait', { run: () => Promise.reject(new Error('nee')) }),
        second.step('b'),
      ],
      second.hooks,
    );
    await nextTasks();
    expect(second.log).toEqual(['a', 'failed wait: nee']);
  });

  it('a step that stops the plan ends it: no later step, no failure, and no trace on the page', () => {
    const { log, hooks, step } = recorder();
    runPlan([step('detect', { run: () => 'stop' }), step('b')], hooks);
    expect(log).toEqual(['done false']);
    expect(document.documentElement.hasAttribute('data-kvl-task-ms')).toBe(false);
  });

  it('a later step that throws ends the plan through `failed`, named; the first one throws to the caller', async () => {
    const { log, hooks, step } = recorder();
    const boom = (): undefined => {
      throw new Error('kapot');
    };
    runPlan([step('a'), step('b', { run: boom }), step('c')], hooks);
    expect(log).toEqual(['a', 'failed b: kapot']);
    const later = recorder();
    runPlan(
      [later.step('a'), later.step('b', { ownTask: () => true, run: boom }), later.step('c')],
      later.hooks,
    );
    await nextTasks();
    expect(later.log).toEqual(['a', 'failed b: kapot']);
    const first = recorder();
    expect(() => runPlan([first.step('a', { run: boom }), first.step('b')], first.hooks)).toThrow('kapot');
    expect(first.log).toEqual([]);
  });
});
