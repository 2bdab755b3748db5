// The printed furniture of an Aanhangsel's pages, written once for the line reader (plaintext.ts) and the inline one
// (inline.ts): the running footer, the place and year, the ISSN.

/** "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel" (its page number follows, on the line or the next) */
export const FOOTER = String.raw`(?:Tweede|Eerste) Kamer, vergaderjaar\s*\d{4}\s*[–-]\s*\d{4}, Aanhangsel`;
/** "’s-Gravenhage 2024", also without its hyphen ("'sGravenhage 2024") */
export const PLACE = String.raw`[’']s-?\s*Gravenhage\s*\d{4}`;
/** "ISSN 0921 - 7398" */
export const ISSN = String.raw`ISSN\s*\d{4}\s*-\s*\d{3}[\dX]`;
