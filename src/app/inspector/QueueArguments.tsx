import { useTranslation } from 'react-i18next';
import type { NodeOf, QueueArguments as Args } from '../../scenario/schema';
import { commitNode } from './commit';
import { ExchangeRefField } from './ExchangeRefField';
import { NumberField } from './fields/NumberField';
import { Section } from './fields/Section';
import { Select } from './fields/Select';
import { TextField } from './fields/TextField';
import { Toggle } from './fields/Toggle';
import { useExchangeNames } from './hooks';

type Overflow = NonNullable<Args['x-overflow']>;
const UNSET = '';

/** Set or clear one argument; cleared arguments are removed, never stored as undefined. */
export function withArgument<K extends keyof Args>(args: Args, key: K, value: Args[K] | undefined): Args {
  const next: Args = { ...args };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** Every queue argument, each with the management UI's feature letter and a one-line explanation. */
export function QueueArguments({ id, config }: { id: string; config: NodeOf<'queue'>['config'] }) {
  const { t } = useTranslation('inspector');
  const exchanges = useExchangeNames(config.vhost);
  const args = config.arguments;
  const quorum = args['x-queue-type'] === 'quorum';
  const set = <K extends keyof Args>(key: K, value: Args[K] | undefined): string | null => {
    const next = withArgument(args, key, value);
    if (next['x-dead-letter-routing-key'] !== undefined && next['x-dead-letter-exchange'] === undefined) return t('errors.dlkNeedsDlx');
    return commitNode(id, 'queue', { arguments: next });
  };
  const ms = { integer: true, optional: true, placeholder: t('common.notSetMs') } as const;

  return (
    <Section title={t('section.arguments')}>
      <NumberField label={t('queue.args.ttl')} badge="TTL" {...ms} min={0} value={args['x-message-ttl']}
        hint={t('queue.args.ttlHint')} invalidMessage={t('queue.args.ttlError')} onCommit={(v) => set('x-message-ttl', v)} />
      <NumberField label={t('queue.args.expires')} badge="Exp" {...ms} min={1} value={args['x-expires']}
        hint={t('queue.args.expiresHint')} invalidMessage={t('queue.args.expiresError')} onCommit={(v) => set('x-expires', v)} />
      <NumberField label={t('queue.args.maxLength')} badge="Lim" integer optional min={0} value={args['x-max-length']}
        hint={t('queue.args.maxLengthHint')} invalidMessage={t('queue.args.maxLengthError')} onCommit={(v) => set('x-max-length', v)} />
      <NumberField label={t('queue.args.maxLengthBytes')} badge="Lim B" integer optional min={0} value={args['x-max-length-bytes']}
        hint={t('queue.args.maxLengthBytesHint')} invalidMessage={t('queue.args.maxLengthBytesError')} onCommit={(v) => set('x-max-length-bytes', v)} />
      <Select<Overflow | typeof UNSET>
        label={t('queue.args.overflow')}
        badge="Ovfl"
        value={args['x-overflow'] ?? UNSET}
        options={[
          { value: UNSET, label: t('queue.args.overflowDefault') },
          { value: 'drop-head', label: 'drop-head' },
          { value: 'reject-publish', label: 'reject-publish' },
          { value: 'reject-publish-dlx', label: 'reject-publish-dlx', disabled: quorum },
        ]}
        hint={t(`queue.args.overflowHints.${args['x-overflow'] ?? 'unset'}`)}
        onCommit={(v) => set('x-overflow', v === UNSET ? undefined : v)}
      />
      <ExchangeRefField label={t('queue.args.dlx')} badge="DLX" mode="dlx" exchanges={exchanges} value={args['x-dead-letter-exchange']}
        hint={t('queue.args.dlxHint')} onCommit={(v) => set('x-dead-letter-exchange', v)} />
      <TextField label={t('queue.args.dlk')} badge="DLK" mono value={args['x-dead-letter-routing-key'] ?? ''} placeholder={t('queue.args.dlkPlaceholder')}
        hint={t('queue.args.dlkHint')} onCommit={(v) => set('x-dead-letter-routing-key', v === '' ? undefined : v)} />
      <NumberField label={t('queue.args.maxPriority')} badge="Pri" integer optional min={1} max={255} value={args['x-max-priority']}
        disabled={quorum} hint={t(quorum ? 'queue.args.maxPriorityQuorum' : 'queue.args.maxPriorityHint')} invalidMessage={t('queue.args.maxPriorityError')}
        onCommit={(v) => set('x-max-priority', v)} />
      <Toggle label={t('queue.args.sac')} badge="SAC" checked={args['x-single-active-consumer'] === true}
        hint={t('queue.args.sacHint')} onCommit={(v) => set('x-single-active-consumer', v || undefined)} />
      <NumberField label={t('queue.args.deliveryLimit')} integer optional min={0} value={args['x-delivery-limit']}
        disabled={!quorum} hint={t(quorum ? 'queue.args.deliveryLimitHint' : 'queue.args.deliveryLimitClassic')} invalidMessage={t('queue.args.deliveryLimitError')}
        onCommit={(v) => set('x-delivery-limit', v)} />
    </Section>
  );
}
