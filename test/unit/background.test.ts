// The background (entrypoints/background.ts) in WXT's fakeBrowser: what it sets up when it starts (the copy of the
// interface texts, the link context menu, the alarm of watched questions), what a click on its menu item and its
// keyboard shortcut save, its toolbar badge (unread entries in blue, newly answered watched questions in green), and
// every message it answers: the reading list's operations, the related documents' facts, the watched questions'
// requests, each from the senders allowed and refused from any other.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import en from '../../public/_locales/en/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { buildRelatedFixtures, kvWithout } from '../../scripts/fixtures/make-related-fixtures';
import { addEntry, type ReadingEntry, resetForTests, setRead } from '../../utils/reading-list';
import type { RelatedFacts } from '../../utils/related/facts';
import { type Watch, watches } from '../../utils/related/watch';
import { copyStamps, deleteCopies, getCopy } from '../../utils/saved/db';
import { catchWarnings, resetBrowser } from '../support/browser-env';
import { answerOf, type CaughtEvent, catchEvent } from '../support/fake-events';
import { caseSource } from '../support/fixtures';

const SITE = 'https://zoek.officielebekendmakingen.nl';
const NAME = 'Kamervragen Lezer';
const NOW = Date.UTC(2024, 2, 1, 9, 0, 0);
const BLUE = [0x15, 0x42, 0x73, 255];
const GREEN = [0x2e, 0x7d, 0x32, 255];
const MENU = {
  id: 'kvl-save-link',
  title: 'Bewaar in Kamervragen-leeslijst',
  contexts: ['link'],
  targetUrlPatterns: [
    'https://zoek.officielebekendmakingen.nl/*',
    'https://www.officielebekendmakingen.nl/*',
  ],
};

/** The second item: a link to a PDF of the site opens it in the reading view */
const PDF_MENU = {
  id: 'kvl-open-pdf',
  title: 'Open in Kamervragen-leesweergave',
  contexts: ['link'],
  targetUrlPatterns: [
    'https://zoek.officielebekendmakingen.nl/*.pdf',
    'https://www.officielebekendmakingen.nl/*.pdf',
  ],
};

const ID = fakeBrowser.runtime.id;
/** The senders: the popup (an extension page), the content script on a page of the site, another extension */
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const PAGE = { id: ID, url: `${SITE}/ah-tk-20232024-1064.html#vraag-3`, tab: { id: 7 } };
const OTHER = { id: 'another-extension', url: 'chrome-extension://another-extension/popup.html' };

/** The entry a link to `id` saves (the context menu, or a page's status), at NOW */
function linkEntry(id: string, title: string, over: Partial<ReadingEntry> = {}): ReadingEntry {
  // what a link does not tell
  const unknown = { kind: null, askers: [], answeredBy: null, ministry: null, pair: null };
  const dates = { dateSubmitted: null, dateReceived: null, addedAt: NOW, updatedAt: NOW, readAt: null };
  const stamps = { facts: NOW, read: NOW, note: NOW };
  return {
    key: id,
    id,
    url: `${SITE}/${id}.html`,
    title,
    ...unknown,
    ...dates,
    read: false,
    note: '',
    partial: true,
    stamps,
    ...over,
  };
}

const watch = (over: Partial<Watch>): Watch => ({
  off: false,
  state: 'answered',
  answers: [],
  answeredFoundAt: NOW,
  unseen: true,
  checkedAt: NOW,
  failures: 0,
  ...over,
});

const facts = (id: string): RelatedFacts => ({
  id,
  kind: 'antwoord',
  answeredBy: { role: 'Minister', name: 'Van Rij', ministry: 'Financiën' },
  date: '2024-02-14',
  subject: null,
  pairs: [{ label: 'Antwoord 1 t/m 3', numbers: [1, 2, 3], answer: 'FIN-antwoord op vraag 1 t/m 3: Ja.' }],
  mededeling: null,
  related: [],
});

/** The site as the background's fetch finds it: these pages (file name → HTML), 404 for any other */
function serve(pages: Record<string, string>) {
  const fetch = vi.fn(async (url: string) => {
    const body = pages[url.slice(`${SITE}/`.length)];
    const res = body
      ? new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } })
      : new Response('', { status: 404 });
    Object.defineProperty(res, 'url', { value: url });
    return res;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

let messages: CaughtEvent;
let menuClicks: CaughtEvent;
let commands: CaughtEvent;
let warned: unknown[][];

/** Starts the background as the browser does (WXT's defineBackground keeps the function as `main`) */
function start(): void {
  background.main();
}

/** Runs every timer the background set (its debounced badge and sync) and what they started, until it is idle. */
async function idle(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await vi.runAllTimersAsync();
    // a real task: every storage promise the last timer started has settled after it
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (vi.getTimerCount() === 0) return;
  }
  throw new Error('the background did not come to rest');
}

const send = (message: unknown, sender: object) => answerOf(messages.fire(message, sender, () => {}));
const local = () => fakeBrowser.storage.local.get(null);
const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({}),
  color: await fakeBrowser.action.getBadgeBackgroundColor({}),
  title: await fakeBrowser.action.getTitle({}),
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
  resetBrowser(NAME);
  resetForTests();
  // fakeBrowser has no context menus, commands or messages to a tab: the test holds them
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(MENU.id);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
    new Error('Could not establish connection. Receiving end does not exist.'),
  );
  messages = catchEvent(fakeBrowser.runtime.onMessage);
  menuClicks = catchEvent(fakeBrowser.contextMenus.onClicked, true);
  commands = catchEvent(fakeBrowser.commands.onCommand, true);
  warned = catchWarnings();
  // No site unless a test serves one: the background fetches (watched questions, saved copies) get no answer.
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
  );
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('when the background starts', () => {
  it('stores the interface texts of both languages for the content script, and only when they changed', async () => {
    start();
    await idle();
    const table = (json: Record<string, { message: string }>) =>
      Object.fromEntries(Object.entries(json).map(([k, v]) => [k, v.message]));
    expect((await local())['kvl-messages']).toEqual({
      version: '0.1.0',
      tables: { nl: table(nl), en: table(en) },
    });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    start();
    await idle();
    expect(set.mock.calls.filter(([items]) => 'kvl-messages' in items)).toEqual([]);
  });

  it("names its menu items in the interface's language, not the browser's, and again when the setting changes", async () => {
    // An English browser: the menu is Dutch all the same (the setting's default, 'pagina': the site's language).
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    start();
    await idle();
    const { removeAll, create } = fakeBrowser.contextMenus as unknown as Record<
      string,
      ReturnType<typeof vi.fn>
    >;
    expect(create.mock.calls).toEqual([[MENU], [PDF_MENU]]);
    await fakeBrowser.storage.local.set({ interfaceLanguage: 'en' });
    await idle();
    expect(removeAll).toHaveBeenCalledTimes(2);
    expect(create.mock.calls.slice(2)).toEqual([
      [{ ...MENU, title: en.contextSave.message }],
      [{ ...PDF_MENU, title: en.contextPdf.message }],
    ]);
    await fakeBrowser.storage.local.set({ interfaceLanguage: 'pagina' });
    await idle();
    expect(create.mock.calls.slice(4)).toEqual([[MENU], [PDF_MENU]]);
  });

  it('reads a stored English setting before it makes the menu', async () => {
    await fakeBrowser.storage.local.set({ interfaceLanguage: 'en' });
    start();
    await idle();
    const { create } = fakeBrowser.contextMenus as unknown as Record<string, ReturnType<typeof vi.fn>>;
    expect(create.mock.calls.map(([item]) => item.title)).toEqual([
      en.contextSave.message,
      en.contextPdf.message,
    ]);
  });

  it('puts its items on the context menu of links to the site (PDFs: open in reading view), after removing any from before', async () => {
    start();
    await idle();
    const { removeAll, create } = fakeBrowser.contextMenus as unknown as Record<
      string,
      ReturnType<typeof vi.fn>
    >;
    expect(removeAll).toHaveBeenCalledTimes(1);
    expect(create.mock.calls).toEqual([[MENU], [PDF_MENU]]);
    expect(removeAll.mock.invocationCallOrder[0]).toBeLessThan(create.mock.invocationCallOrder[0]);
  });

  it('sets the alarm of the watched questions (every 6 hours, first after a minute), once', async () => {
    start();
    await idle();
    expect(await fakeBrowser.alarms.getAll()).toEqual([
      {
        name: 'kvl-watch',
        scheduledTime: NOW + 60_000,
        periodInMinutes: 360,
        persistAcrossSessions: undefined,
      },
    ]);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    start();
    await idle();
    expect(create).not.toHaveBeenCalled();
  });

  it('shows an empty badge on an empty list, and writes the popup an empty preview', async () => {
    start();
    await idle();
    expect(await badge()).toEqual({ text: '', color: BLUE, title: NAME });
    expect((await local())['kvl-preview']).toEqual({ version: 2, total: 0, unread: 0, newest: [] });
    expect(warned).toEqual([]);
  });
});

describe('the context menu item', () => {
  const click = (info: object) => menuClicks.fire(info, { id: 3, url: `${SITE}/zoeken` });

  it('saves the linked document without opening it, titled with the link text (Firefox gives it)', async () => {
    start();
    await idle();
    vi.setSystemTime(NOW);
    click({
      menuItemId: MENU.id,
      linkUrl: `${SITE}/kv-tk-2024Z01722.html?zoekcriteria=x#vraag-2`,
      linkText: '  Vragen over\n bijeenkomsten ',
    });
    await idle();
    const entry = linkEntry('kv-tk-2024Z01722', 'Vragen over bijeenkomsten');
    expect((await local())['kvl-item:kv-tk-2024Z01722']).toEqual(entry);
    expect(await badge()).toEqual({ text: '1', color: BLUE, title: NAME });
    expect((await local())['kvl-preview']).toEqual({ version: 2, total: 1, unread: 1, newest: [entry] });
  });

  it('titles the entry with the id when the browser gives no link text (Chrome)', async () => {
    start();
    click({
      menuItemId: MENU.id,
      linkUrl: `https://www.officielebekendmakingen.nl/ah-tk-20232024-1059.html`,
    });
    await idle();
    const stored = await local();
    expect(stored['kvl-item:ah-tk-20232024-1059']).toEqual({
      ...linkEntry('ah-tk-20232024-1059', 'ah-tk-20232024-1059'),
      url: 'https://www.officielebekendmakingen.nl/ah-tk-20232024-1059.html',
    });
  });

  it.each([
    ['another menu item', { menuItemId: 'other', linkUrl: `${SITE}/ah-tk-20232024-1059.html` }],
    ['no link', { menuItemId: MENU.id }],
    ['a link off the site', { menuItemId: MENU.id, linkUrl: 'https://example.org/ah-tk-20232024-1059.html' }],
    [
      'a page of the site that is no Kamervraag',
      { menuItemId: MENU.id, linkUrl: `${SITE}/kst-36410-72.html` },
    ],
  ])('saves nothing for %s', async (_name, info) => {
    start();
    await idle();
    const before = await local();
    expect(menuClicks.listeners()).toHaveLength(1);
    click(info);
    await idle();
    expect(await local()).toEqual(before);
    expect(await badge()).toEqual({ text: '', color: BLUE, title: NAME });
  });
});

describe('the context menu item on a link to a PDF', () => {
  const click = (info: object, tab = { id: 3, index: 4, url: `${SITE}/zoeken` }) =>
    menuClicks.fire(info, tab);
  const page = (pdf: string) => `chrome-extension://${ID}/pdf.html?url=${encodeURIComponent(pdf)}`;

  it('opens the PDF in the reading view, in a new tab next to the page of the link; saves nothing', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    start();
    await idle();
    const before = await local();
    click({ menuItemId: PDF_MENU.id, linkUrl: `${SITE}/ah-1271549.pdf#page=2` });
    click({
      menuItemId: PDF_MENU.id,
      linkUrl: 'https://www.officielebekendmakingen.nl/ah-tk-20232024-1786.pdf',
    });
    await idle();
    expect(create.mock.calls).toEqual([
      [{ url: page(`${SITE}/ah-1271549.pdf`), index: 5 }],
      [{ url: page('https://www.officielebekendmakingen.nl/ah-tk-20232024-1786.pdf'), index: 5 }],
    ]);
    expect(await local()).toEqual(before);
  });

  it.each([
    ['a PDF off the site', 'https://example.org/ah-1271549.pdf'],
    ['a PDF of the site over http', 'http://zoek.officielebekendmakingen.nl/ah-1271549.pdf'],
    ['a page of the site', `${SITE}/ah-tk-20232024-1786.html`],
    ['a PDF of the site on another port', 'https://zoek.officielebekendmakingen.nl:8443/ah-1271549.pdf'],
    ['no link', undefined],
  ])('opens nothing for %s', async (_name, linkUrl) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    start();
    await idle();
    click({ menuItemId: PDF_MENU.id, linkUrl });
    await idle();
    expect(create).not.toHaveBeenCalled();
  });
});

describe('the keyboard shortcut', () => {
  /** A window with the focus (the current window), its id */
  const focusedWindow = async () => (await fakeBrowser.windows.create({ focused: true }))?.id;
  /** The reader's tab, active in the current window, and what its content script says the page is */
  async function activeTab(url: string) {
    const tab = await fakeBrowser.tabs.create({ url, active: true, windowId: await focusedWindow() });
    vi.mocked(fakeBrowser.tabs.sendMessage).mockImplementation(async (tabId: number, message: unknown) => {
      expect([tabId, message]).toEqual([tab.id, { type: 'kvl:status' }]);
      return { id: 'ah-tk-20232024-1481', kind: 'antwoord', pairs: 5, subject: 'Onderwerp van de vragen' };
    });
    return tab;
  }

  it('saves the document of the active tab, as its content script describes it', async () => {
    start();
    await activeTab(`${SITE}/ah-tk-20232024-1481.html?zoekcriteria=x#vraag-2`);
    commands.fire('save-page');
    await idle();
    expect(warned).toEqual([]);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(1);
    expect((await local())['kvl-item:ah-tk-20232024-1481']).toEqual(
      linkEntry('ah-tk-20232024-1481', 'Onderwerp van de vragen', { kind: 'antwoord' }),
    );
    expect(await badge()).toEqual({ text: '1', color: BLUE, title: NAME });
  });

  it('does nothing for another command', async () => {
    start();
    await activeTab(`${SITE}/ah-tk-20232024-1481.html`);
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    commands.fire('_execute_action');
    await idle();
    expect(query).not.toHaveBeenCalled();
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
    expect(Object.keys(await local()).filter((k) => k.startsWith('kvl-item:'))).toEqual([]);
  });

  it('saves nothing when the tab has no content script (not a Kamervragen document), and says nothing', async () => {
    start();
    await fakeBrowser.tabs.create({
      url: `${SITE}/kst-36410-72.html`,
      active: true,
      windowId: await focusedWindow(),
    });
    commands.fire('save-page');
    await idle();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(1);
    expect(Object.keys(await local()).filter((k) => k.startsWith('kvl-item:'))).toEqual([]);
    expect(warned).toEqual([]);
  });

  it('saves nothing when no tab is active, and says nothing', async () => {
    start();
    await fakeBrowser.tabs.create({
      url: `${SITE}/ah-tk-20232024-1481.html`,
      windowId: await focusedWindow(),
    });
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    commands.fire('save-page');
    await idle();
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await query.mock.results[0].value).toEqual([]);
    expect(warned).toEqual([]);
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
    expect(Object.keys(await local()).filter((k) => k.startsWith('kvl-item:'))).toEqual([]);
  });
});

describe('the badge', () => {
  const KV = ['kv-tk-2024Z01722', 'kv-tk-2024Z02563', 'kv-tk-2024Z09999'];

  it('counts the unread entries in blue, following every change', async () => {
    start();
    await addEntry(linkEntry('ah-tk-20232024-1047', 'een'));
    await addEntry(linkEntry('ah-tk-20232024-1059', 'twee'));
    await idle();
    expect(await badge()).toEqual({ text: '2', color: BLUE, title: NAME });
    await setRead('ah-tk-20232024-1047', true, NOW + 1);
    await idle();
    expect(await badge()).toEqual({ text: '1', color: BLUE, title: NAME });
    await setRead('ah-tk-20232024-1059', true, NOW + 1);
    await idle();
    expect(await badge()).toEqual({ text: '', color: BLUE, title: NAME });
  });

  it('counts newly answered watched questions of the list in green instead, and says so in its title', async () => {
    start();
    for (const id of KV) await addEntry(linkEntry(id, id));
    await watches.setValue({
      [KV[0]]: watch({}),
      [KV[1]]: watch({}),
      // turned off, seen, not answered, not in the list: none of them counts
      [KV[2]]: watch({ off: true }),
      'kv-tk-2024Z00001': watch({}),
      'kv-tk-2024Z00002': watch({ unseen: false }),
    });
    await idle();
    expect(await badge()).toEqual({
      text: '2',
      color: GREEN,
      title: `${NAME}: gevolgde vragen beantwoord: 2`,
    });
    // Seen in the popup: back to the unread entries.
    await watches.setValue({ [KV[0]]: watch({ unseen: false }), [KV[1]]: watch({ unseen: false }) });
    await idle();
    expect(await badge()).toEqual({ text: '3', color: BLUE, title: NAME });
  });

  it('goes to browserAction where there is no action (Firefox, Manifest V2)', async () => {
    const browser = fakeBrowser as unknown as { action: unknown; browserAction: Record<string, unknown> };
    const action = browser.action;
    browser.action = undefined;
    try {
      const calls: unknown[] = [];
      for (const name of ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle'])
        vi.spyOn(fakeBrowser.browserAction, name as 'setTitle').mockImplementation(async (details) => {
          calls.push([name, details]);
        });
      start();
      await addEntry(linkEntry('ah-tk-20232024-1047', 'een'));
      await idle();
      expect(calls).toEqual([
        ['setBadgeText', { text: '1' }],
        ['setBadgeBackgroundColor', { color: '#154273' }],
        ['setTitle', { title: NAME }],
      ]);
    } finally {
      browser.action = action;
    }
  });
});

describe('messages', () => {
  const listOp = (op: object) => ({ type: 'kvl:list-op', op });
  const entry = linkEntry('ah-tk-20232024-1047', 'Antwoord van Rutte');

  it('answers nothing it does not know, such as the status question that is for the content script', async () => {
    start();
    await idle();
    const before = await local();
    for (const message of [{ type: 'kvl:status' }, { type: 'kvl:other' }, 'kvl:list-op', null, 42])
      expect(await send(message, POPUP)).toEqual({ answers: 0, response: undefined });
    await idle();
    expect(await local()).toEqual(before);
  });

  describe('a reading-list operation', () => {
    it.each([
      ['the popup', POPUP],
      ['its content script on a page of the site', PAGE],
    ])('from %s is applied by the one writer, which answers with the result', async (_name, sender) => {
      start();
      expect(await send(listOp({ op: 'add', entry, now: NOW }), sender)).toEqual({
        answers: 1,
        response: { entry, added: true },
      });
      expect(await send(listOp({ op: 'add', entry, now: NOW }), sender)).toEqual({
        answers: 1,
        response: { entry, added: false },
      });
      const read = {
        ...entry,
        read: true,
        readAt: NOW + 5,
        updatedAt: NOW + 5,
        stamps: { ...entry.stamps, read: NOW + 5 },
      };
      expect(await send(listOp({ op: 'read', key: entry.key, read: true, now: NOW + 5 }), sender)).toEqual({
        answers: 1,
        response: read,
      });
      const noted = {
        ...read,
        note: 'nalezen',
        updatedAt: NOW + 6,
        stamps: { ...read.stamps, note: NOW + 6 },
      };
      expect(
        await send(listOp({ op: 'note', key: entry.key, note: 'nalezen', now: NOW + 6 }), sender),
      ).toEqual({
        answers: 1,
        response: noted,
      });
      expect((await local())[`kvl-item:${entry.key}`]).toEqual(noted);
      expect(await send(listOp({ op: 'remove', key: entry.key, now: NOW + 7 }), sender)).toEqual({
        answers: 1,
        response: noted,
      });
      const stored = await local();
      expect(stored[`kvl-item:${entry.key}`]).toBeUndefined();
      expect(stored[`kvl-gone:${entry.key}`]).toBe(NOW + 7);
      expect(await send(listOp({ op: 'merge', entries: [entry], removals: {} }), sender)).toEqual({
        answers: 1,
        response: { added: 0, updated: 0, unchanged: 0, removed: 0, removedLater: 1 },
      });
      await idle();
      expect(await badge()).toEqual({ text: '', color: BLUE, title: NAME });
    });

    it.each([
      ['another extension', OTHER],
      ['a sender without an id', { url: `${SITE}/ah-tk-20232024-1064.html` }],
    ])('from %s is refused: no answer, nothing written', async (_name, sender) => {
      start();
      await idle();
      const before = await local();
      expect(await send(listOp({ op: 'add', entry, now: NOW }), sender)).toEqual({
        answers: 0,
        response: undefined,
      });
      await idle();
      expect(await local()).toEqual(before);
      expect(await badge()).toEqual({ text: '', color: BLUE, title: NAME });
    });

    it.each([
      ['an unknown operation', { op: 'clear' }],
      ['a key that is not text', { op: 'remove', key: 7, now: NOW }],
      ['no operation', null],
    ])('that is malformed (%s) is not answered', async (_name, op) => {
      start();
      await idle();
      const before = await local();
      expect(await send(listOp(op as object), POPUP)).toEqual({ answers: 0, response: undefined });
      await idle();
      expect(await local()).toEqual(before);
    });
  });

  describe("a related document's facts", () => {
    const message = (f: unknown) => ({ type: 'kvl:related-facts', facts: f });

    it.each([
      ['zoek.officielebekendmakingen.nl', PAGE],
      [
        'www.officielebekendmakingen.nl',
        { id: ID, url: 'https://www.officielebekendmakingen.nl/kv-tk-2024Z01722.html' },
      ],
    ])('from its content script on %s are cached for every tab', async (_name, sender) => {
      start();
      expect(await send(message(facts('ah-tk-20232024-1059')), sender)).toEqual({
        answers: 1,
        response: undefined,
      });
      const stored = await local();
      expect(stored['related:ah-tk-20232024-1059']).toEqual({ at: NOW, facts: facts('ah-tk-20232024-1059') });
      expect(stored['related-index']).toEqual({ 'ah-tk-20232024-1059': NOW });
    });

    it.each([
      ['another extension', { ...OTHER, url: PAGE.url }],
      ['an extension page (facts come from pages of the site only)', POPUP],
      ['a page of another site', { id: ID, url: 'https://example.org/ah-tk-20232024-1059.html' }],
      [
        'a host that only starts like the site',
        { id: ID, url: `${SITE}.example.org/ah-tk-20232024-1059.html` },
      ],
      ['a sender without an address', { id: ID }],
      ['a sender whose address is not one', { id: ID, url: 'niet een adres' }],
    ])('from %s are refused', async (_name, sender) => {
      start();
      await idle();
      const before = await local();
      expect(await send(message(facts('ah-tk-20232024-1059')), sender)).toEqual({
        answers: 0,
        response: undefined,
      });
      await idle();
      expect(await local()).toEqual(before);
    });

    it.each([
      ['an id that is no Kamervraag', { ...facts('ah-tk-20232024-1059'), id: 'kst-36410-72' }],
      ['an unknown kind', { ...facts('ah-tk-20232024-1059'), kind: 'brief' }],
      [
        'markup where text belongs',
        { ...facts('ah-tk-20232024-1059'), pairs: [{ numbers: [1], label: 'A', answer: {} }] },
      ],
      ['nothing', undefined],
    ])('of the wrong shape (%s) are refused', async (_name, f) => {
      start();
      await idle();
      const before = await local();
      expect(await send(message(f), PAGE)).toEqual({ answers: 0, response: undefined });
      await idle();
      expect(await local()).toEqual(before);
    });
  });

  describe('the watched questions', () => {
    const KV = 'kv-tk-2024Z01722';
    const request = (action: string, more: object = {}) => ({ type: 'kvl:watch', action, ...more });
    const pages = buildRelatedFixtures();

    /** The site, as the background's fetch finds it: the kv page listing `answers`, and the answer pages */
    const site = (answers: string[]) => serve({ ...pages, [`${KV}.html`]: kvWithout(answers) });

    it('"check" from the popup fetches the watched kv page; an answer found later turns the badge green; "seen" clears it', async () => {
      start();
      await addEntry(linkEntry(KV, 'Vragen over bijeenkomsten'));
      // First check: no answer yet (what is there at the first check is not news anyway).
      let fetch = site([]);
      expect(await send(request('check'), POPUP)).toEqual({ answers: 1, response: undefined });
      expect(fetch.mock.calls.map(([url]) => url)).toEqual([`${SITE}/${KV}.html`]);
      expect(await watches.getValue()).toEqual({
        [KV]: { ...watch({ state: 'waiting', answeredFoundAt: null, unseen: false }), checkedAt: NOW },
      });
      await idle();
      expect(await badge()).toEqual({ text: '1', color: BLUE, title: NAME });
      // The site lists an answer now.
      const later = NOW + 60_000;
      vi.setSystemTime(later);
      fetch = site(['ah-tk-20232024-1047']);
      expect(await send(request('check'), POPUP)).toEqual({ answers: 1, response: undefined });
      expect(fetch.mock.calls.map(([url]) => url)).toEqual([
        `${SITE}/${KV}.html`,
        `${SITE}/ah-tk-20232024-1047.html`,
      ]);
      const answered = watch({
        answers: [
          {
            id: 'ah-tk-20232024-1047',
            kind: 'antwoord',
            date: '2024-02-12',
            by: 'Minister-President Rutte (Algemene Zaken)',
          },
        ],
        answeredFoundAt: later,
        checkedAt: later,
      });
      expect(await watches.getValue()).toEqual({ [KV]: answered });
      await idle();
      expect(await badge()).toEqual({
        text: '1',
        color: GREEN,
        title: `${NAME}: gevolgde vragen beantwoord: 1`,
      });
      // The popup was opened.
      expect(await send(request('seen'), POPUP)).toEqual({ answers: 1, response: undefined });
      expect(await watches.getValue()).toEqual({ [KV]: { ...answered, unseen: false } });
      await idle();
      expect(await badge()).toEqual({ text: '1', color: BLUE, title: NAME });
    });

    it('"set" from the popup turns a watch off (and its news with it), and on again', async () => {
      start();
      await addEntry(linkEntry(KV, 'Vragen over bijeenkomsten'));
      await watches.setValue({ [KV]: watch({}) });
      await idle();
      expect((await badge()).color).toEqual(GREEN);
      expect(await send(request('set', { id: KV, on: false }), POPUP)).toEqual({
        answers: 1,
        response: undefined,
      });
      expect(await watches.getValue()).toEqual({ [KV]: watch({ off: true, unseen: false }) });
      await idle();
      expect(await badge()).toEqual({ text: '1', color: BLUE, title: NAME });
      expect(await send(request('set', { id: KV, on: true }), POPUP)).toEqual({
        answers: 1,
        response: undefined,
      });
      expect(await watches.getValue()).toEqual({ [KV]: watch({ unseen: false }) });
    });

    it.each([
      ['its content script on a page of the site', PAGE],
      ['another extension', OTHER],
      ['another extension claiming our id from its own page', { id: ID, url: OTHER.url }],
    ])('from %s are refused: nothing fetched, nothing changed', async (_name, sender) => {
      start();
      await addEntry(linkEntry(KV, 'Vragen over bijeenkomsten'));
      await watches.setValue({ [KV]: watch({}) });
      await idle();
      const before = await local();
      const fetch = site(['ah-tk-20232024-1047']);
      for (const message of [request('check'), request('seen'), request('set', { id: KV, on: false })])
        expect(await send(message, sender)).toEqual({ answers: 0, response: undefined });
      await idle();
      expect(fetch).not.toHaveBeenCalled();
      expect(await local()).toEqual(before);
      expect((await badge()).color).toEqual(GREEN);
    });

    it('a malformed request is not answered', async () => {
      start();
      await idle();
      for (const message of [
        request('set', { id: KV }),
        request('set', { id: 1, on: true }),
        request('drop'),
      ])
        expect(await send(message, POPUP)).toEqual({ answers: 0, response: undefined });
    });
  });
});

describe('storage.sync', () => {
  it("takes in another device's entries when they arrive in sync, and does not read sync on a change of local", async () => {
    start();
    await idle();
    const other = linkEntry('ah-tk-20232024-1060', 'van de telefoon');
    const read = vi.spyOn(fakeBrowser.storage.sync, 'get');
    await fakeBrowser.storage.local.set({ 'kvl-unrelated': 1 });
    await idle();
    expect(read).not.toHaveBeenCalled();
    await fakeBrowser.storage.sync.set({ 'kvl-item:ah-tk-20232024-1060': other });
    await idle();
    expect(read).toHaveBeenCalled();
    expect((await local())['kvl-item:ah-tk-20232024-1060']).toEqual(other);
    expect(await badge()).toEqual({ text: '1', color: BLUE, title: NAME });
  });

  it('mirrors the list to sync once the reader turns sync on, and every change after it', async () => {
    start();
    await addEntry(linkEntry('ah-tk-20232024-1047', 'een'));
    await idle();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await fakeBrowser.storage.local.set({ syncEnabled: true });
    await idle();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      'kvl-item:ah-tk-20232024-1047': linkEntry('ah-tk-20232024-1047', 'een'),
    });
    await addEntry(linkEntry('ah-tk-20232024-1059', 'twee'));
    await idle();
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).sort()).toEqual([
      'kvl-item:ah-tk-20232024-1047',
      'kvl-item:ah-tk-20232024-1059',
    ]);
  });
});

describe('the saved copies', () => {
  // A document no other test lists: their backgrounds may still be copying their own lists, into the same database.
  const DOC = 'ah-tk-20232024-2367';
  const pages = { [`${DOC}.html`]: caseSource(`html-${DOC}`) };
  const request = (op: string, more: object = {}) => ({ type: 'kvl:copy', op, ...more });

  /** The site, serving the related fixture pages */
  const site = () => serve(pages);

  beforeEach(async () => {
    await deleteCopies([...(await copyStamps()).keys()]);
  });

  it('are made by the background when a document is listed: fetched from the site once, kept whole', async () => {
    start();
    const fetch = site();
    await addEntry(linkEntry(DOC, 'Vragen over bijeenkomsten'));
    await idle();
    const asked = () => fetch.mock.calls.map(([url]) => url).filter((url) => url.includes(DOC));
    expect(asked()).toEqual([`${SITE}/${DOC}.html`]);
    const copy = await getCopy(DOC);
    expect(copy).toMatchObject({ version: 1, id: DOC, url: `${SITE}/${DOC}.html` });
    // Made a second after the change (the keeper's debounce), when the fetch came back.
    expect(copy?.savedAt).toBeGreaterThanOrEqual(NOW + 1000);
    expect(copy?.savedAt).toBeLessThanOrEqual(Date.now());
    expect(copy?.doc.pairs.map((p) => p.numbers)).toEqual([[1], [2], [3, 4, 5, 6], [7, 8, 9, 10, 11], [12]]);
    expect(copy?.doc.answeredBy?.name).toBe('Heinen');
    // Another change of the list copies nothing again.
    await setRead(DOC, true);
    await idle();
    expect(asked()).toHaveLength(1);
  });

  it('"refresh" from an extension page reads the document again; from a page or another extension it is refused', async () => {
    start();
    const fetch = site();
    await addEntry(linkEntry(DOC, 'Vragen over bijeenkomsten'));
    await idle();
    vi.setSystemTime(NOW + 60_000);
    for (const sender of [PAGE, OTHER, { id: ID, url: OTHER.url }])
      expect(await send(request('refresh', { id: DOC }), sender)).toEqual({
        answers: 0,
        response: undefined,
      });
    expect(fetch).toHaveBeenCalledTimes(1);
    const { answers, response } = await send(request('refresh', { id: DOC }), POPUP);
    expect(answers).toBe(1);
    expect(response).toMatchObject({ ok: true, copy: { id: DOC, savedAt: NOW + 60_000 } });
    expect((await getCopy(DOC))?.savedAt).toBe(NOW + 60_000);
    expect(await send(request('refresh', { id: 1 }), POPUP)).toEqual({ answers: 0, response: undefined });
  });
});
