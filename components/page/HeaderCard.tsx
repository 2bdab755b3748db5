// The header card: what the document is, who asked and answered, when, and the view's controls. (Related documents:
// the navigator, components/related/Navigator.tsx.)

import { answererText, dateText, kindLabel } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { KamervraagDocument } from '../../utils/kamervraag/model';
import { trusted } from '../../utils/trusted';
import { SaveControls } from './SaveControls';

export interface Controls {
  onExpandAll(): void;
  onCollapseAll(): void;
  onShowOriginal(): void;
  openByDefault: boolean;
  onOpenByDefault(open: boolean): void;
}

export function HeaderCard({
  doc,
  origin,
  controls,
  pageUrl,
}: {
  doc: KamervraagDocument;
  origin: string;
  controls: Controls;
  /** The page's URL, for the reading list (defaults to the current location) */
  pageUrl?: string;
}) {
  const id = doc.id;
  const rows: [string, string][] = [];
  if (doc.askers.length) {
    rows.push([
      t('askedBy'),
      doc.askers.map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(', '),
    ]);
  }
  if (doc.addressees.length) rows.push([t('addressedTo'), doc.addressees.join(', ')]);
  const submitted = dateText(doc.dateSubmitted);
  if (submitted) rows.push([t('submitted'), submitted]);
  if (doc.answeredBy) {
    const co = doc.coSigners.length ? `, ${t('coSigned')} ${doc.coSigners.map(answererText).join(', ')}` : '';
    rows.push([t('answeredBy'), answererText(doc.answeredBy) + co]);
  }
  const received = dateText(doc.dateReceived);
  if (received) rows.push([t('received'), received]);
  if (doc.id) rows.push([t('identifier'), doc.id]);

  return (
    <div class="kvl-card">
      <p class="kvl-kind">{kindLabel(doc.kind)}</p>
      {doc.subject ? <p class="kvl-subject">{doc.subject}</p> : null}
      <dl class="kvl-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {doc.id ? (
          <div>
            <dt>{t('downloads')}</dt>
            <dd>
              <a href={`${origin}/${doc.id}.pdf`}>PDF</a> · <a href={`${origin}/${doc.id}.xml`}>XML</a>
            </dd>
          </div>
        ) : null}
      </dl>
      <div class="kvl-controls">
        {id ? <SaveControls doc={{ ...doc, id }} pageUrl={pageUrl ?? location.href} /> : null}
        {doc.pairs.some((p) => p.answer !== null) ? (
          <>
            <button type="button" data-kvl-action="expand-all" onClick={controls.onExpandAll}>
              {t('expandAll')}
            </button>
            <button type="button" data-kvl-action="collapse-all" onClick={controls.onCollapseAll}>
              {t('collapseAll')}
            </button>
            <label class="kvl-setting">
              <input
                type="checkbox"
                data-kvl-action="open-by-default"
                checked={controls.openByDefault}
                // On the click, not the change: after a page script's click() the browser's change event is
                // trusted, the click itself is not. (Space on a focused checkbox is a trusted click too.)
                onClick={trusted((e) =>
                  controls.onOpenByDefault((e.currentTarget as HTMLInputElement).checked),
                )}
              />
              {t('openByDefault')}
            </label>
          </>
        ) : null}
        <button type="button" data-kvl-action="toggle-original" onClick={trusted(controls.onShowOriginal)}>
          {t('showOriginal')}
        </button>
      </div>
      <p class="kvl-keys">{t('keys')}</p>
    </div>
  );
}
