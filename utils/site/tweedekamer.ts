// The Tweede Kamer's own site, where a set of questions has its page under its kamervraagnummer (zaak), and how that
// number shows in the ids of this site.

/** A kamervraagnummer: year, "Z", five digits ("2024Z02563") */
const QUESTION_NUMBER = /^(?:19|20)\d\dZ\d{5}$/u;

/** The kamervraagnummer in a Tweede Kamer kv page's id ("kv-tk-2024Z02563" → "2024Z02563"), else null. */
export function questionNumberOfId(id: string | null): string | null {
  const m = id ? /^kv-tk-(.*)$/u.exec(id) : null;
  return m && QUESTION_NUMBER.test(m[1]) ? m[1] : null;
}

/**
 * The questions' page on tweedekamer.nl (`…/kamervragen/detail?id=2024Z02563`; seen with `did=` and `id=` both, the
 * zaak alone is taken to be enough), or null for anything that is not a kamervraagnummer.
 */
export function tweedeKamerUrl(questionNumber: string | null): string | null {
  return questionNumber && QUESTION_NUMBER.test(questionNumber)
    ? `https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=${questionNumber}`
    : null;
}
