// Every fixture case parses to its hand-checked expected.json, and the model keeps every character of the source.

import { describe, expect, it } from 'vitest';
import { modelTexts, parseHtmlDocument, parseText, parseXml } from '../../utils/kamervraag';
import { findBodyRoot, readHtmlDocument, visibleText } from '../../utils/kamervraag/html';
import { markdownToText } from '../../utils/kamervraag/markdown';
import { expectedPair } from '../support/expected';
import { caseFolders, fixtureCases, loadDom, parseFixture, readSource } from '../support/fixtures';
import { bagDiff, charBag } from '../support/nothing-lost';

const cases = fixtureCases();

describe('fixture cases', () => {
  it('has the real documents: 22 PDF texts in every input style, the seed, 6 XML fragments, HTML pages', () => {
    for (const style of ['txt', 'pdfjs', 'eol', 'spaced', 'flat', 'glued', 'md']) {
      expect(cases.filter((c) => c.name.startsWith(`${style}-ah-`)).length, style).toBe(22);
    }
    expect(cases.some((c) => c.name === 'flat-seed-eerdmans-vws')).toBe(true);
    expect(cases.some((c) => c.name === 'txt-seed-eerdmans-vws')).toBe(true);
    expect(cases.filter((c) => c.name.startsWith('xml-')).length).toBe(6);
    expect(cases.filter((c) => c.name.startsWith('html-')).length).toBeGreaterThanOrEqual(10);
    expect(caseFolders().length).toBe(cases.length);
  });

  it.each(cases)('$name matches expected.json', ({ source, expected }) => {
    const doc = parseFixture(source);
    expect(doc.id).toBe(expected.id);
    expect(doc.kind).toBe(expected.kind);
    // Numbers and a fingerprint of each side's text: a paragraph moved to another pair fails here.
    expect(doc.pairs.map(expectedPair)).toEqual(expected.pairs);
    if (expected.related) expect(doc.related.map((r) => r.id)).toEqual(expected.related);
    if (expected.footnotes !== undefined) {
      expect(doc.footnotes.length).toBe(expected.footnotes);
      expect(doc.footnotes.map((f) => f.marker)).toEqual(doc.footnotes.map((_, i) => String(i + 1)));
    }
    for (const key of [
      'subject',
      'dateSubmitted',
      'dateReceived',
      'askers',
      'addressees',
      'answeredBy',
      'questionNumber',
    ] as const) {
      if (expected[key] !== undefined) expect(doc[key]).toEqual(expected[key]);
    }
    if (expected.coSigners !== undefined) expect(doc.coSigners.length).toBe(expected.coSigners);
    if (expected.references) expect(doc.references.map((r) => r.id)).toEqual(expected.references);
    for (const r of doc.related) expect(r.url).toBe(`https://zoek.officielebekendmakingen.nl/${r.id}.html`);
    if (doc.kind !== 'antwoord') expect(doc.pairs.every((p) => p.answer === null)).toBe(true);
  });

  it.each(cases)('$name loses nothing and duplicates nothing', ({ source }) => {
    let expectedText: string;
    let texts: string[];
    if (source.endsWith('.md')) {
      // Markdown: its syntax goes (headings' #, **, rules, table pipes); every other character stays.
      const plain = markdownToText(readSource(source));
      expectedText = plain;
      texts = modelTexts(parseText(readSource(source)).document);
    } else if (source.endsWith('.txt')) {
      // Text input: only hyphens at line ends ("aanlei-\nding") may go; every other character must stay.
      const raw = readSource(source);
      texts = modelTexts(parseText(raw).document);
      const hyphens = (t: string) => t.split('-').length - 1;
      const lineEndHyphens = raw.split('\n').filter((l) => /\p{L}-\s*$/u.test(l)).length;
      const lost = hyphens(raw) - hyphens(texts.join('\n'));
      expect(lost).toBeGreaterThanOrEqual(0);
      expect(lost).toBeLessThanOrEqual(lineEndHyphens);
      expectedText = raw.replaceAll('-', '');
      texts = texts.map((t) => t.replaceAll('-', ''));
    } else if (source.endsWith('.xml')) {
      const dom = loadDom(source);
      expectedText = dom.documentElement.textContent ?? '';
      texts = modelTexts(parseXml(dom).document);
    } else {
      const dom = loadDom(source);
      const root = findBodyRoot(dom);
      expect(root).not.toBeNull();
      expectedText = visibleText(root as Element);
      texts = modelTexts(parseHtmlDocument(dom).document);
    }
    const want = charBag([expectedText]);
    const got = charBag(texts);
    expect(got.length, bagDiff(want, got)).toBe(want.length);
    expect(got === want, bagDiff(want, got)).toBe(true);
  });

  // The content script reads a long page in several tasks: a step that stops at every element it can must end in the
  // same model, blocks and placements as one read in one go.
  it.each(cases.filter((c) => c.source.endsWith('.html')))(
    '$name parses to the same result in steps as in one go',
    ({ source }) => {
      const url = `https://zoek.officielebekendmakingen.nl/${source.split('/').at(-2)}.html`;
      const whole = parseHtmlDocument(loadDom(source), url);
      const reading = readHtmlDocument(loadDom(source), url);
      let steps = 0;
      let parsed = reading.step(0); // a deadline long past: one element per step
      while (parsed === null) {
        steps++;
        parsed = reading.step(0);
      }
      expect(steps).toBeGreaterThan(whole.document.pairs.length);
      expect(parsed.document).toEqual(whole.document);
      expect(parsed.placements).toEqual(whole.placements);
      expect(parsed.blocks.map((b) => [b.text, b.role, b.group])).toEqual(
        whole.blocks.map((b) => [b.text, b.role, b.group]),
      );
    },
  );

  // The content script parses without the search for references (it links them in the page's text itself): the same
  // model but for an empty reference list, in one go and in steps alike.
  it.each(cases.filter((c) => c.source.endsWith('.html')))(
    '$name parses to the same model without references, in one go and in steps',
    ({ source }) => {
      const url = `https://zoek.officielebekendmakingen.nl/${source.split('/').at(-2)}.html`;
      const whole = parseHtmlDocument(loadDom(source), url);
      const without = parseHtmlDocument(loadDom(source), url, undefined, { references: false });
      const reading = readHtmlDocument(loadDom(source), url, undefined, { references: false });
      let stepped = reading.step(0);
      while (stepped === null) stepped = reading.step(0);
      for (const parsed of [without, stepped]) {
        expect(parsed.document.references).toEqual([]);
        expect({ ...parsed.document, references: whole.document.references }).toEqual(whole.document);
        expect(parsed.placements).toEqual(whole.placements);
      }
    },
  );
});
