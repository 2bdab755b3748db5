// All knowledge of the site's markup, with the page version each selector is for (see docs: page-structure §2–§3).

/** Meta tags in <head> (2019+ design and the old design alike). */
export const META = {
  identifier: ['DC.identifier', 'dcterms.identifier'],
  publicationName: ['OVERHEIDop.publicationName'],
  vergaderjaar: ['OVERHEIDop.vergaderjaar'],
  aanhangselnummer: ['OVERHEIDop.aanhangselNummer', 'OVERHEIDop.aanhangselnummer'],
  creator: ['DC.creator'],
  dateSubmitted: ['OVERHEIDop.datumIndiening'],
  dateReceived: ['OVERHEIDop.datumOntvangst'],
  /** Who asked, to whom (names only, one meta each): the facts where the header has no sentence to read them from */
  askers: ['OVERHEIDop.indiener'],
  addressees: ['OVERHEIDop.ontvanger'],
  /** The kamervraagnummer (zaak), e.g. 2024Z02563 */
  questionNumber: ['OVERHEIDop.vraagnummer', 'OVERHEIDop.vraagNummer'],
  /** On a kv page: one per answer or mededeling */
  aanhangsel: ['OVERHEIDop.aanhangsel'],
} as const;

/** Publication names that mean a Kamervragen document. */
export const KAMERVRAGEN_PUBLICATION = /Kamervragen|Aanhangsel/iu;

/** Body classes generated from the publication XML (openkamer 2017–2019; kept in the 2019 redesign). */
export const BODY = {
  question: 'div.vraag',
  answer: 'div.antwoord',
  mededeling: 'div.kamervraagopmerking',
  omschrijving: '.kamervraagomschrijving, .kamervraagomschrijving_kop, h1.kamervraagomschrijving_kop',
  /** Older documents label answers with <p class="nummer">1</p> instead of an h2 */
  label: 'p.nummer, h2, h3, h4, .stuktitel',
  /** Footnote pop-ups: <div class="voet noot snp-mouseoffset …"> with span.nootnum and h5.note-close */
  footnote: 'div.voet.noot, div.noot.voet',
  footnoteMarker: 'span.nootnum',
  footnoteClose: 'h5.note-close, .note-close',
  /** A footnote marker in running text, linking to its note */
  noteLink: 'sup > a[href^="#"]',
} as const;

/** Containers that hold a whole document body, most specific first: 2019+ (div.stuk), old design, generic. */
export const BODY_ROOTS = ['div.stuk', 'div.officiele-publicatie', '#broodtekst', 'article'] as const;

/** Elements whose text never belongs to the document. */
export const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/**
 * Elements whose text is not to be turned into links: the skipped ones, links, controls, and MathML (whose text is
 * part of a formula; an HTML <a> inside it, or inside SVG, would not even be a link).
 */
export const NOT_LINKED_TAGS = new Set([...SKIP_TAGS, 'a', 'button', 'textarea', 'input', 'select', 'math']);

/** Content without text of its own (an image, a video, an embedded frame, a drawing): moved with the text around it. */
export const MEDIA_TAGS = new Set([
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
]);
export const MEDIA_SELECTOR = [...MEDIA_TAGS].join(',');

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);
