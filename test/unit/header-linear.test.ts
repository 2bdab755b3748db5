// The header's sentences are found in time linear in the header, whatever it holds: a 40 KB header (pathological for
// the old single regexes: many "aan de … over" without "(ingezonden", "ontvangen (" repeated) is read or given up
// within 50 ms, and a real header is read the same as before.

import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../utils/kamervraag/header';

const KB40 = 40_000;
const fill = (head: string, unit: string) =>
  (head + unit.repeat(Math.ceil(KB40 / unit.length))).slice(0, KB40);

const PATHOLOGICAL: [string, string][] = [
  [
    'askers, addressees and subjects without "(ingezonden"',
    fill('Vragen van het lid ', 'Jansen aan de Minister over de zorg '),
  ],
  ['many "Vragen van het lid" starts', fill('', 'Vragen van het lid Jansen aan de Minister over ')],
  ['"(ontvangen (" repeated without a date', fill('Antwoord van Minister X (', 'ontvangen (')],
  ['many "Antwoord van" starts', fill('', 'Antwoord van Minister X ')],
  ['parentheses everywhere', fill('Vragen van het lid ', '(a) aan de (b) over (c) ')],
];

describe('header sentences in linear time', () => {
  it.each(PATHOLOGICAL)('a 40 KB header of %s: given up within 50 ms', (_name, text) => {
    expect(text.length).toBe(KB40);
    const started = performance.now();
    const info = parseHeader(text);
    expect(performance.now() - started).toBeLessThan(50);
    expect(info.dateSubmitted).toBeNull();
    expect(info.dateReceived).toBeNull();
  });

  it('a real header inside 40 KB of noise is still read, in time', () => {
    const real =
      'Vragen van het lid Koekkoek (Volt) aan de Staatssecretarissen van Volksgezondheid, Welzijn en Sport en van ' +
      'Binnenlandse Zaken en Koninkrijksrelaties over mensenrechten (ingezonden 12 februari 2024). ' +
      'Antwoord van Staatssecretaris Van Huffelen (Binnenlandse Zaken en Koninkrijksrelaties), mede namens de ' +
      'Staatssecretaris van Volksgezondheid, Welzijn en Sport (ontvangen 7 maart 2024). ';
    const text =
      fill('', 'Vragen van aan de over (ingezonden (ontvangen ( ').slice(0, KB40 - real.length) + real;
    const started = performance.now();
    const info = parseHeader(text);
    expect(performance.now() - started).toBeLessThan(50);
    expect(info.askers).toEqual([{ name: 'Koekkoek', party: 'Volt' }]);
    expect(info.subject).toBe('mensenrechten');
    expect(info.dateSubmitted).toBe('2024-02-12');
    expect(info.dateReceived).toBe('2024-03-07');
    expect(info.answeredBy).toMatchObject({ role: 'Staatssecretaris', name: 'Van Huffelen' });
  });
});
