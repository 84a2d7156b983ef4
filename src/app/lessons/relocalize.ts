/**
 * A preset's title, description and notes follow the reader's language: switching language with a
 * preset open (its text untouched) swaps them, outside the undo history (it is not an edit).
 */
import i18n from '../i18n';
import { PRESETS, relocalized } from '../../scenario/presets';
import { documentStore, getDoc } from '../../store/document';

export function startRelocalizing(): void {
  i18n.on('languageChanged', (lng: string) => {
    const next = relocalized(getDoc(), PRESETS, lng === 'zh' ? 'zh' : 'en');
    if (!next) return;
    const history = documentStore.temporal.getState();
    history.pause();
    documentStore.setState({ doc: next });
    history.resume();
  });
}
