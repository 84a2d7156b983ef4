import { useTranslation } from 'react-i18next';
import { Section } from './fields/Section';
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
  return (
    <Section title={t('connection.title')} collapsed>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('connection.hint')}</p>
      <TextField label={t('connection.user')} mono value={value.user} validate={required} onCommit={(user) => onCommit({ ...value, user })} />
      <TextField label={t('connection.password')} mono value={value.password} onCommit={(password) => onCommit({ ...value, password })} />
      <TextField label={t('connection.vhost')} mono value={value.vhost} validate={required} onCommit={(vhost) => onCommit({ ...value, vhost })} />
    </Section>
  );
}
