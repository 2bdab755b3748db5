// The saved-copy page (copy.html?id=<document id>#vraag-N): wiring only.
import { render } from 'preact';
import { SavedCopyPage } from '@/components/copy/SavedCopyView';
import { startLanguage } from '@/utils/bundled-messages';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import '../content/style.css';
import '@/components/model/page.css';

writeThroughBackground();
const root = document.getElementById('app');
// The interface's language first; 'pagina' is the document's: a saved copy is of a (Dutch) document of the site.
void startLanguage('nl').then(() => {
  if (root) render(<SavedCopyPage id={new URLSearchParams(location.search).get('id')} />, root);
});
