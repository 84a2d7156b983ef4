import { useTranslation } from 'react-i18next';
import type { Localized } from '../../scenario/schema';

/** The reader's language for lesson text ('zh' or 'en'), re-rendering when it changes. */
export function useLessonLanguage(): keyof Localized {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
}

/** Text in the reader's language, falling back to English when a translation is empty. */
export const localize = (text: Localized, lang: keyof Localized): string => text[lang] || text.en;
