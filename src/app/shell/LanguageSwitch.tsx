import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

const NAMES: Record<Language, string> = { en: 'EN', zh: '中文' };

/** EN | 中文, remembered across visits. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('editor');
  const current = i18n.resolvedLanguage === 'zh' ? 'zh' : 'en';
  return (
    <div role="group" aria-label={t('language')} className="flex rounded-md border border-zinc-200 p-0.5 dark:border-zinc-700">
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={current === lang}
          onClick={() => setLanguage(lang)}
          className={`rounded px-2 text-xs leading-6 font-medium ${
            current === lang ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white'
          }`}
        >
          {NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
