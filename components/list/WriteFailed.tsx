// A change the background did not store (storage refused it), said where it was made; the list stays as stored.

import { t } from '../../utils/i18n';

export function WriteFailed({ error }: { error: string | null }) {
  return error ? (
    <p class="kvl-error" role="alert" data-kvl-error="">
      {t('writeFailed', error)}
    </p>
  ) : null;
}
