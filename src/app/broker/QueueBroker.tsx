/**
 * What the broker as a whole adds to a queue on the canvas: the feature letters its policy adds
 * (dashed, "from policy X") and, after a restart, that the broker no longer has it.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { policyFeatures } from '../../scenario/broker';
import type { NodeOf } from '../../scenario/schema';
import { useDocument } from '../../store/document';
import { useBroker } from './store';

type QueueConfig = NodeOf<'queue'>['config'];

/** `<li>`s for the queue's feature list. */
export const PolicyLetters = memo(function PolicyLetters({ config }: { config: QueueConfig }) {
  const { t } = useTranslation('broker');
  const broker = useDocument((s) => s.doc.broker);
  const features = policyFeatures(broker, config);
  return (
    <>
      {features.map((f) => (
        <li
          key={`policy-${f.abbr}`}
          data-feature={f.abbr}
          data-policy={f.policy}
          title={t('policyLetter', { policy: f.policy, key: f.key, value: f.value })}
          className="rounded border border-dashed border-violet-400 px-1 text-[13px] leading-4 font-semibold text-violet-700 dark:border-violet-400/70 dark:text-violet-300"
        >
          {f.abbr}
        </li>
      ))}
    </>
  );
});

/** A line under the queue when the running broker does not have it (after a restart). */
export const QueueGone = memo(function QueueGone({ id }: { id: string }) {
  const { t } = useTranslation('broker');
  const gone = useBroker((s) => !!s.status && s.status.restarts > 0 && s.status.missing.includes(id));
  if (!gone) return null;
  return (
    <div data-gone="true" className="relative mt-1 text-[11px] font-semibold text-red-700 dark:text-red-300" title={t('goneHint')}>
      {t('gone')}
    </div>
  );
});
