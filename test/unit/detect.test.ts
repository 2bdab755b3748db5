// Which pages of the site are Kamervragen documents: meta tags first, then the address, then the text.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectKamervraagPage } from '../../utils/site/detect';

const window = new Window();
const page = (head: string, body: string) =>
  new window.DOMParser().parseFromString(
    `<html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  ) as unknown as Document;
const SITE = 'https://zoek.officielebekendmakingen.nl';
const QUESTIONS =
  '<p>Vragen van het lid Jansen (Volt) aan de Minister van Financiën over iets (ingezonden 1 mei 2024).</p>\n' +
  '<h2>Vraag 1</h2>\n<p>Klopt het?</p>\n<h2>Antwoord 1</h2>\n<p>Ja.</p>';
const NOT_FOUND = '<h1>Pagina niet gevonden</h1><p>De pagina die u zoekt bestaat niet (meer).</p>';

describe('detectKamervraagPage', () => {
  it('takes the id from DC.identifier when it is a Kamervragen id', () => {
    const doc = page('<meta name="DC.identifier" content="ah-tk-20232024-1481">', QUESTIONS);
    expect(detectKamervraagPage(`${SITE}/resultaten`, doc)).toEqual({ id: 'ah-tk-20232024-1481' });
  });

  it('leaves a page alone that names itself as another publication, whatever its address or text', () => {
    const doc = page(
      '<meta name="DC.identifier" content="kst-36410-72"><meta name="OVERHEIDop.publicationName" content="Kamerstuk">',
      QUESTIONS,
    );
    expect(detectKamervraagPage(`${SITE}/ah-tk-20232024-1481.html`, doc)).toBeNull();
  });

  it('takes the id from the address when the page reads as Kamervragen', () => {
    expect(detectKamervraagPage(`${SITE}/ah-tk-20232024-1481.html`, page('', QUESTIONS))).toEqual({
      id: 'ah-tk-20232024-1481',
    });
    expect(
      detectKamervraagPage(`${SITE}/kv-tk-2024Z02563.html`, page('', '<p>Vraag 1</p><p>Hoe zit het?</p>')),
    ).toEqual({ id: 'kv-tk-2024Z02563' });
  });

  it('does not take an error page at a Kamervragen address for a document', () => {
    expect(detectKamervraagPage(`${SITE}/ah-tk-20232024-99990.html`, page('', NOT_FOUND))).toBeNull();
    // "vragen" in running text (a FAQ link) is not enough either
    const faq = `${NOT_FOUND}<footer><a href="/faq">Veelgestelde vragen</a></footer>`;
    expect(detectKamervraagPage(`${SITE}/ah-tk-20232024-99990.html`, page('', faq))).toBeNull();
  });

  it('recognises a document by its text alone, without id', () => {
    expect(detectKamervraagPage(`${SITE}/resultaten`, page('', QUESTIONS))).toEqual({ id: null });
    expect(detectKamervraagPage(`${SITE}/resultaten`, page('', NOT_FOUND))).toBeNull();
  });
});
