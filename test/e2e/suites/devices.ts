// The reading list on two devices: two browser profiles, each with the built extension, their storage.sync areas
// copied from one to the other as the transport (what the browser's sync service does). Edits go in as the popup and
// the pages send them (the list's one writer in the background), and the extension's own sync does the rest.
// Tags added on both devices at once both survive. Also a large list: a 15,000-entry export imported through the
// options page, then a save from a page.
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchEntries } from '../../../scripts/bench/popup';
import type { ReadingEntry } from '../../../utils/reading-list/entry';
import { liveTags } from '../../../utils/reading-list/tags';
import type { BrowserDriver, PageDriver } from '../support/driver';
import { savedEntry } from '../support/entries';
import { SAMPLE_ID, siteUrl } from '../support/extension';

const API = '(globalThis.browser ?? globalThis.chrome)';
// Eerste Kamer ids: the 15,000 imported entries below are Tweede Kamer ones, so none shares a key with these.
const ID = (n: number) => `ah-ek-20232024-${n}`;
const [X, Y, Z, W, BIG] = [ID(2101), ID(2102), ID(2103), ID(2104), ID(2105)];
const NEWER = ID(2199);
const HOSTILE = '<script>&amp; "quotes" \\ back\u2028line\u2029para 😀 👩🏽‍⚖️ </b>&';

interface Device {
  driver: BrowserDriver;
  /** An extension page, to send list operations from as the popup does */
  page: PageDriver;
}

async function op(d: Device, operation: Record<string, unknown>): Promise<unknown> {
  return d.page.evaluate(
    `${API}.runtime.sendMessage({ type: 'kvl:list-op', op: ${JSON.stringify(operation)} })`,
  );
}
const syncArea = (d: Device) =>
  d.driver.inExtension<Record<string, unknown>>(`${API}.storage.sync.get(null)`);
const item = async (d: Device, id: string) => (await d.driver.storage())[`kvl-item:${id}`] as ReadingEntry;

/** Waits until the device's sync area stopped changing (its pushes are debounced by 2 s). */
async function settled(d: Device): Promise<Record<string, unknown>> {
  let last = JSON.stringify(await syncArea(d));
  for (let i = 0; i < 12; i++) {
    await new Promise((r) => setTimeout(r, 2600));
    const now = JSON.stringify(await syncArea(d));
    if (now === last) return JSON.parse(now);
    last = now;
  }
  throw new Error('sync area kept changing');
}

/** The sync service: `to`'s sync area becomes `from`'s (as after `from` was the last to write every key). */
async function carry(from: Device, to: Device): Promise<void> {
  const items = await settled(from);
  await to.driver.inExtension(
    `${API}.storage.sync.clear().then(() => ${API}.storage.sync.set(${JSON.stringify(items)})).then(() => true)`,
  );
}

async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  what: string,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function devicesSuite(launch: () => Promise<BrowserDriver>): void {
  describe('the reading list on two devices (two profiles, storage.sync copied between them)', () => {
    let a: Device;
    let b: Device;

    beforeAll(async () => {
      const [da, db] = await Promise.all([launch(), launch()]);
      a = { driver: da, page: await da.openPopup() };
      b = { driver: db, page: await db.openPopup() };
      for (const d of [a, b])
        await d.driver.inExtension(
          `${API}.storage.sync.clear().then(() => ${API}.storage.local.set({ syncEnabled: true })).then(() => true)`,
        );
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a?.driver.close(), b?.driver.close()]);
    });

    it('hostile notes arrive intact, a lone surrogate as U+FFFD; one entry over 8 KB stays on its device, reported, and blocks nothing', async () => {
      for (const [id, note] of [
        [X, HOSTILE],
        [Y, ''],
        [Z, 'wordt verwijderd'],
        [W, 'half \ud800 teken'],
        [BIG, '€'.repeat(4000)], // 12 KB in UTF-8, as both browsers count it
      ] as const)
        await op(a, { op: 'add', entry: savedEntry(id, note), now: Date.now() });
      await carry(a, b);
      const got = await until(
        () => b.driver.storage(),
        (s) => [X, Y, Z, W].every((id) => `kvl-item:${id}` in s),
        'the entries on the second device',
      );
      expect((got[`kvl-item:${X}`] as ReadingEntry).note).toBe(HOSTILE);
      expect((got[`kvl-item:${W}`] as ReadingEntry).note).toBe('half \ufffd teken');
      expect(got).not.toHaveProperty(`kvl-item:${BIG}`);
      const status = (await a.driver.storage())['kvl-sync-status'];
      expect(status).toMatchObject({ ok: false, synced: 4, notSynced: 1, problem: 'quota' });
      expect(a.page.errors).toEqual([]);
    });

    it('a note written on one device and "read" set on the other at the same time both survive; removals and read flags travel', async () => {
      await Promise.all([
        op(a, { op: 'note', key: Y, note: 'op de laptop geschreven', now: Date.now() }),
        op(a, { op: 'remove', key: Z, now: Date.now() }),
        op(b, { op: 'read', key: Y, read: true, now: Date.now() }),
        op(b, { op: 'read', key: X, read: true, now: Date.now() }),
      ]);
      await settled(b);
      await carry(a, b);
      await until(
        () => item(b, Y),
        (e) => e?.note === 'op de laptop geschreven',
        'the note on the second device',
      );
      await carry(b, a);
      for (const d of [a, b]) {
        const s = await until(
          () => d.driver.storage(),
          (s) => !(`kvl-item:${Z}` in s) && (s[`kvl-item:${X}`] as ReadingEntry)?.read === true,
          'the removal and the read flag',
        );
        expect(s[`kvl-item:${Y}`]).toMatchObject({ note: 'op de laptop geschreven', read: true });
        expect(s[`kvl-item:${X}`]).toMatchObject({ note: HOSTILE, read: true });
        expect(s).not.toHaveProperty(`kvl-item:${Z}`);
      }
      // and the removed entry does not come back from the other device's older copy
      await carry(a, b);
      await new Promise((r) => setTimeout(r, 3000));
      expect(await b.driver.storage()).not.toHaveProperty(`kvl-item:${Z}`);
    });

    it('a tag added on each device at the same time: both keep both; a removal on one reaches the other', async () => {
      const tagsOf = (e: ReadingEntry | undefined) => liveTags(e?.tags).join(', ');
      await Promise.all([
        op(a, { op: 'tag', key: Y, tag: 'Zorg', on: true, now: Date.now() }),
        op(b, { op: 'tag', key: Y, tag: 'Wonen', on: true, now: Date.now() }),
      ]);
      await settled(b);
      await carry(a, b);
      await until(
        () => item(b, Y),
        (e) => tagsOf(e) === 'Wonen, Zorg',
        'both tags on the second device',
      );
      await carry(b, a);
      await until(
        () => item(a, Y),
        (e) => tagsOf(e) === 'Wonen, Zorg',
        'both tags on the first device',
      );
      await op(a, { op: 'tag', key: Y, tag: 'wonen', on: false, now: Date.now() });
      await carry(a, b);
      const there = await until(
        () => item(b, Y),
        (e) => tagsOf(e) === 'Zorg',
        'the removal on the second device',
      );
      expect(there.note).toBe('op de laptop geschreven');
      expect(there.tags?.find((m) => m.label === 'Wonen')).toMatchObject({ removed: true });
    });

    it("a newer version's fields survive a round trip through this version; its records are left as they are", async () => {
      // A third device runs a newer version: it wrote a field this version does not know into X's record, and a
      // record of a kind this version cannot read.
      const there = (await syncArea(b))[`kvl-item:${X}`] as ReadingEntry & Record<string, unknown>;
      const at = Math.max(...Object.values(there.stamps)) + 1;
      const withTopics = {
        ...there,
        topics: ['onderwijs', 'begroting'],
        stamps: { ...there.stamps, topics: at },
      };
      const newer = { schema: 3, key: NEWER, id: NEWER, items: [{ a: 1 }] };
      await b.driver.inExtension(
        `${API}.storage.sync.set(${JSON.stringify({ [`kvl-item:${X}`]: withTopics, [`kvl-item:${NEWER}`]: newer })}).then(() => true)`,
      );
      await until(
        () => item(b, X),
        (e) => Array.isArray((e as unknown as { topics?: unknown })?.topics),
        'the field on the second device',
      );
      await op(b, { op: 'note', key: X, note: 'bewerkt door de oudere versie', now: Date.now() });
      await carry(b, a);
      await until(
        () => item(a, X),
        (e) => e?.note === 'bewerkt door de oudere versie',
        'the edit on the first device',
      );
      await op(a, { op: 'read', key: X, read: false, now: Date.now() });
      const remote = await until(
        () => settled(a),
        (s) => (s[`kvl-item:${X}`] as ReadingEntry)?.read === false,
        'the first device pushing its edit',
        40_000,
      );
      expect(remote[`kvl-item:${X}`]).toMatchObject({
        topics: ['onderwijs', 'begroting'],
        note: 'bewerkt door de oudere versie',
        read: false,
        stamps: { topics: at },
      });
      expect(remote[`kvl-item:${NEWER}`]).toEqual(newer);
      expect((await a.driver.storage())[`kvl-item:${X}`]).toMatchObject({
        topics: ['onderwijs', 'begroting'],
      });
    });

    it('after importing 15,000 entries (about 8 MB) through the options page, a save from a page lands and nothing is lost', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kvl-import-'));
      const file = join(dir, 'leeslijst-15000.json');
      const many = benchEntries(15_000, Date.now() - 86_400_000);
      // the options page's export format (utils/reading-list/transfer.ts, which needs the extension's runtime)
      const exported = {
        format: 'kamervragen-lezer/leeslijst',
        version: 2,
        exportedAt: '',
        entries: many,
        kept: [],
      };
      writeFileSync(file, JSON.stringify(exported));
      const bytes = statSync(file).size;
      expect(bytes).toBeGreaterThan(7_000_000);
      const count = (stored: Record<string, unknown>) =>
        Object.keys(stored).filter((k) => k.startsWith('kvl-item:')).length;
      const before = count(await a.driver.storage());
      const options = await a.driver.openExtensionPage('options.html');
      await options.upload('[data-kvl-action="import"]', file);
      expect(
        await options.waitFor<string>(
          `document.querySelector('[data-kvl-import]')?.getAttribute('data-kvl-import')`,
          60_000,
        ),
      ).toBe('ok');
      const page = await a.driver.newPage();
      await page.goto(siteUrl(`${SAMPLE_ID}.html`));
      await page.waitFor(`document.documentElement.dataset.kvlStatus === 'lezer'`);
      const started = Date.now();
      await page.click('[data-kvl-view] .kvl-card [data-kvl-action="save"]');
      const outcome = await page.waitFor<string>(
        `document.querySelector('[data-kvl-view] .kvl-card [data-kvl-saved="${SAMPLE_ID}"]') ? 'saved' : document.querySelector('[data-kvl-view] .kvl-card [data-kvl-error]') ? 'error' : ''`,
        30_000,
      );
      const ms = Date.now() - started;
      expect(outcome).toBe('saved');
      const stored = await a.driver.storage();
      for (const e of many.slice(0, 50)) expect(stored[`kvl-item:${e.key}`]).toEqual(e);
      // what was there (the entries of the tests above), the 15,000 and the sample
      const missing = many.filter((e) => !(`kvl-item:${e.key}` in stored)).map((e) => e.key);
      expect(missing).toEqual([]);
      expect(count(stored)).toBe(before + 15_000 + 1);
      expect(stored[`kvl-item:${SAMPLE_ID}`]).toMatchObject({ key: SAMPLE_ID, partial: false });
      console.log(
        `[${a.driver.name}] import of ${(bytes / 1e6).toFixed(1)} MB / 15,000 entries, then a save from the page: acknowledged in ${ms} ms`,
      );
      expect(page.errors).toEqual([]);
      await page.close();
      await options.close();
    }, 180_000);
  });
}
