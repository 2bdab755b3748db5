// The one shape every adapter produces and the classifier consumes: a run of text with what the markup says of it.

export type BlockRole = 'vraag' | 'antwoord' | 'mededeling' | 'omschrijving' | 'noot' | 'furniture';

export interface Block<S = unknown> {
  /** The block's text as printed (whitespace may be normalised by the classifier) */
  text: string;
  /** What the markup says this block is, when it says anything */
  role?: BlockRole;
  /** The markup marks this block as a label/heading (h2 in div.vraag, <nr>, p.nummer) */
  heading?: boolean;
  /** Blocks from the same container (one div.vraag, one <antwoord>) share a group number */
  group?: number;
  /** Footnote marker, for role 'noot' */
  marker?: string;
  /** Where the block came from (a DOM node for the HTML adapter), untouched by the parser */
  source?: S;
}

/** What the source says about itself outside the body text (meta tags, XML attributes, PDF footer). */
export interface SourceMeta {
  id?: string | null;
  vergaderjaar?: string | null;
  aanhangselnummer?: number | null;
  /** "Tweede Kamer der Staten-Generaal" / "Eerste Kamer der Staten-Generaal" as printed */
  chamberName?: string | null;
  dateSubmitted?: string | null;
  dateReceived?: string | null;
  /** Askers' and addressees' names (meta tags), for a header without the sentence that names them */
  askers?: string[];
  addressees?: string[];
  /** The kamervraagnummer, e.g. 2024Z02563 */
  questionNumber?: string | null;
}
