import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/styles.css';
import { App } from './app/App';
import { startLanguage } from './app/i18n';
import { startEditor } from './app/startup';

// The language first: what opening a link or the autosave says is said in the reader's language.
await startLanguage().catch((e: unknown) => {
  // The Chinese texts could not load (offline, a failed chunk): carry on in English.
  console.warn('Could not load the chosen language; using English.', e);
});
startEditor();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
