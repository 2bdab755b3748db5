// What the popup says about the current page: a Kamervraag found (id, pairs, subject) or none.
import type { ComponentChildren } from 'preact';
import type { KvlStatus } from '@/utils/messages';

export type PopupState = { kind: 'loading' } | { kind: 'none' } | { kind: 'found'; status: KvlStatus };

export function pairsLabel(count: number): string {
  return `${count} ${count === 1 ? 'vraag/antwoord-paar' : 'vraag/antwoord-paren'}`;
}

export function PopupStatus({ state, children }: { state: PopupState; children?: ComponentChildren }) {
  return (
    <main class="kvl-popup">
      <h1>Kamervragen Lezer</h1>
      {state.kind === 'loading' && <p class="kvl-status">Bezig met zoeken…</p>}
      {state.kind === 'none' && (
        <p class="kvl-status" data-testid="kvl-status" data-state="none">
          Geen Kamervragen-document op deze pagina
        </p>
      )}
      {state.kind === 'found' && (
        <>
          <p class="kvl-status" data-testid="kvl-status" data-state="found">
            Kamervraag gevonden: {state.status.id} — {pairsLabel(state.status.pairs)}
          </p>
          {state.status.subject && <p class="kvl-subject">{state.status.subject}</p>}
        </>
      )}
      {children}
    </main>
  );
}
