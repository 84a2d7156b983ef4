/**
 * The management UI's Publish message and Get messages, as folded sections of the exchange and
 * queue inspectors. The forms load when an inspector first shows them (they stay out of the first load).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../inspector/fields/Section';

const PublishMessage = lazy(() => import('./PublishMessage'));
const GetMessages = lazy(() => import('./GetMessages'));

export function ExchangeManagement({ vhost, exchange }: { vhost: string; exchange: string }) {
  const { t } = useTranslation('management');
  return (
    <Section title={t('publishTitle')} collapsed>
      <Suspense fallback={null}>
        <PublishMessage vhost={vhost} exchange={exchange} />
      </Suspense>
    </Section>
  );
}

export function QueueManagement({ vhost, queue }: { vhost: string; queue: string }) {
  const { t } = useTranslation('management');
  return (
    <>
      <Section title={t('getTitle')} collapsed>
        <Suspense fallback={null}>
          <GetMessages vhost={vhost} queue={queue} />
        </Suspense>
      </Section>
      <Section title={t('publishTitle')} collapsed>
        <Suspense fallback={null}>
          <PublishMessage vhost={vhost} queue={queue} />
        </Suspense>
      </Section>
    </>
  );
}
