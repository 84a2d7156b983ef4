import { useTranslation } from 'react-i18next';
import { Section } from './fields/Section';
import { TextField } from './fields/TextField';

/**
 * The folded Advanced section of an exchange or a queue: the vhost it lives in. `check` is the
 * inspector's own name rule, asked whether the entity's name is free in that vhost.
 */
export function VhostSection({ vhost, check, onCommit }: { vhost: string; check: (vhost: string) => string | null; onCommit: (vhost: string) => void }) {
  const { t } = useTranslation('inspector');
  return (
    <Section title={t('section.advanced')} collapsed>
      <TextField
        label={t('common.vhost')}
        mono
        value={vhost}
        hint={t('common.vhostHint')}
        validate={(v) => (v === '' ? t('errors.required') : check(v))}
        onCommit={onCommit}
      />
    </Section>
  );
}
