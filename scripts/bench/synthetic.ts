// Synthetic Kamervragen pages of any number of question/answer pairs, in the site's 2019+ markup.

const PARTIES = ['VVD', 'D66', 'GL-PvdA', 'CDA', 'SP', 'PVV', 'NSC', 'BBB', 'Volt', 'CU'];
const TOPICS = ['de zorg', 'het onderwijs', 'de woningmarkt', 'de energietransitie', 'het openbaar vervoer'];

/** The div.stuk of a document with `pairs` questions, each with its answer. */
export function syntheticBody(pairs: number): string {
  const out: string[] = [
    '<div class="stuk">',
    '<h1 class="kamervraagomschrijving_kop">Vragen van het lid Jansen (Volt) aan de Minister van ' +
      'Volksgezondheid, Welzijn en Sport over de wachtlijsten in de zorg (ingezonden 1 mei 2024).</h1>',
  ];
  for (let n = 1; n <= pairs; n++) {
    const party = PARTIES[n % PARTIES.length];
    const topic = TOPICS[n % TOPICS.length];
    out.push(
      `<div class="vraag"><h2>Vraag ${n}</h2><p>Bent u bekend met het bericht over ${topic} waarin de ` +
        `fractie van ${party} stelt dat de situatie sinds 2023 met ${n} procent is verslechterd?</p></div>`,
      `<div class="antwoord"><h2>Antwoord ${n}</h2><p>Ja, ik ben bekend met het bericht over ${topic}. ` +
        `De cijfers over ${topic} laten zien dat de situatie in ${2000 + (n % 25)} is verbeterd.</p></div>`,
    );
  }
  out.push('</div>');
  return out.join('\n');
}

/** A whole page around syntheticBody, as the site would serve it. */
export function syntheticPage(pairs: number, id: string | null = null): string {
  const meta = id ? `<meta name="DC.identifier" content="${id}">\n` : '';
  return (
    `<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n` +
    `<title>Synthetische Kamervragen (${pairs} paren)</title>\n${meta}</head>\n<body>\n` +
    `<main id="main-content"><div id="broodtekst" class="broodtekst">\n${syntheticBody(pairs)}\n` +
    `</div></main>\n</body>\n</html>\n`
  );
}
