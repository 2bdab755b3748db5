// The header card: what the document is, who asked and answered, when, and the view's controls. (Related documents:
// the navigator, components/related/Navigator.tsx.)

import type { ComponentChildren } from 'preact';
import { answererText, citation, dateText, kindLabel } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { KamervraagDocument } from '../../utils/kamervraag/model';
import { tweedeKamerUrl } from '../../utils/site/tweedekamer';
import { trusted } from '../../utils/trusted';
import { CopyButton } from './CopyButton';
import { SaveControls } from './SaveControls';

export interface Controls {
  onExpandAll(): void;
  onCollapseAll(): void;
  onShowOriginal(): void;
  openByDefault: boolean;
  onOpenByDefault(open: boolean): void;
}

/** One fact of the card (the test hooks: `data-kvl-fact`, `data-kvl-value`) */
interface Fact {
  fact: string;
  label: string;
  text: string;
  value?: string | null;
  /** A fact shown with it (the days the answer took, with its date) */
  extra?: { fact: string; text: string; value: string };
  /** A link after it (the questions' page at the Tweede Kamer) */
  link?: { href: string; text: string };
}

/** A fact that is kept on one line (style.css): a date, a number, one name */
const short = (f: Fact) => f.label.length + f.text.length + (f.extra?.text.length ?? 0) <= 48;

/** Days from one ISO date to another; null unless both are there and in order. */
function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return Number.isFinite(days) && days >= 0 ? days : null;
}

export function HeaderCard({
  doc,
  origin,
  controls,
  pageUrl,
  published,
  related,
}: {
  doc: KamervraagDocument;
  origin: string;
  controls: Controls;
  /** The header as published, folded: in the card's top line, opening below it */
  published?: ComponentChildren;
  /** The other documents of the set (the navigator): the card's last line */
  related?: ComponentChildren;
  /** The page's URL, for the reading list (defaults to the current location) */
  pageUrl?: string;
}) {
  const id = doc.id;
  // Each fact once, as text and, where it has one, as a machine value (dates ISO, numbers as digits).
  const rows: Fact[] = [];
  if (doc.askers.length) {
    const askers = doc.askers.map((a) => (a.party ? `${a.name} (${a.party})` : a.name)).join(', ');
    rows.push({ fact: 'asker', label: t('askedBy'), text: askers });
  }
  if (doc.addressees.length)
    rows.push({ fact: 'recipient', label: t('addressedTo'), text: doc.addressees.join(', ') });
  const submitted = dateText(doc.dateSubmitted);
  if (submitted)
    rows.push({ fact: 'submitted', label: t('submitted'), text: submitted, value: doc.dateSubmitted });
  if (doc.answeredBy) {
    const co = doc.coSigners.length ? `, ${t('coSigned')} ${doc.coSigners.map(answererText).join(', ')}` : '';
    // A mededeling is sent, not an answer: "Mededeling van"
    const label = doc.kind === 'mededeling' ? t('mededelingBy') : t('answeredBy');
    rows.push({ fact: 'answered-by', label, text: answererText(doc.answeredBy) + co });
  }
  const received = dateText(doc.dateReceived);
  if (received) {
    const days = daysBetween(doc.dateSubmitted, doc.dateReceived);
    rows.push({
      fact: 'answered',
      label: t('received'),
      text: received,
      value: doc.dateReceived,
      extra:
        days === null ? undefined : { fact: 'days', text: t('daysLater', String(days)), value: String(days) },
    });
  }
  if (doc.id) {
    const n = doc.aanhangselnummer;
    rows.push({
      fact: 'number',
      label: t('identifier'),
      text: doc.id,
      value: n === null ? undefined : String(n),
    });
  }

  // Saved copies made before the number was read have no such field.
  const questionNumber = doc.questionNumber ?? null;
  const tk = tweedeKamerUrl(questionNumber);
  if (questionNumber) {
    rows.push({
      fact: 'question-number',
      label: t('questionNumber'),
      text: questionNumber,
      value: questionNumber,
      link: tk ? { href: tk, text: t('onTweedeKamer') } : undefined,
    });
  }
  const cite = citation(doc);
  const answers = doc.pairs.some((p) => p.answer !== null);

  return (
    <div class="kvl-card">
      <div class="kvl-card-top">
        <p class="kvl-kind">{kindLabel(doc.kind)}</p>
        {published}
        {/* The site's own layout, one click away: at the top, apart from the reading controls. */}
        <button
          type="button"
          class="kvl-quiet"
          data-kvl-action="toggle-original"
          onClick={trusted(controls.onShowOriginal)}
        >
          {t('showOriginal')}
        </button>
      </div>
      {doc.subject ? <h1 class="kvl-subject">{doc.subject}</h1> : null}
      {/* The facts run on as a line of text (each labelled), so they take a few lines, not a row each. */}
      <dl class="kvl-facts">
        {rows.map((r) => (
          <div key={r.fact} class={short(r) ? 'kvl-short' : undefined}>
            <dt>{r.label}</dt>
            <dd data-kvl-fact={r.fact} data-kvl-value={r.value ?? undefined}>
              {r.text}
              {r.extra ? (
                <>
                  {' '}
                  <span data-kvl-fact={r.extra.fact} data-kvl-value={r.extra.value}>
                    {r.extra.text}
                  </span>
                </>
              ) : null}
              {r.link ? (
                <>
                  {' · '}
                  <a href={r.link.href} rel="noopener">
                    {r.link.text}
                  </a>
                </>
              ) : null}
            </dd>
          </div>
        ))}
        {doc.id ? (
          <div class="kvl-short">
            <dt>{t('downloads')}</dt>
            <dd>
              <a href={`${origin}/${doc.id}.pdf`}>PDF</a> · <a href={`${origin}/${doc.id}.xml`}>XML</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {/* One row: saving first (the one primary control), then what acts on the whole view. */}
      <div class="kvl-controls">
        {id ? <SaveControls doc={{ ...doc, id }} pageUrl={pageUrl ?? location.href} primary /> : null}
        {cite ? <CopyButton text={cite} action="copy-citation" label={t('copyCitation')} /> : null}
        {answers ? (
          <>
            <button type="button" data-kvl-action="expand-all" onClick={controls.onExpandAll}>
              {t('expandAll')}
            </button>
            <button type="button" data-kvl-action="collapse-all" onClick={controls.onCollapseAll}>
              {t('collapseAll')}
            </button>
          </>
        ) : null}
        {/* What is set once or looked up once (answers open on every page, the keys): one click away, so the
            controls keep to one row and the first question to the first screen. */}
        <details class="kvl-more">
          <summary>{t('more')}</summary>
          {answers ? (
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
          ) : null}
          <p class="kvl-keys">
            {t('keysTitle')}: {t('keys')}
          </p>
        </details>
      </div>
      {related}
    </div>
  );
}
