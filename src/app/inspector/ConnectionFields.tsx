import { useTranslation } from 'react-i18next';
import { brokerOf, vhostNames } from '../../scenario/broker';
import { useDocument } from '../../store/document';
import { Section } from './fields/Section';
import { NodeField } from '../cluster/NodeField';
import { Select } from './fields/Select';
import { TextField } from './fields/TextField';

export interface Connection {
  user: string;
  password: string;
  vhost: string;
  node?: string;
}

/** User, password and vhost an agent connects with (the broker checks them like RabbitMQ would). */
export function ConnectionFields({ value, onCommit }: { value: Connection; onCommit: (c: Connection) => string | null }) {
  const { t } = useTranslation('inspector');
  const required = (raw: string) => (raw === '' ? t('errors.required') : null);
  // The vhosts the broker has (Broker → Virtual hosts); one it does not have stays listed, marked.
  const broker = useDocument((s) => s.doc.broker);
  const known = vhostNames(brokerOf({ broker }));
  const vhosts = known.includes(value.vhost) ? known : [...known, value.vhost];
  return (
    <Section title={t('connection.title')} collapsed>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('connection.hint')}</p>
      <TextField label={t('connection.user')} mono value={value.user} validate={required} onCommit={(user) => onCommit({ ...value, user })} />
      <TextField label={t('connection.password')} mono value={value.password} onCommit={(password) => onCommit({ ...value, password })} />
      <Select
        label={t('connection.vhost')}
        value={value.vhost}
        options={vhosts.map((v) => ({ value: v, label: known.includes(v) ? v : t('connection.unknownVhost', { vhost: v }) }))}
        error={known.includes(value.vhost) ? null : t('connection.unknownVhost', { vhost: value.vhost })}
        onCommit={(vhost) => onCommit({ ...value, vhost })}
      />
      <NodeField kind="connection" value={value.node} onCommit={(node) => onCommit({ ...value, node })} /> {/* cluster hook */}
    </Section>
  );
}
