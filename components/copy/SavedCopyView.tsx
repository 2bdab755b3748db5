// The saved-copy page: a document's stored copy in the same reading view as on the site, offline, with when it was
// saved, a link to the live page and "refresh copy".

import { useEffect, useState } from 'preact/hooks';
import { failText, shortDay } from '../../utils/format';
import { t } from '../../utils/i18n';
import { pdfPageUrl } from '../../utils/pdf/page-url';
import type { SavedCopy } from '../../utils/saved/copy';
import { getCopy } from '../../utils/saved/db';
import { refreshCopy } from '../../utils/saved/requests';
import { answersOpen } from '../../utils/settings';
import { sitePdfUrl } from '../../utils/site/ids';
import { warn } from '../../utils/warn';
import { ModelView } from '../model/ModelView';

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'shown'; copy: SavedCopy; open: boolean };

export function SavedCopyPage({ id }: { id: string | null }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!id) {
      setLoaded({ state: 'missing' });
      return;
    }
    Promise.all([getCopy(id), answersOpen.getValue()])
      .then(([copy, open]) => setLoaded(copy ? { state: 'shown', copy, open } : { state: 'missing' }))
      .catch((err) => {
        warn(err);
        setLoaded({ state: 'missing' });
      });
  }, [id]);
  if (loaded.state === 'loading') return <p class="kvl-page-state">{t('copyLoading')}</p>;
  if (loaded.state === 'missing') {
    return (
      <p class="kvl-page-state" data-kvl-copy="missing">
        {t('copyMissing')}
      </p>
    );
  }
  return (
    <CopyView
      key={loaded.copy.savedAt}
      copy={loaded.copy}
      open={loaded.open}
      onRefreshed={(copy) => setLoaded({ ...loaded, copy })}
    />
  );
}

function CopyView({
  copy,
  open,
  onRefreshed,
}: {
  copy: SavedCopy;
  open: boolean;
  onRefreshed(c: SavedCopy): void;
}) {
  const { doc } = copy;
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <p class="kvl-page-state" role="alert" data-kvl-copy="failed">
        {t('copyFailed')} <a href={copy.url}>{t('copyLive')}</a>
      </p>
    );
  }
  // A copy read from a PDF (the background reads no PDFs) is made again by the PDF page, which reads it anew.
  const pdf = sitePdfUrl(copy.url);
  const refresh = async () => {
    if (pdf) {
      location.assign(pdfPageUrl(pdf));
      return;
    }
    setStatus(t('copyRefreshing'));
    try {
      const r = await refreshCopy(copy.id);
      if (r.ok) {
        setStatus(t('copyRefreshed'));
        onRefreshed(r.copy);
      } else {
        setStatus(t('copyRefreshFailed', r.reason === 'notSaved' ? t('copyNotSaved') : failText(r.reason)));
      }
    } catch (err) {
      setStatus(t('copyRefreshFailed', err instanceof Error ? err.message : String(err)));
    }
  };
  document.title = t('copyTitle', doc.subject ?? copy.id);
  return (
    <ModelView
      doc={doc}
      pageUrl={copy.url}
      open={open}
      marker={{ 'data-kvl-copy': copy.id }}
      onShowOriginal={() => location.assign(copy.url)}
      onFailed={() => setFailed(true)}
    >
      <p class="kvl-page-line" data-kvl-saved-at={new Date(copy.savedAt).toISOString()}>
        {t('copySavedOn', shortDay(copy.savedAt))} <a href={copy.url}>{t('copyLive')}</a>{' '}
        <button type="button" data-kvl-action="refresh-copy" onClick={() => void refresh()}>
          {t('copyRefresh')}
        </button>
        {status ? (
          <span role="status" data-kvl-copy-status="">
            {' '}
            {status}
          </span>
        ) : null}
      </p>
    </ModelView>
  );
}
