// The background's copy of the whole list in memory, for the badge and the popup's preview after every change: read
// from storage once, then kept current from the change events. Without it every change meant reading the whole list
// again (about 2 s at 15,000 entries), and the one writer's next operation waited behind that read.

import type { ReadingEntry } from './entry';
import { listEntries, watchEntries } from './store';

export interface ListMirror {
  /** Every valid entry, as stored now (read once, on first use) */
  entries(): Promise<ReadingEntry[]>;
  stop(): void;
}

/** `onChange` runs after every change of the list (anywhere), once the copy has it. */
export function listMirror(onChange: () => void): ListMirror {
  let list: Map<string, ReadingEntry> | null = null;
  let loading: Promise<Map<string, ReadingEntry>> | null = null;
  // Changes that arrive while the first read is under way: applied to it when it is in (newest last).
  const early: Map<string, ReadingEntry | null>[] = [];
  const apply = (to: Map<string, ReadingEntry>, changed: Map<string, ReadingEntry | null>) => {
    for (const [key, entry] of changed) {
      if (entry) to.set(key, entry);
      else to.delete(key);
    }
  };
  const stop = watchEntries((changed) => {
    if (list) apply(list, changed);
    else early.push(changed);
    onChange();
  });
  const load = () => {
    loading ??= listEntries().then((all) => {
      const map = new Map(all.map((e) => [e.key, e]));
      for (const changed of early) apply(map, changed);
      early.length = 0;
      list = map;
      return map;
    });
    return loading;
  };
  return {
    entries: async () => [...(await load()).values()],
    stop,
  };
}
