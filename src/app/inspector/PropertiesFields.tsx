import { useTranslation } from 'react-i18next';
import { LIMITS, type MessageProperties } from '../../scenario/schema';
import { KeyValueTable } from './fields/KeyValueTable';
import { NumberField } from './fields/NumberField';
import { parseOptionalText } from './fields/parse';
import { Section } from './fields/Section';
import { TextField } from './fields/TextField';
import { Toggle } from './fields/Toggle';

/** A producer's message properties: persistence, per-message TTL, priority, headers, RPC fields. */
export function PropertiesFields({ value, onCommit }: { value: MessageProperties; onCommit: (p: MessageProperties) => string | null }) {
  const { t } = useTranslation('inspector');
  const set = <K extends keyof MessageProperties>(key: K, v: MessageProperties[K]) => {
    const next = { ...value, [key]: v };
    if (v === undefined) delete next[key];
    return onCommit(next);
  };
  return (
    <Section title={t('section.properties')}>
      <Toggle label={t('producer.persistent')} hint={t('producer.persistentHint')} checked={value.persistent} onCommit={(v) => set('persistent', v)} />
      <NumberField label={t('producer.expiration')} integer optional min={0} value={value.expiration} placeholder={t('common.notSetMs')}
        hint={t('producer.expirationHint')} invalidMessage={t('producer.expirationError')} onCommit={(v) => set('expiration', v)} />
      <NumberField label={t('producer.priority')} integer optional min={0} max={255} value={value.priority}
        hint={t('producer.priorityHint')} onCommit={(v) => set('priority', v)} />
      <KeyValueTable label={t('producer.headers')} keyLabel={t('producer.header')} value={value.headers} maxRows={LIMITS.headers}
        hint={t('producer.headersHint')} onCommit={(headers) => set('headers', headers)} />
      <TextField label={t('producer.replyTo')} mono value={value.replyTo ?? ''} placeholder={t('common.notSet')} hint={t('producer.replyToHint')}
        onCommit={(v) => set('replyTo', parseOptionalText(v))} />
      <TextField label={t('producer.correlationId')} mono value={value.correlationId ?? ''} placeholder={t('common.notSet')} hint={t('producer.correlationIdHint')}
        onCommit={(v) => set('correlationId', parseOptionalText(v))} />
      <TextField label={t('producer.contentType')} mono value={value.contentType ?? ''} placeholder="text/plain"
        onCommit={(v) => set('contentType', parseOptionalText(v))} />
    </Section>
  );
}
