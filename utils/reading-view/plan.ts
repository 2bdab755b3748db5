// One explicit schedule: an ordered list of named steps and one stepper that runs them. A step runs in the task the
// step before it ended in, or in a task of its own (`ownTask`); it may ask to run again in a next task (a slice of a
// long job), to stop the plan (the page is not ours), or to wait for something (a promise; the view filling in). The
// first step is unguarded (it only looks); a later step that throws, or whose wait fails, ends the plan through
// `failed`, which puts the page back. Every task the stepper runs is timed (./timing.ts).

import { nextTask } from '../next-task';
import { noteTask, timedTask } from '../timing';

export type StepResult = undefined | 'again' | 'stop' | Promise<unknown>;

export interface Step {
  name: string;
  /**
   * Start in a task of its own (the browser may lay out and paint before it) instead of right after the last step;
   * asked when the step is due.
   */
  ownTask?: () => boolean;
  run(): StepResult;
}

export interface PlanHooks {
  /** A step after the first failed: `step` is its name. No step runs after this. */
  failed(step: string, error: unknown): void;
  /** The plan ran to its end (true), or a step stopped it (false). */
  done(completed: boolean): void;
}

/** Runs `steps` in order, starting now in the current task. */
export function runPlan(steps: readonly Step[], hooks: PlanHooks): void {
  let ended = false;
  let stopped = false;
  const fail = (step: Step, error: unknown) => {
    if (ended) return;
    ended = true;
    hooks.failed(step.name, error);
  };
  /** Runs steps from `i` on in this task, until one waits, asks for a task of its own, or the plan ends. */
  const from = (i: number, first: boolean) => {
    for (let at = i; at < steps.length; at++) {
      const step = steps[at];
      if (!(first && at === i) && step.ownTask?.()) return nextTask(() => task(at));
      first = false;
      let result: StepResult;
      try {
        result = step.run();
      } catch (error) {
        if (at === 0) throw error;
        return fail(step, error);
      }
      if (result === 'stop') {
        ended = true;
        stopped = true;
        return hooks.done(false);
      }
      if (result === 'again') return nextTask(() => task(at));
      if (result instanceof Promise) {
        result.then(
          () => task(at + 1),
          (error) => fail(step, error),
        );
        return;
      }
    }
    ended = true;
    hooks.done(true);
  };
  const task = (i: number) => {
    if (ended) return;
    if (i >= steps.length) {
      ended = true;
      return hooks.done(true);
    }
    timedTask(() => from(i, true));
  };
  // The first task is timed only when the page is ours: a page the first step stops at keeps no trace of the script.
  const start = performance.now();
  from(0, true);
  if (!stopped) noteTask(performance.now() - start);
}
