// Popup: asks the content script of the target tab what it found and shows it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { type PopupState, PopupStatus } from '@/components/PopupStatus';
import { requestStatus } from '@/utils/messages';
import './style.css';

/** The tab to ask: ?tab=<id> when given (tests, screenshots), else the active tab of this window. */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function App() {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  useEffect(() => {
    targetTabId()
      .then((tabId) => (tabId === null ? null : requestStatus(tabId)))
      .then((status) => setState(status ? { kind: 'found', status } : { kind: 'none' }))
      .catch((err: unknown) => {
        console.error('[Kamervragen Lezer]', err);
        setState({ kind: 'none' });
      });
  }, []);
  return <PopupStatus state={state} />;
}

const root = document.getElementById('app');
if (root) render(<App />, root);
