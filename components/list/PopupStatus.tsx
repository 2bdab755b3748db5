// What the popup says about the current page: a Kamervraag found (id, pairs, subject) or none.
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import type { KvlStatus } from '@/utils/messages';

export type PopupState = { kind: 'loading' } | { kind: 'none' } | { kind: 'found'; status: KvlStatus };

export function pairsLabel(count: number): string {
  return t(count === 1 ? 'pairsOne' : 'pairsMany', String(count));
}

export function PopupStatus({ state, children }: { state: PopupState; children?: ComponentChildren }) {
  return (
    <main class="kvl-popup">
      <h1>Kamervragen Lezer</h1>
      {state.kind === 'loading' && <p class="kvl-status">{t('popupSearching')}</p>}
      {state.kind === 'none' && (
        <p class="kvl-status" data-testid="kvl-status" data-state="none">
          {t('popupNone')}
        </p>
      )}
      {state.kind === 'found' && (
        <>
          <p class="kvl-status" data-testid="kvl-status" data-state="found">
            {t('popupFound', state.status.id, pairsLabel(state.status.pairs))}
          </p>
          {state.status.subject && <p class="kvl-subject">{state.status.subject}</p>}
        </>
      )}
      {children}
    </main>
  );
}
