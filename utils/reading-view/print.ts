// Printing shows every answer: open all <details> before printing, and restore each one's state after.

export function printAllOpen(view: HTMLElement, signal: AbortSignal): void {
  let closed: HTMLDetailsElement[] = [];
  window.addEventListener(
    'beforeprint',
    () => {
      closed = Array.from(view.querySelectorAll<HTMLDetailsElement>('details.kvl-answer')).filter(
        (d) => !d.open,
      );
      for (const d of closed) d.open = true;
    },
    { signal },
  );
  window.addEventListener(
    'afterprint',
    () => {
      for (const d of closed) d.open = false;
      closed = [];
    },
    { signal },
  );
}
