// A complete reading-list entry for an e2e test to store (through the background's writer): a document's facts as
// the view would save them.
import { completeEntry, entryFromLink, type ReadingEntry } from '../../../utils/reading-list/entry';

export function savedEntry(id: string, note = ''): ReadingEntry {
  const now = Date.now();
  const link = entryFromLink(`https://zoek.officielebekendmakingen.nl/${id}.html`, `Vragen ${id}`, now);
  const full = completeEntry(
    link as ReadingEntry,
    {
      id,
      kind: 'antwoord',
      subject: `Vragen over onderwerp ${id}`,
      askers: [{ name: 'Jansen', party: 'CDA' }],
      answeredBy: { role: 'Minister', name: 'Van Dijk', ministry: 'Financiën' },
      dateSubmitted: '2024-01-10',
      dateReceived: '2024-02-01',
    },
    now,
  );
  return { ...full, note };
}
