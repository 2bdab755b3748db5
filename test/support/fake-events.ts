// Events of fakeBrowser for a test to fire: the listeners a module adds are caught (spied on addListener) and called
// by the test, which sees what each one returns. For events fakeBrowser implements the listeners are added there too;
// for those it does not (contextMenus.onClicked, commands.onCommand) only the test has them.

import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;
interface BrowserEvent {
  addListener(listener: never): void;
}

export interface CaughtEvent {
  /** The listeners added since `catchEvent`, in order */
  listeners(): Listener[];
  /** Calls every listener with `args`; returns what each one returned (a promise is an answer, not awaited) */
  fire(...args: unknown[]): unknown[];
}

/** Catches the listeners added to `event` from now on; `own`: fakeBrowser does not implement the event. */
export function catchEvent(event: BrowserEvent, own = false): CaughtEvent {
  const spy = vi.spyOn(event, 'addListener');
  if (own) spy.mockImplementation(() => {});
  const listeners = () => spy.mock.calls.map(([l]) => l as unknown as Listener);
  return {
    listeners,
    fire: (...args) => listeners().map((l) => (l as (...a: unknown[]) => unknown)(...args)),
  };
}

/** What a runtime message gets: how many listeners answered it (returned something) and the first answer. */
export async function answerOf(results: unknown[]): Promise<{ answers: number; response: unknown }> {
  const answering = results.filter((r) => r !== undefined);
  return { answers: answering.length, response: await answering[0] };
}
