// The extension's own longest task on a page, for the bench: <html data-kvl-task-ms> (the browser's long-task
// timing cannot tell our share of a task from the page's, e.g. in the task that ends its parsing at DOMContentLoaded).

let longest = 0;

/** Notes a task of ours that took `ms` (work and the rendering it ran synchronously, not the browser's layout). */
export function noteTask(ms: number): void {
  if (ms <= longest) return;
  longest = ms;
  document.documentElement.dataset.kvlTaskMs = ms.toFixed(1);
}

/** Runs `job` as one task of ours, timed. */
export function timedTask<T>(job: () => T): T {
  const start = performance.now();
  try {
    return job();
  } finally {
    noteTask(performance.now() - start);
  }
}
