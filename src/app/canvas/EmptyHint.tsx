import { useTranslation } from 'react-i18next';

/** What an empty canvas says, so nobody wonders where to start. */
export function EmptyHint() {
  const { t } = useTranslation('editor');
  return (
    <div className="pointer-events-none absolute inset-0 grid place-items-center">
      <div className="max-w-sm text-center">
        <p className="text-lg font-semibold text-zinc-700 dark:text-zinc-200">{t('canvas.emptyTitle')}</p>
        <p className="mt-1 text-sm leading-6 text-zinc-500 dark:text-zinc-400">{t('canvas.emptyBody')}</p>
      </div>
    </div>
  );
}
