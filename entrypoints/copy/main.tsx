// The saved-copy page (copy.html?id=<document id>#vraag-N): wiring only.
import { render } from 'preact';
import { browser } from '#imports';
import { SavedCopyPage } from '@/components/copy/SavedCopyView';
import { writeThroughBackground } from '@/utils/reading-list/writer';
import '../content/style.css';
import '@/components/model/page.css';

writeThroughBackground();
document.documentElement.lang = browser.i18n?.getUILanguage?.().startsWith('en') ? 'en' : 'nl';
const root = document.getElementById('app');
if (root) render(<SavedCopyPage id={new URLSearchParams(location.search).get('id')} />, root);
