import { useTranslation } from 'react-i18next';
import { useShownTitle } from '../shell/useShownTitle';
import { leavePresentation } from './presentation';

/** The only chrome left while presenting: the title, a key reminder and the way out. */
export function PresentBar() {
  const { t } = useTranslation('lessons');
  const title = useShownTitle();
  return (
    <div data-present-bar className="pointer-events-none absolute inset-x-0 top-0 z-20 flex items-start justify-between p-3">
      <div className="pointer-events-auto rounded-lg bg-white/90 px-3 py-1.5 text-lg font-semibold tracking-tight text-zinc-900 shadow-sm backdrop-blur dark:bg-zinc-900/90 dark:text-white">{title}</div>
      <div className="pointer-events-auto flex items-center gap-3 rounded-lg bg-white/90 px-3 py-1.5 text-xs text-zinc-600 shadow-sm backdrop-blur dark:bg-zinc-900/90 dark:text-zinc-300">
        <span>{t('present.keys')}</span>
        <button type="button" onClick={leavePresentation} className="rounded-md bg-zinc-900 px-2.5 py-1 font-semibold text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
          {t('present.exit')}
        </button>
      </div>
    </div>
  );
}
