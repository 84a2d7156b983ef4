/**
 * The management UI's Publish message and Get messages, as folded sections of the exchange and
 * queue inspectors. The forms load when an inspector first shows them (they stay out of the first load).
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../inspector/fields/Section';

const loadPublish = () => import('./PublishMessage');
const loadGet = () => import('./GetMessages');
const PublishMessage = lazy(loadPublish);
const GetMessages = lazy(loadGet);

// Fetched while the page is idle, not on the click that first opens an exchange or queue: loading
// a chunk (Vite's preload of its imports, then the module itself) made that click's render ~40 ms
// longer on a CPU slowed 4×.
const whenIdle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 2000));
whenIdle(() => void Promise.all([loadPublish(), loadGet()]).catch(() => undefined));

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
