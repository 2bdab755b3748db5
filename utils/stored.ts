// The extension's storage, straight on browser.storage (webextension-polyfill): the values declared in
// utils/storage.ts to read, write and watch, and the few area calls the reading list needs. All the extension uses of a storage wrapper, without one: the content
// script no longer carries @wxt-dev/storage and its lock library (3.3 KB of its 26 KB gzipped).

import { browser } from '#imports';
import type { Area, Declared } from './storage';

/** A declared value to read, write and watch; missing (or set to null) reads as its fallback. */
export interface StoredValue<T> extends Declared<T> {
  getValue(): Promise<T>;
  /** null removes the value (it reads as the fallback again) */
  setValue(value: T | null): Promise<void>;
  /** Calls `cb` with the new value whenever it changes (in any context); returns the unsubscribe function. */
  watch(cb: (value: T) => void): () => void;
}

export function storedValue<T>({ key, fallback, area }: Declared<T>): StoredValue<T> {
  const read = (v: unknown) => (v === undefined || v === null ? fallback : (v as T));
  return {
    area,
    key,
    fallback,
    getValue: async () => read((await browser.storage[area].get(key))[key]),
    setValue: (value) =>
      value === null ? browser.storage[area].remove(key) : browser.storage[area].set({ [key]: value }),
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, changed: string) => {
        if (changed === area && key in changes) cb(read(changes[key].newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

type Values<T extends readonly StoredValue<unknown>[]> = {
  [K in keyof T]: T[K] extends StoredValue<infer V> ? V : never;
};

/**
 * Several local values in ONE storage read, in the order asked. `read` is that read when it was started already
 * (utils/early-read.ts): it must have asked for every key of `values`.
 */
export async function getValues<const T extends readonly StoredValue<unknown>[]>(
  values: T,
  read?: Promise<Record<string, unknown>> | null,
): Promise<Values<T>> {
  const got = await (read ?? browser.storage.local.get(values.map((v) => v.key)));
  return values.map((v) => {
    const x = got[v.key];
    return x === undefined || x === null ? v.fallback : x;
  }) as Values<T>;
}

/** Every key and value in an area. */
export function snapshot(area: Area): Promise<Record<string, unknown>> {
  return browser.storage[area].get(null);
}

/** The values of some keys of an area (absent keys are left out). */
export function getKeys(area: Area, keys: string[]): Promise<Record<string, unknown>> {
  return keys.length ? browser.storage[area].get(keys) : Promise.resolve({});
}

export function setKeys(area: Area, values: Record<string, unknown>): Promise<void> {
  return browser.storage[area].set(values);
}

export function removeKeys(area: Area, keys: string | string[]): Promise<void> {
  return browser.storage[area].remove(keys);
}
