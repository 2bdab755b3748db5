// Reads the omschrijving: who asked whom about what and when, and who answered when ("Vragen van …", "Antwoord van …").

import type { Answerer, Person } from './model';
import { dutchDateToIso, normalizeSpace } from './text';

export interface HeaderInfo {
  askers: Person[];
  addressees: string[];
  subject: string | null;
  dateSubmitted: string | null;
  dateReceived: string | null;
  answeredBy: Answerer | null;
  coSigners: Answerer[];
  /** "Antwoord" or "Mededeling" as the header calls the reply, null when there is no reply line */
  replyKind: 'antwoord' | 'mededeling' | null;
}

// Dutch month names are plain ASCII letters: a Unicode letter class (\p{L}) would cost its regexes a far slower
// first compile in every page.
const DATE = String.raw`(\d{1,2}\s+[A-Za-z]+\s+\d{4})`;
const ASKED = new RegExp(
  String.raw`Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(.+?)\s+aan\s+(?:de|het)\s+(.+?)\s+over\s+(.+?)\s*\(ingezonden\s+${DATE}\s*\)`,
  'su',
);
const REPLY = new RegExp(
  String.raw`(Antwoord|Mededeling)\s+van\s+(.+?)\s*\((?:ontvangen\s*\(?\s*)+${DATE}\s*\)`,
  'su',
);

/** "Van Eijk en Aartsen (beiden VVD)", "Mutluer (GroenLinks-PvdA) en Kostić (PvdD)", "Faber-van de Klashorst(PVV)" */
export function parseAskers(text: string): Person[] {
  const people: Person[] = [];
  const splitNames = (names: string) =>
    names
      .split(/\s*,\s*|\s+en\s+/u)
      .map((n) => n.trim())
      .filter(Boolean);
  let rest = text;
  for (const m of text.matchAll(/([^()]+?)\s*\(([^()]*)\)/gu)) {
    const party = m[2].replace(/^(?:beiden|beide|allen)\s+/u, '').trim();
    for (const name of splitNames(m[1].replace(/^\s*(?:,|en\b)\s*/u, ''))) people.push({ name, party });
    rest = rest.replace(m[0], '');
  }
  for (const name of splitNames(rest.replace(/^\s*(?:,|en\b)\s*/u, ''))) people.push({ name });
  return people;
}

/** "Ministers van X en van Y" → ["Minister van X", "Minister van Y"]; "Minister-President en de Minister van Z" → both. */
export function parseAddressees(text: string): string[] {
  const parts = text.split(/\s*,\s*(?=(?:van|voor|de|het)\s)|\s+en\s+(?=(?:van|voor|de|het)\s)/u);
  const out: string[] = [];
  let role = '';
  for (const raw of parts) {
    const part = raw.replace(/^(?:de|het)\s+/u, '').trim();
    if (!part) continue;
    if (/^(?:van|voor)\s/u.test(part) && role) {
      out.push(`${role} ${part}`);
      continue;
    }
    const m = /^(\S+)/u.exec(part);
    role = singular(m ? m[1] : part);
    out.push(part.replace(/^\S+/u, role));
  }
  return out;
}

function singular(role: string): string {
  if (role === 'Ministers') return 'Minister';
  if (role === 'Staatssecretarissen') return 'Staatssecretaris';
  return role;
}

/** "Minister Helder (Volksgezondheid, Welzijn en Sport)" or "de Minister van Financiën" */
function parseAnswerer(text: string): Answerer[] {
  const t = text.replace(/^(?:de|het)\s+/u, '').trim();
  const named = /^(\S+)\s+(.+?)\s*\(([^()]*)\)$/u.exec(t);
  if (named && !/^(?:van|voor)\s/u.test(named[2])) {
    return [{ role: singular(named[1]), name: named[2], ministry: named[3].trim() }];
  }
  // "de Staatssecretarissen van VWS en van JenV": one co-signer per portfolio
  return parseAddressees(t).map((a) => {
    const m = /^(\S+)\s+(?:van|voor)\s+(.+)$/u.exec(a);
    return m ? { role: m[1], name: '', ministry: m[2] } : { role: a, name: '' };
  });
}

export function parseHeader(rawText: string): HeaderInfo {
  const text = normalizeSpace(rawText);
  const info: HeaderInfo = {
    askers: [],
    addressees: [],
    subject: null,
    dateSubmitted: null,
    dateReceived: null,
    answeredBy: null,
    coSigners: [],
    replyKind: null,
  };
  const asked = ASKED.exec(text);
  if (asked) {
    info.askers = parseAskers(asked[1]);
    info.addressees = parseAddressees(asked[2]);
    info.subject = asked[3].trim();
    info.dateSubmitted = dutchDateToIso(asked[4]);
  }
  const reply = REPLY.exec(text);
  if (reply) {
    info.replyKind = reply[1] === 'Mededeling' ? 'mededeling' : 'antwoord';
    info.dateReceived = dutchDateToIso(reply[3]);
    const [main, mede] = reply[2].split(/,?\s+mede\s+namens\s+/u);
    // "Minister Bruins Slot (BZ) van Minister Schreinemacher (BHO)": the first named is the one who answered
    const first = /^(.+?\([^()]*\))/u.exec(main);
    info.answeredBy = parseAnswerer(first ? first[1] : main)[0] ?? null;
    if (mede) info.coSigners = parseAnswerer(mede);
  }
  return info;
}
