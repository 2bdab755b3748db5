// Chooses between the reading view, the original layout (with a way back) and a notice when nothing was found.

import { type MessageKey, t } from '@/utils/i18n';
import type { HtmlParse } from '@/utils/kamervraag/html';
import { pageOutline } from '@/utils/reading-view/diagnostic';
import { answersOpen, viewMode } from '@/utils/settings';
import { mark } from '@/utils/timing';
import { trusted } from '@/utils/trusted';
import { warn } from '@/utils/warn';
import { FLOATING_CSS, showFloating } from './floating';
import { type MountedView, mountReadingView } from './view';

/**
 * Shows the page as the reader chose: the reading view, or the original layout with a way back; a notice when no
 * pairs were found. `onComplete` is called once, when the first showing is complete: every pair in, the original
 * shown, the notice, or a failure (the page put back).
 */
export function startReader(
  parsed: HtmlParse,
  opts: { mode: 'lezer' | 'origineel'; open: boolean; started: number; onComplete?(): void },
): { putBack(): void } {
  const html = document.documentElement;
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    opts.onComplete?.();
  };
  if (parsed.document.pairs.length === 0 || !parsed.root) {
    html.dataset.kvlStatus = 'geen-paren';
    showNotice('noPairsFound');
    complete();
    return { putBack: () => {} };
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
        onShown: () => mark('shown', started),
        onRendered: () => {
          mark('complete', started);
          html.dataset.kvlStatus = 'lezer';
          complete();
        },
        onError: (err) => {
          mounted?.unmount();
          failed(err);
        },
      });
    } catch (err) {
      // mountReadingView has put everything back
      failed(err);
    }
  };
  /** The view failed and is gone (the page as the site delivered it): say so once, keep the error for a report. */
  const failed = (err: unknown) => {
    mounted = null;
    html.dataset.kvlStatus = 'fout';
    warn(err);
    showFailure(err);
    complete();
  };
  const showOriginal = () => {
    mounted?.unmount();
    mounted = null;
    html.dataset.kvlStatus = 'origineel';
    // (the reader may leave the view before it filled in: the first showing is over then too)
    complete();
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

  if (opts.mode === 'origineel') {
    showOriginal();
    complete();
  } else showReader(opts.started);
  return {
    /** The page as the site delivered it, and no way back to the view (a later step of the page's plan failed) */
    putBack() {
      mounted?.unmount();
      mounted = null;
      hideFloating?.();
      hideFloating = null;
    },
  };
}

/**
 * Tells the reader that the view could not be built (the page is back as the site delivers it): a document nested too
 * deeply to rearrange (the browser's call stack ran out), or any other failure.
 */
export function showFailure(err: unknown): void {
  const deep = err instanceof RangeError && /call stack|too much recursion/i.test(err.message);
  showNotice(deep ? 'tooDeep' : 'viewFailed', err);
}

/** A notice outside the page's body, with "copy diagnostic": the page's outline and, after a failure, the error. */
function showNotice(message: MessageKey, err?: unknown) {
  let hide: () => void = () => {};
  const copy = async () => {
    const error =
      err === undefined
        ? ''
        : `\n\nFout: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
    const text = pageOutline(document, location.href) + error.slice(0, 500);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      window.prompt(t('copyDiagnostic'), text);
    }
  };
  hide = showFloating(
    <div role="status" data-kvl-notice={message}>
      <p>{t(message)}</p>
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
