// Chooses between the reading view, the original layout (with a way back) and a notice when nothing was found.

import { t } from '@/utils/i18n';
import type { HtmlParse } from '@/utils/kamervraag/html';
import { pageOutline } from '@/utils/reading-view/diagnostic';
import { answersOpen, viewMode } from '@/utils/settings';
import { trusted } from '@/utils/trusted';
import { warn } from '@/utils/warn';
import { FLOATING_CSS, showFloating } from './floating';
import { type MountedView, mountReadingView } from './view';

export function startReader(
  parsed: HtmlParse,
  opts: { mode: 'lezer' | 'origineel'; open: boolean; started: number },
) {
  const html = document.documentElement;
  if (parsed.document.pairs.length === 0 || !parsed.root) {
    html.dataset.kvlStatus = 'geen-paren';
    showNotice();
    return;
  }
  let mounted: MountedView | null = null;
  let hideFloating: (() => void) | null = null;
  let open = opts.open;

  const showReader = (started: number) => {
    hideFloating?.();
    hideFloating = null;
    try {
      mounted = mountReadingView(parsed, {
        openByDefault: open,
        onShowOriginal: () => {
          showOriginal();
          void viewMode.setValue('origineel');
        },
        onOpenByDefault: (value) => {
          open = value;
          void answersOpen.setValue(value);
        },
        onShown: () => {
          html.dataset.kvlMs = (performance.now() - started).toFixed(2);
        },
        onRendered: () => {
          html.dataset.kvlCompleteMs = (performance.now() - started).toFixed(2);
          html.dataset.kvlStatus = 'lezer';
        },
      });
    } catch (err) {
      // mountReadingView has put everything back
      mounted = null;
      html.dataset.kvlStatus = 'fout';
      warn(err);
    }
  };
  const showOriginal = () => {
    mounted?.unmount();
    mounted = null;
    html.dataset.kvlStatus = 'origineel';
    hideFloating = showFloating(
      <button
        type="button"
        data-kvl-action="toggle-original"
        onClick={trusted(() => {
          showReader(performance.now());
          void viewMode.setValue('lezer');
        })}
      >
        {t('showReader')}
      </button>,
      FLOATING_CSS,
    );
  };

  if (opts.mode === 'origineel') showOriginal();
  else showReader(opts.started);
}

function showNotice() {
  let hide: () => void = () => {};
  const copy = async () => {
    const text = pageOutline(document, location.href);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      window.prompt(t('copyDiagnostic'), text);
    }
  };
  hide = showFloating(
    <div role="status" data-kvl-notice="">
      <p>{t('noPairsFound')}</p>
      <button type="button" data-kvl-action="copy-diagnostic" onClick={copy}>
        {t('copyDiagnostic')}
      </button>
      <button type="button" class="secondary" onClick={() => hide()}>
        {t('dismiss')}
      </button>
    </div>,
    FLOATING_CSS,
  );
}
