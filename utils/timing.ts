// Every time the content script reports about a page, in one place: attributes on <html> that the bench and the tests
// read. The browser's own timing cannot tell our share of a task from the page's (e.g. in the task that ends its
// parsing at DOMContentLoaded), so the script notes its own.
//   data-kvl-parse-ms     from the script's start until the page was read (parsed)
//   data-kvl-wait-ms      how long the view waited for the settings, when they were not in yet
//   data-kvl-ms           from the start (or the reader's click) until the view was on the page
//   data-kvl-complete-ms  … until every pair was in
//   data-kvl-task-ms      the longest task of ours (work and the rendering it ran synchronously, not layout)

export type Mark = 'parse' | 'wait' | 'shown' | 'complete';

const ATTRIBUTES: Record<Mark, string> = {
  parse: 'kvlParseMs',
  wait: 'kvlWaitMs',
  shown: 'kvlMs',
  complete: 'kvlCompleteMs',
};

/** Notes the time since `since` (a performance.now() time) as `mark`. */
export function mark(name: Mark, since: number): void {
  document.documentElement.dataset[ATTRIBUTES[name]] = (performance.now() - since).toFixed(2);
}

let longest = 0;

/** Notes a task of ours that took `ms`. */
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
