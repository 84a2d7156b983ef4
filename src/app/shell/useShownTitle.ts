import { useTranslation } from 'react-i18next';
import { emptyScenario } from '../../scenario/factory';
import { useDocument } from '../../store/document';

const UNTITLED = emptyScenario().title;

/**
 * The open document's title as shown: a new document's default title ("Untitled", stored so in the
 * document) reads in the reader's language; a title someone gave it reads as they wrote it.
 */
export function useShownTitle(): string {
  const { t } = useTranslation('inspector');
  const title = useDocument((s) => s.doc.title);
  return title === UNTITLED || title === '' ? t('document.untitled') : title;
}
