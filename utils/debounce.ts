// One job, run a while after the last call that asked for it.

import { warn } from './warn';

/**
 * Runs `fn` `ms` after the last call, one run at a time: a call during a run starts one more run after it, so the
 * last run always saw the last change (an older run can never finish after a newer one and overwrite it).
 */
export function debounce(fn: () => Promise<unknown>, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = fn()
      .catch(warn)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
}
