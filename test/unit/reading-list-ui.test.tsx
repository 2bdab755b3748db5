// The reading-list views in happy-dom with WXT's fakeBrowser: the page's save controls and the popup's list.

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncNotice } from '../../components/list/PopupSave';
import { ReadingList } from '../../components/list/ReadingList';
import { SaveControls } from '../../components/page/SaveControls';
import type { KamervraagDocument, Pair } from '../../utils/kamervraag/model';
import {
  addEntry,
  entryFromDocument,
  entryFromLink,
  getEntry,
  listEntries,
  liveTags,
  mergeEntries,
  type ReadingEntry,
  resetForTests,
  setTag,
  writePreview,
} from '../../utils/reading-list';
import { syncStatus } from '../../utils/reading-list/sync';

import { copyOf } from '../../utils/saved/copy';
import { copyStamps, deleteCopies, putCopy } from '../../utils/saved/db';
import { fixtureCases, parseFixture } from '../support/fixtures';

const ID = 'ah-tk-20232024-1481';
const URL_BASE = 'https://zoek.officielebekendmakingen.nl';

const pair = (n: number): Pair => ({
  label: `Vraag ${n}`,
  numbers: [n],
  questionLabels: [],
  question: `Vraag nummer ${n}`,
  answerLabel: null,
  answer: 'Ja',
});

const doc = (id = ID): KamervraagDocument & { id: string } => ({
  id,
  kind: 'antwoord',
  chamber: 'tk',
  vergaderjaar: null,
  aanhangselnummer: null,
  subject: 'Onderwerp van de vragen',
  askers: [{ name: 'Jansen' }],
  addressees: [],
  dateSubmitted: null,
  dateReceived: '2024-02-01',
  answeredBy: { role: 'Minister', name: 'Smit', ministry: 'Financiën' },
  questionNumber: null,
  coSigners: [],
  related: [],
  pairs: [pair(1), pair(2)],
  mededeling: null,
  footnotes: [],
  references: [],
  header: [],
  furniture: [],
  unclassified: [],
});

const liveTagsOf = (e: ReadingEntry | null) => liveTags(e?.tags);

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  resetForTests();
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const $ = (sel: string) => root.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => Array.from(root.querySelectorAll<HTMLElement>(sel));
/** A click as the reader makes it: trusted (a page script's `click()` is not, and the page's controls ignore it). */
function trustedClick(el: HTMLElement) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}
async function click(sel: string) {
  const el = $(sel);
  if (!el) throw new Error(`no ${sel}`);
  await act(() => trustedClick(el));
}

describe('save controls on the page', () => {
  it('saves the document, then offers mark read and remove', async () => {
    await act(() => render(<SaveControls doc={doc()} pageUrl={`${URL_BASE}/${ID}.html#x`} />, root));
    await vi.waitFor(() => expect($('[data-kvl-action="save"]')).not.toBeNull());
    await click('[data-kvl-action="save"]');
    await vi.waitFor(() => expect($(`[data-kvl-saved="${ID}"]`)).not.toBeNull());
    expect(await getEntry(ID)).toMatchObject({
      url: `${URL_BASE}/${ID}.html`,
      title: 'Onderwerp van de vragen',
    });
    await click('[data-kvl-action="mark-read"]');
    await vi.waitFor(() => expect($('[data-kvl-saved]')?.dataset.kvlRead).toBe('true'));
    await click('[data-kvl-action="unsave"]');
    await vi.waitFor(() => expect($('[data-kvl-action="save"]')).not.toBeNull());
    expect(await listEntries()).toEqual([]);
  });

  it('saves a single answer of an answer, and a single question of a page of questions without an answer', async () => {
    await act(() =>
      render(<SaveControls doc={doc()} pageUrl={`${URL_BASE}/${ID}.html`} pair={pair(2)} />, root),
    );
    await vi.waitFor(() => expect($('[data-kvl-action="save"]')).not.toBeNull());
    expect($('[data-kvl-action="save"]')?.textContent).toBe('☆ Bewaar antwoord');
    expect($('[data-kvl-action="save"]')?.getAttribute('aria-label')).toBe('Bewaar antwoord: Vraag 2');
    const kv = { ...doc('kv-tk-2024Z01234'), kind: 'vragen' as const };
    await act(() =>
      render(<SaveControls doc={kv} pageUrl={`${URL_BASE}/kv-tk-2024Z01234.html`} pair={pair(2)} />, root),
    );
    await vi.waitFor(() => expect($('[data-kvl-action="save"]')?.textContent).toBe('☆ Bewaar vraag'));
    expect($('[data-kvl-action="save"]')?.getAttribute('aria-label')).toBe('Bewaar vraag: Vraag 2');
  });

  it("ignores a page script's click() (untrusted): nothing saved, marked or removed", async () => {
    await act(() => render(<SaveControls doc={doc()} pageUrl={`${URL_BASE}/${ID}.html`} />, root));
    await vi.waitFor(() => expect($('[data-kvl-action="save"]')).not.toBeNull());
    await act(() => $('[data-kvl-action="save"]')?.click());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await listEntries()).toEqual([]);
    await click('[data-kvl-action="save"]');
    await vi.waitFor(() => expect($(`[data-kvl-saved="${ID}"]`)).not.toBeNull());
    await act(() => $('[data-kvl-action="unsave"]')?.click());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await listEntries()).map((e) => e.id)).toEqual([ID]);
  });

  it('a save the storage refuses (full) says so at the save control, and nothing stored is lost', async () => {
    await addEntry(
      entryFromDocument(doc('ah-tk-20232024-1178'), `${URL_BASE}/ah-tk-20232024-1178.html`, null, 1),
    );
    await act(() => render(<SaveControls doc={doc()} pageUrl={`${URL_BASE}/${ID}.html`} />, root));
    await vi.waitFor(() => expect($('[data-kvl-action="save"]')).not.toBeNull());
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await click('[data-kvl-action="save"]');
    await vi.waitFor(() => expect($('[role="alert"][data-kvl-error]')).not.toBeNull());
    expect($('[data-kvl-error]')?.textContent).toBe('Niet opgeslagen: QUOTA_BYTES quota exceeded');
    // Still the save control (not "saved"), and the list as it was.
    expect($('[data-kvl-action="save"]')).not.toBeNull();
    set.mockRestore();
    expect((await listEntries()).map((e) => e.id)).toEqual(['ah-tk-20232024-1178']);
    // The next try works and the message goes.
    await click('[data-kvl-action="save"]');
    await vi.waitFor(() => expect($(`[data-kvl-saved="${ID}"]`)).not.toBeNull());
    expect($('[data-kvl-error]')).toBeNull();
    vi.restoreAllMocks();
  });

  it('saves one pair under <id>#vraag-N and follows changes made elsewhere', async () => {
    const d = doc();
    await act(() =>
      render(
        <>
          <SaveControls doc={d} pageUrl={`${URL_BASE}/${ID}.html`} pair={d.pairs[0]} />
          <SaveControls doc={d} pageUrl={`${URL_BASE}/${ID}.html`} pair={d.pairs[1]} />
        </>,
        root,
      ),
    );
    await vi.waitFor(() => expect($$('[data-kvl-action="save"]')).toHaveLength(2));
    await act(() => trustedClick($$('[data-kvl-action="save"]')[1]));
    await vi.waitFor(() => expect($(`[data-kvl-saved="${ID}#vraag-2"]`)).not.toBeNull());
    expect($$('[data-kvl-saved]')).toHaveLength(1);
    // saved from "another tab"
    await addEntry(entryFromDocument(d, `${URL_BASE}/${ID}.html`, d.pairs[0], 5));
    await vi.waitFor(() => expect($(`[data-kvl-saved="${ID}#vraag-1"]`)).not.toBeNull());
  });

  it('shows an entry saved from a link as saved, and leaves completing it to the content script', async () => {
    // entrypoints/content/index.ts completes it, in either layout (checked end to end in reading-list.e2e and
    // firefox.e2e); the controls used to do it as well, a second write of the same entry.
    await addEntry(entryFromLink(`${URL_BASE}/${ID}.html`, null, 1) as ReadingEntry);
    await act(() => render(<SaveControls doc={doc()} pageUrl={`${URL_BASE}/${ID}.html`} />, root));
    await vi.waitFor(() => expect($(`[data-kvl-saved="${ID}"]`)).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await getEntry(ID)).toMatchObject({ partial: true, title: ID, askers: [] });
  });
});

describe('the popup list', () => {
  function many(n: number): ReadingEntry[] {
    return Array.from({ length: n }, (_, i) => ({
      ...entryFromDocument(
        doc(`ah-tk-20232024-${i + 1}`),
        `${URL_BASE}/ah-tk-20232024-${i + 1}.html`,
        null,
        i,
      ),
      note: i === 1234 ? 'zeldzame notitie' : '',
      read: i % 2 === 0,
      readAt: i % 2 === 0 ? i : null,
    }));
  }

  it('renders 5,000 entries in chunks, newest first, and filters them', async () => {
    await mergeEntries(many(5000));
    const onOpen = vi.fn();
    await act(() => render(<ReadingList onOpen={onOpen} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]').length).toBeGreaterThan(0));
    expect($$('[data-kvl-item]')).toHaveLength(25);
    expect($$('[data-kvl-item]')[0].dataset.kvlItem).toBe('ah-tk-20232024-5000');
    expect($('[data-kvl-unread]')?.dataset.kvlUnread).toBe('2500');
    await click('[data-kvl-action="more"]');
    expect($$('[data-kvl-item]')).toHaveLength(50);

    const input = $('[data-kvl-action="filter"]') as HTMLInputElement;
    await act(() => {
      input.value = 'zeldzame';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($$('[data-kvl-item]').map((li) => li.dataset.kvlItem)).toEqual(['ah-tk-20232024-1235']);
    await click('[data-kvl-action="open"]');
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ key: 'ah-tk-20232024-1235' }));

    const read = $('[data-kvl-action="read-filter"]') as HTMLSelectElement;
    await act(() => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      read.value = 'read';
      read.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect($$('[data-kvl-item]').every((li) => li.dataset.read === 'true')).toBe(true);
    expect($('[data-kvl-action="more"]')?.textContent).toContain('2475');
  });

  it('marks read, edits a note, removes and undoes; arrow keys move between entries', async () => {
    await mergeEntries(many(3));
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(3));
    const key = 'ah-tk-20232024-2'; // unread
    await click(`[data-kvl-item="${key}"] [data-kvl-action="toggle-read"]`);
    await vi.waitFor(() => expect($(`[data-kvl-item="${key}"]`)?.dataset.read).toBe('true'));
    expect(await getEntry(key)).toMatchObject({ read: true });

    await click(`[data-kvl-item="${key}"] [data-kvl-action="note"]`);
    const area = $('[data-kvl-action="note-text"]') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(area);
    await act(() => {
      area.value = 'mijn notitie';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    await vi.waitFor(() => expect($(`[data-kvl-item="${key}"] .kvl-note`)?.textContent).toBe('mijn notitie'));

    await click(`[data-kvl-item="${key}"] [data-kvl-action="remove"]`);
    await vi.waitFor(() => expect($(`[data-kvl-item="${key}"]`)).toBeNull());
    await click('[data-kvl-action="undo"]');
    await vi.waitFor(() => expect($(`[data-kvl-item="${key}"]`)).not.toBeNull());
    expect(await getEntry(key)).toMatchObject({ read: true, note: 'mijn notitie' });

    const titles = $$('.kvl-entry-title');
    titles[0].focus();
    const press = (el: HTMLElement, key: string) =>
      act(() => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
    await press(titles[0], 'ArrowDown');
    expect(document.activeElement).toBe($$('.kvl-entry-title')[1]);
    await press($$('.kvl-entry-title')[1], 'ArrowUp');
    expect(document.activeElement).toBe($$('.kvl-entry-title')[0]);
  });

  it("a failed edit in the popup shows in that entry's row; the entry stays as stored", async () => {
    await mergeEntries(many(2));
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(2));
    const key = 'ah-tk-20232024-2';
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('opslag vol'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await click(`[data-kvl-item="${key}"] [data-kvl-action="toggle-read"]`);
    await vi.waitFor(() =>
      expect($(`[data-kvl-item="${key}"] [role="alert"][data-kvl-error]`)).not.toBeNull(),
    );
    expect($(`[data-kvl-item="${key}"] [data-kvl-error]`)?.textContent).toBe('Niet opgeslagen: opslag vol');
    expect($$('[data-kvl-error]')).toHaveLength(1);
    vi.restoreAllMocks();
    expect(await getEntry(key)).toMatchObject({ read: false });
  });

  it('shows the preview first, then the full list replaces it (a stale preview is corrected)', async () => {
    const all = many(60);
    await mergeEntries(all.slice(0, 59));
    // A preview written before the newest entry was removed: it still shows it, and counts 60.
    await writePreview(all);
    // Hold the full read (storage.local.get() of everything) until released, to see the preview on its own.
    const realGet = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local) as (
      keys?: unknown,
    ) => Promise<Record<string, unknown>>;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys?: unknown) => {
      if (keys == null) await held;
      return realGet(keys);
    });
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(25));
    expect($('.kvl-list')?.dataset.kvlComplete).toBe('false');
    expect($$('[data-kvl-item]')[0].dataset.kvlItem).toBe('ah-tk-20232024-60');
    expect($('[data-kvl-unread]')?.textContent).toMatch(/30.*60/);
    expect($('[data-kvl-loading]')?.textContent).toMatch(/rest van de lijst/);
    expect($('[data-kvl-action="more"]')).toBeNull();

    release();
    await vi.waitFor(() => expect($('.kvl-list')?.dataset.kvlComplete).toBe('true'));
    expect($$('[data-kvl-item]')[0].dataset.kvlItem).toBe('ah-tk-20232024-59');
    expect($('[data-kvl-unread]')?.textContent).toMatch(/29.*59/);
    expect($('[data-kvl-loading]')).toBeNull();
    expect($('[data-kvl-action="more"]')?.textContent).toContain('34');
    vi.restoreAllMocks();
  });

  it('says when the list is empty', async () => {
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($('.kvl-empty')).not.toBeNull());
    expect($('.kvl-empty')?.textContent).toMatch(/leeslijst is leeg/);
  });
});

describe('the popup list with saved copies', () => {
  const COPY_ID = 'ah-tk-20232024-2367';
  beforeEach(async () => {
    await deleteCopies([...(await copyStamps()).keys()]);
  });

  it('offers a saved copy where there is one, and its filter finds a word only the copy holds, with the sentence', async () => {
    const [source] = fixtureCases(`html-${COPY_ID}`);
    const parsed = parseFixture(source.source);
    await putCopy(copyOf(COPY_ID, `${URL_BASE}/${COPY_ID}.html`, parsed, 1));
    await mergeEntries([
      entryFromDocument({ ...parsed, id: COPY_ID }, `${URL_BASE}/${COPY_ID}.html`, null, 10),
      entryFromDocument(doc(), `${URL_BASE}/${ID}.html`, null, 20),
    ]);
    const onOpenCopy = vi.fn();
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={onOpenCopy} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-action="open-copy"]')).toHaveLength(1), 5000);
    expect($(`[data-kvl-item="${ID}"] [data-kvl-action="open-copy"]`)).toBeNull();
    await click(`[data-kvl-item="${COPY_ID}"] [data-kvl-action="open-copy"]`);
    expect(onOpenCopy).toHaveBeenCalledWith(expect.objectContaining({ key: COPY_ID }));

    const input = $('[data-kvl-action="filter"]') as HTMLInputElement;
    await act(() => {
      input.value = 'Ongehinderd';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($$('[data-kvl-item]').map((li) => li.dataset.kvlItem)).toEqual([COPY_ID]);
    await vi.waitFor(() => expect($('[data-kvl-match]')).not.toBeNull());
    expect($('[data-kvl-match]')?.textContent).toBe(
      'Gegevens van klanten zouden niet ongehinderd door iedere bankmedewerker moeten kunnen worden ingezien zonder goede reden.',
    );
    // The entries' own fields come first: "onderwerp" is in one's title, and only in the other's copy.
    await act(() => {
      input.value = 'onderwerp';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($$('[data-kvl-item]').map((li) => li.dataset.kvlItem)).toEqual([ID, COPY_ID]);
    await vi.waitFor(() =>
      expect($(`[data-kvl-item="${COPY_ID}"] [data-kvl-match]`)?.textContent).toMatch(/onderwerp/i),
    );
    expect($(`[data-kvl-item="${ID}"] [data-kvl-match]`)).toBeNull();
  });
});

describe('what each row of the popup is', () => {
  it('says the type of every entry (antwoord, vragen, mededeling, a single answer), and nothing it does not know', async () => {
    const at = (n: number) => 1000 + n;
    const kinds = [
      entryFromDocument(doc('ah-tk-20232024-1'), `${URL_BASE}/ah-tk-20232024-1.html`, null, at(1)),
      entryFromDocument(
        { ...doc('kv-tk-2024Z01234'), kind: 'vragen' },
        `${URL_BASE}/kv-tk-2024Z01234.html`,
        null,
        at(2),
      ),
      entryFromDocument(
        { ...doc('ah-tk-20232024-3'), kind: 'mededeling' },
        `${URL_BASE}/ah-tk-20232024-3.html`,
        null,
        at(3),
      ),
      entryFromDocument(doc('ah-tk-20232024-1'), `${URL_BASE}/ah-tk-20232024-1.html`, pair(2), at(4)),
      entryFromLink(`${URL_BASE}/ah-tk-20232024-5.html`, null, at(5)) as ReadingEntry,
      entryFromLink(`${URL_BASE}/kv-tk-2024Z05555.html`, null, at(6)) as ReadingEntry,
    ];
    await mergeEntries(kinds);
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(6));
    const rows = $$('[data-kvl-item]').map((li) => [
      li.dataset.kvlItem,
      li.dataset.kvlType ?? null,
      li.querySelector('.kvl-meta')?.textContent?.split(' · ')[0],
    ]);
    expect(rows).toEqual([
      ['kv-tk-2024Z05555', 'vragen', 'Vragen zonder antwoord'],
      ['ah-tk-20232024-5', null, expect.stringMatching(/^toegevoegd /)],
      ['ah-tk-20232024-1#vraag-2', 'pair', 'Los antwoord'],
      ['ah-tk-20232024-3', 'mededeling', 'Mededeling'],
      ['kv-tk-2024Z01234', 'vragen', 'Vragen zonder antwoord'],
      ['ah-tk-20232024-1', 'antwoord', 'Antwoord'],
    ]);
  });
});

describe('tags in the popup list', () => {
  const key = (n: number) => `ah-tk-20232024-${n}`;
  const link = (n: number) => entryFromLink(`${URL_BASE}/${key(n)}.html`, `Vragen ${n}`, n) as ReadingEntry;
  const shown = () => $$('[data-kvl-item]').map((li) => li.dataset.kvlItem);
  const chips = (n: number) =>
    $$(`[data-kvl-item="${key(n)}"] [data-kvl-tag]`).map((li) => li.dataset.kvlTag);
  /** Types a tag in a row's tag input and presses Enter (opening the input first, unless it is open) */
  async function typeTag(n: number, text: string) {
    if (!$(`[data-kvl-item="${key(n)}"] [data-kvl-action="tag-text"]`))
      await click(`[data-kvl-item="${key(n)}"] [data-kvl-action="tag"]`);
    const input = $(`[data-kvl-item="${key(n)}"] [data-kvl-action="tag-text"]`) as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await act(() => {
      input.value = text;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
  }

  it('adds a tag with Enter, shows it as a chip, filters by it (with the text filter), and removes it with ×', async () => {
    await mergeEntries([link(1), link(2), link(3)]);
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(3));
    expect($('[data-kvl-action="tag-filter-select"]')).toBeNull(); // no tags yet: no tag filter

    await typeTag(2, '  Debat   mei ');
    await vi.waitFor(() => expect(chips(2)).toEqual(['Debat mei']));
    expect(liveTagsOf(await getEntry(key(2)))).toEqual(['Debat mei']);
    await typeTag(3, 'debat MEI'); // the same tag: shown as first written in the list's tags, kept as typed here
    await typeTag(3, 'Wonen'); // the input stays open for the next one
    await vi.waitFor(() => expect(chips(3)).toEqual(['debat MEI', 'Wonen']));
    // every tag is offered to each row's input and in the filter, once
    expect($$('#kvl-all-tags option').map((o) => o.getAttribute('value'))).toEqual(['Debat mei', 'Wonen']);
    const select = $('[data-kvl-action="tag-filter-select"]') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'Debat mei', 'Wonen']);

    // the chip's button filters; its accessible name holds the tag
    const chip = $(`[data-kvl-item="${key(3)}"] [data-kvl-tag="Wonen"] [data-kvl-action="tag-filter"]`);
    expect(chip?.getAttribute('aria-label')).toBe('Wonen: alleen deze tag tonen');
    await click(`[data-kvl-item="${key(3)}"] [data-kvl-tag="debat MEI"] [data-kvl-action="tag-filter"]`);
    expect(shown()).toEqual([key(3), key(2)]);
    expect(($('[data-kvl-action="tag-filter-select"]') as HTMLSelectElement).value).toBe('Debat mei');
    // with the text filter: both must match
    const input = $('[data-kvl-action="filter"]') as HTMLInputElement;
    await act(() => {
      input.value = key(2);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(shown()).toEqual([key(2)]);
    await act(() => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // the select sets it too; the clear button clears it
    await act(() => {
      const s = $('[data-kvl-action="tag-filter-select"]') as HTMLSelectElement;
      s.value = 'Wonen';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(shown()).toEqual([key(3)]);
    await click('[data-kvl-action="tag-filter-clear"]');
    expect(shown()).toEqual([key(3), key(2), key(1)]);
    expect($('[data-kvl-action="tag-filter-clear"]')).toBeNull();
    // the text filter finds tags
    await act(() => {
      input.value = 'wonen';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(shown()).toEqual([key(3)]);
    await act(() => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

    // × removes, named for the tag
    const remove = $(`[data-kvl-item="${key(2)}"] [data-kvl-tag="Debat mei"] [data-kvl-action="tag-remove"]`);
    expect(remove?.getAttribute('aria-label')).toBe('Tag Debat mei verwijderen');
    await click(`[data-kvl-item="${key(2)}"] [data-kvl-tag="Debat mei"] [data-kvl-action="tag-remove"]`);
    await vi.waitFor(() => expect(chips(2)).toEqual([]));
    expect((await getEntry(key(2)))?.tags).toEqual([
      expect.objectContaining({ label: 'Debat mei', removed: true }),
    ]);
  });

  it('says so when a tag cannot be one, and Escape closes the input', async () => {
    await mergeEntries([link(1)]);
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(1));
    await typeTag(1, 'a;b');
    expect($(`[data-kvl-item="${key(1)}"] [data-kvl-error]`)?.textContent).toContain(
      'Een tag heeft 1 tot 40 tekens, zonder ;',
    );
    expect((await getEntry(key(1)))?.tags).toBeUndefined();
    const input = $('[data-kvl-action="tag-text"]') as HTMLInputElement;
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect($('[data-kvl-action="tag-text"]')).toBeNull();
  });

  it('focus stays in the row: × moves it to the next tag (the Tag button after the last), Escape and Annuleer to the Tag button', async () => {
    await mergeEntries([link(1)]);
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(1));
    await typeTag(1, 'Wonen');
    await typeTag(1, 'Zorg');
    await vi.waitFor(() => expect(chips(1)).toEqual(['Wonen', 'Zorg']));
    const row = `[data-kvl-item="${key(1)}"]`;
    const tagButton = () => $(`${row} [data-kvl-action="tag"]`);
    // Escape closes the input: focus on the Tag button, not lost to <body>
    await act(() => {
      $(`${row} [data-kvl-action="tag-text"]`)?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    expect($(`${row} [data-kvl-action="tag-text"]`)).toBeNull();
    expect(document.activeElement).toBe(tagButton());
    // Annuleer too
    await click(`${row} [data-kvl-action="tag"]`);
    expect(document.activeElement).toBe($(`${row} [data-kvl-action="tag-text"]`));
    await click(`${row} [data-kvl-action="tag-cancel"]`);
    expect($(`${row} [data-kvl-action="tag-text"]`)).toBeNull();
    expect(document.activeElement).toBe(tagButton());
    // × on the first tag: focus on the next tag's ×, which stays there once the chip is gone
    const remove = (tag: string) => $(`${row} [data-kvl-tag="${tag}"] [data-kvl-action="tag-remove"]`);
    (remove('Wonen') as HTMLElement).focus();
    await click(`${row} [data-kvl-tag="Wonen"] [data-kvl-action="tag-remove"]`);
    await vi.waitFor(() => expect(chips(1)).toEqual(['Zorg']));
    expect(document.activeElement).toBe(remove('Zorg'));
    // × on the last: the Tag button
    await click(`${row} [data-kvl-tag="Zorg"] [data-kvl-action="tag-remove"]`);
    await vi.waitFor(() => expect(chips(1)).toEqual([]));
    expect(document.activeElement).toBe(tagButton());
  });

  it('says so when the background refuses a tag (the entry full meanwhile), and keeps what was typed', async () => {
    await mergeEntries([link(1)]);
    await act(() => render(<ReadingList onOpen={() => {}} onOpenCopy={() => {}} />, root));
    await vi.waitFor(() => expect($$('[data-kvl-item]')).toHaveLength(1));
    await typeTag(1, 't0');
    await vi.waitFor(() => expect(chips(1)).toEqual(['t0']));
    // 19 more, from elsewhere (another popup, a device through sync), reach the background before this row's add
    const input = $('[data-kvl-action="tag-text"]') as HTMLInputElement;
    await act(async () => {
      const others = Array.from({ length: 19 }, (_, i) => setTag(key(1), `t${i + 1}`, true));
      input.value = 'Nog een';
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await Promise.all(others);
    });
    await vi.waitFor(() =>
      expect($(`[data-kvl-item="${key(1)}"] [data-kvl-error]`)?.textContent).toContain(
        'Al 20 tags: verwijder er eerst een',
      ),
    );
    expect(($('[data-kvl-action="tag-text"]') as HTMLInputElement).value).toBe('Nog een');
    expect(liveTagsOf(await getEntry(key(1)))).toHaveLength(20);
    expect(liveTagsOf(await getEntry(key(1)))).not.toContain('Nog een');
  });
});

describe('the popup’s sync notice', () => {
  it.each([
    [
      { ok: false, synced: 3, notSynced: 2, problem: 'quota', at: 1 },
      'De leeslijst past niet meer in de browsersynchronisatie: 2 items staan alleen op dit apparaat',
    ],
    [
      { ok: false, synced: 3, notSynced: 0, problem: 'refused:2', at: 1 },
      '2 items van de leeslijst konden niet worden samengevoegd met die van een ander apparaat; ze blijven hier zoals ze waren.',
    ],
    [
      { ok: false, synced: 0, notSynced: 5, problem: 'Error: x', at: 1 },
      'Synchroniseren lukte niet: Error: x',
    ],
  ])('says what went wrong in the interface’s language (%o)', async (status, text) => {
    await syncStatus.setValue(status);
    await act(async () => {
      render(<SyncNotice />, root);
    });
    await vi.waitFor(() => expect($('[data-kvl-sync="problem"]')?.textContent).toContain(text));
  });
});
