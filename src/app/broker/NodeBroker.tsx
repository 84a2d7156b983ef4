/** What the broker as a whole shows on an agent node: a producer blocked by a resource alarm. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

export const BlockedMark = memo(function BlockedMark({ blocked }: { blocked: boolean }) {
  const { t } = useTranslation('broker');
  if (!blocked) return null;
  return (
    <span
      data-blocked-mark
      title={t('blockedHint')}
      className="absolute -top-2.5 left-6 z-10 rounded-full bg-red-600 px-2 py-0.5 text-[10px] leading-3 font-bold tracking-wide text-white uppercase shadow ring-2 ring-white dark:ring-zinc-900"
    >
      ⏸ {t('blocked')}
    </span>
  );
});
