// A control that copies a text (a pair's link, the document's citation) and says so for a moment; where the page is
// no secure context (no clipboard), the text is offered in a prompt to copy by hand.

import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

export function CopyButton({
  text,
  action,
  label,
  shown,
  className,
}: {
  text: string;
  /** data-kvl-action */
  action: string;
  /** The accessible name, and the prompt's title */
  label: string;
  /** What the button shows (default: the label) */
  shown?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      // Outside a secure context there is no navigator.clipboard: the TypeError lands below as well.
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt(label, text);
    }
  };
  return (
    <button type="button" class={className} data-kvl-action={action} onClick={copy} aria-label={label}>
      {copied ? t('copied') : (shown ?? label)}
    </button>
  );
}
