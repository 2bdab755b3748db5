// The document model: what one Kamervragen publication says, independent of where it came from.

/** Kind of publication: an answer, a mededeling (no answer, a notice instead), or questions without answer. */
export type DocumentKind = 'antwoord' | 'mededeling' | 'vragen';

export type Chamber = 'tk' | 'ek';

export interface Person {
  name: string;
  party?: string;
}

export interface Answerer {
  /** e.g. "Minister", "Staatssecretaris", "Minister-President" */
  role: string;
  name: string;
  /** Ministry or portfolio as printed, e.g. "Financiën – Fiscaliteit en Belastingdienst" */
  ministry?: string;
}

/** A reference inside the text to another publication or parliamentary item. */
export interface Reference {
  type: 'aanhangsel' | 'kamerstuk' | 'kamervraag' | 'document';
  /** The text as printed, e.g. "Kamerstuk 36 410, nr. 72" */
  text: string;
  /** Identifier it points to: ah-tk-20232024-1047, kst-36410-72, 2024Z01234, ... */
  id: string;
  url: string;
}

export interface Related {
  id: string;
  url: string;
  /** The Aanhangsel number, as a label */
  number: number;
}

export interface Footnote {
  /** The marker as printed ("1", "2") */
  marker: string;
  text: string;
}

/** One question/answer pair: one or more questions answered together. */
export interface Pair {
  /** Display label, "Vraag 1 en 2" */
  label: string;
  /** Question numbers this pair covers, ascending */
  numbers: number[];
  /** The heading(s) as printed on the question side, one per question block */
  questionLabels: string[];
  /** Plain text of the question(s) */
  question: string;
  /** Heading as printed on the answer side (null when there is no answer or it had no heading) */
  answerLabel: string | null;
  /** Plain text of the answer, null when there is none */
  answer: string | null;
}

export interface KamervraagDocument {
  /** ah-tk-20232024-1064, kv-tk-2024Z01234, ... (null when nothing says it) */
  id: string | null;
  kind: DocumentKind;
  chamber: Chamber | null;
  /** "2023-2024" */
  vergaderjaar: string | null;
  aanhangselnummer: number | null;
  subject: string | null;
  askers: Person[];
  addressees: string[];
  /** ISO dates */
  dateSubmitted: string | null;
  dateReceived: string | null;
  answeredBy: Answerer | null;
  /** The kamervraagnummer (the Tweede Kamer's zaak number of the questions), e.g. "2024Z02563"; null when unknown */
  questionNumber: string | null;
  /** "mede namens" co-signers */
  coSigners: Answerer[];
  related: Related[];
  pairs: Pair[];
  /** Text of the Mededeling block(s), null when there is none */
  mededeling: string | null;
  footnotes: Footnote[];
  references: Reference[];
  /** Header text (titles, omschrijvingen) as printed */
  header: string[];
  /** Page furniture (running headers/footers of a PDF, the page's header table) */
  furniture: string[];
  /** Every block the classifier could not place, kept as printed */
  unclassified: string[];
}
