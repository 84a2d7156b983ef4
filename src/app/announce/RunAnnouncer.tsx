/**
 * A polite live region that tells a screen reader what the run did in the last second
 * ("3 published, 2 delivered, 1 dead-lettered"), and only when something happened.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulationStore } from '../../store/simulation';
import { changes, totals } from './runSummary';

const EVERY_MS = 1000;

export function RunAnnouncer() {
  const { t } = useTranslation('simulation');
  const [text, setText] = useState('');
  useEffect(() => {
    let last = totals(simulationStore.getState().counters);
    const timer = setInterval(() => {
      const now = totals(simulationStore.getState().counters);
      const moved = changes(last, now);
      last = now;
      if (!moved.length) return;
      const parts = moved.map(([field, count]) => t(`announce.${field}`, { count }));
      setText(t('announce.summary', { parts: parts.join(t('announce.separator')) }));
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [t]);
  return (
    // Placed and contained: its text, new every second while a run plays, is laid out on its own
    // rather than with the whole page.
    <div role="status" aria-live="polite" data-run-announcer className="sr-only top-0 left-0 [contain:strict]">
      {text}
    </div>
  );
}
