// Content without text of its own (an embedded video, a picture, a table of images) that stands alone in its
// paragraph is part of its pair, like everything else: nothing of the document stays behind in the hidden original.

import { describe, expect, it } from 'vitest';
import { syntheticPage } from '../../scripts/bench/synthetic';
import { parseHtmlDocument } from '../../utils/kamervraag/html';
import { sortNodes } from '../../utils/reading-view/sort-nodes';

const LONE =
  '<p id="video"><video src="uitzending.mp4"></video></p>' +
  '<table id="table"><tr><td><img alt=""></td></tr></table>' +
  '<p id="image"><img src="grafiek.png" alt=""></p>' +
  '<p id="empty"> </p>';

describe('content without text', () => {
  it('goes into the answer it stands in; an empty paragraph does not', () => {
    const html = syntheticPage(3, 'ah-tk-20232024-99970').replace(
      '<h2>Antwoord 2</h2>',
      `<h2>Antwoord 2</h2>${LONE}`,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const parsed = parseHtmlDocument(
      doc,
      'https://zoek.officielebekendmakingen.nl/ah-tk-20232024-99970.html',
    );
    expect(parsed.document.pairs.map((p) => p.numbers)).toEqual([[1], [2], [3]]);
    const { nodes } = sortNodes(parsed);
    const answer2 = nodes.pairs[1].answer as Element[];
    expect(answer2.some((n) => n.id === 'video')).toBe(true);
    expect(answer2.some((n) => n.id === 'image')).toBe(true);
    expect(answer2.some((n) => n.closest?.('#table'))).toBe(true);
    expect(answer2.some((n) => n.id === 'empty')).toBe(false);
    // and only there
    for (const [i, pair] of nodes.pairs.entries()) {
      if (i !== 1)
        expect((pair.answer as Element[]).some((n) => n.querySelector?.('video, img'))).toBe(false);
    }
  });
});
