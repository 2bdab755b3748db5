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
// Spaces optional: text glued by extraction has "20 november2023".
const DATE = String.raw`(\d{1,2}\s*[A-Za-z]+\s*\d{4})`;

/*
 * Each header sentence is found in steps, each one regex over a bounded stretch of text, so that the time grows
 * linearly with the header, whatever it holds: one regex with three lazy groups ("Vragen van (.+?) aan (.+?) over
 * (.+?) (ingezonden …)") took seconds on a 40 KB header without "(ingezonden".
 */
/** How far after "Vragen van het lid" / "Antwoord van" its closing "(ingezonden …)" / "(ontvangen …)" may stand */
const SENTENCE_MAX = 3000;
const ASKED_START = /Vragen\s+van\s+(?:het\s*lid|de\s*leden)\s*/gu;
const SUBMITTED = new RegExp(String.raw`\s*\(ingezonden\s+${DATE}\s*\)`, 'u');
const TO = /\s+aan\s+(?:de|het)\s*/u;
/**
 * "over" between the addressees and the subject; in glued text, when no spaced "over" is there, glued to the subject
 * ("overhet artikel"; not a word of its own such as "overheid", "overleg", "overlast") or to the last addressee
 * ("Groene Groeiover de …").
 */
const ABOUT =
  /\s+over\s+|\s+over(?!.*\sover\s)(?!heid|leg|last|name|zicht|gang|stroom|schrijd|tred|eenkomst|dracht|heveling|werk|uren|macht|val|weg|winst|leven|dag|al\b|ig)|(?<=\p{Ll})over\s+(?!.*\sover\s)/u;
const REPLY_START = /(Antwoord|Mededeling)\s+van\s+/gu;
const RECEIVED = new RegExp(String.raw`\s*\((?:ontvangen[\s(]*)+${DATE}\s*\)`, 'u');

/** For each match of `start` (global) in `text`: the stretch after it up to the first `end` within SENTENCE_MAX. */
function* sentences(
  text: string,
  start: RegExp,
  end: RegExp,
): Generator<{ opening: RegExpExecArray; body: string; closing: RegExpExecArray }> {
  start.lastIndex = 0;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + SENTENCE_MAX);
    const closing = end.exec(window);
    if (closing) yield { opening: m, body: window.slice(0, closing.index), closing };
    start.lastIndex = m.index + 1;
  }
}

/** "Vragen van het lid A aan de B over C (ingezonden D)": [askers, addressees, subject, date] */
function askedSentence(text: string): [string, string, string, string] | null {
  for (const { body, closing } of sentences(text, ASKED_START, SUBMITTED)) {
    const to = TO.exec(body);
    if (!to || to.index === 0) continue;
    const rest = body.slice(to.index + to[0].length);
    const about = ABOUT.exec(rest);
    if (!about || about.index === 0 || about.index + about[0].length >= rest.length) continue;
    return [
      body.slice(0, to.index),
      rest.slice(0, about.index),
      rest.slice(about.index + about[0].length),
      closing[1],
    ];
  }
  return null;
}

/** "Antwoord van A (ontvangen D)" or "Mededeling van A (…)": [kind, who, date] */
function replySentence(text: string): [string, string, string] | null {
  for (const { opening, body, closing } of sentences(text, REPLY_START, RECEIVED)) {
    if (body.length > 0) return [opening[1], body, closing[1]];
  }
  return null;
}

/** "Van Eijk en Aartsen (beiden VVD)", "Mutluer (GroenLinks-PvdA) en Kostić (PvdD)", "Faber-van de Klashorst(PVV)" */
function parseAskers(text: string): Person[] {
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
function parseAddressees(text: string): string[] {
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
  // Composed ("Kostić", "Yeşilgöz" one letter each, as a PDF's text may give them in two): a name, a ministry or a
  // subject compares equal however the text came.
  const text = normalizeSpace(rawText).normalize('NFC');
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
  const asked = askedSentence(text);
  if (asked) {
    info.askers = parseAskers(asked[0]);
    info.addressees = parseAddressees(asked[1]);
    info.subject = asked[2].trim();
    info.dateSubmitted = dutchDateToIso(asked[3]);
  }
  const reply = replySentence(text);
  if (reply) {
    info.replyKind = reply[0] === 'Mededeling' ? 'mededeling' : 'antwoord';
    info.dateReceived = dutchDateToIso(reply[2]);
    const [main, mede] = reply[1].split(/,?\s+mede\s*namens\s+/u);
    // "Minister Bruins Slot (BZ) van Minister Schreinemacher (BHO)": the first named is the one who answered
    const first = /^(.+?\([^()]*\))/u.exec(main);
    info.answeredBy = parseAnswerer(first ? first[1] : main)[0] ?? null;
    if (mede) info.coSigners = parseAnswerer(mede);
  }
  return info;
}
