import { useTranslation } from 'react-i18next';
import { getDoc } from '../../store/document';
import type { QueueArguments as Args } from '../../scenario/schema';
import { commitNode } from './commit';
import { NodeField } from '../cluster/NodeField';
import { Section } from './fields/Section';
import { Later } from './fields/Later';
import { QueueManagement } from '../management/sections';
import { Select } from './fields/Select';
import { TextField } from './fields/TextField';
import { Toggle } from './fields/Toggle';
import { useProblemText } from './fields/useProblemText';
import { useNodeConfig } from './hooks';
import { NodeHeader } from './NodeHeader';
import { VhostSection } from './VhostSection';
import { QueueArguments } from './QueueArguments';
import { EffectiveArguments } from '../broker/EffectiveArguments';
import { checkEntityName } from './validate';
import { QueueContents } from '../messages/QueueContents';

type QueueType = 'classic' | 'quorum';

/** What switching the queue type also changes, so the result is a queue RabbitMQ would declare. */
export function argumentsForType(args: Args, type: QueueType): Args {
  const next: Args = { ...args };
  if (type === 'quorum') {
    next['x-queue-type'] = 'quorum';
    // Quorum queues (3.10) refuse priorities and reject-publish-dlx with 406 PRECONDITION_FAILED.
    delete next['x-max-priority'];
    if (next['x-overflow'] === 'reject-publish-dlx') delete next['x-overflow'];
  } else {
    delete next['x-queue-type'];
    delete next['x-delivery-limit'];
  }
  return next;
}

/** Name, type, flags and arguments of a queue. */
export function QueueInspector({ id }: { id: string }) {
  const { t } = useTranslation('inspector');
  const problemText = useProblemText();
  const config = useNodeConfig(id, 'queue');
  if (!config) return null;
  const quorum = config.arguments['x-queue-type'] === 'quorum';
  const commit = (patch: Parameters<typeof commitNode<'queue'>>[2]) => commitNode(id, 'queue', patch);
  const checkName = (name: string, vhost = config.vhost) => {
    const p = checkEntityName(getDoc(), 'queue', id, name, vhost);
    return p && problemText(p);
  };
  const setType = (type: QueueType) =>
    commit({
      arguments: argumentsForType(config.arguments, type),
      // A quorum queue is always durable, never exclusive or auto-delete.
      ...(type === 'quorum' ? { durable: true, exclusive: false, autoDelete: false } : {}),
    });

  return (
    <div data-inspector="queue">
      <NodeHeader id={id} kind="queue" name={config.name} />
      <Section title={t('section.general')}>
        <TextField label={t('common.name')} mono value={config.name} hint={t('queue.nameHint')} validate={(v) => checkName(v)} onCommit={(name) => commit({ name })} />
        <NodeField kind="queue" value={config.node} onCommit={(node) => commit({ node })} /> {/* cluster hook */}
        <Select<QueueType>
          label={t('queue.type')}
          value={quorum ? 'quorum' : 'classic'}
          options={[
            { value: 'classic', label: t('queue.types.classic') },
            { value: 'quorum', label: t('queue.types.quorum') },
          ]}
          hint={t(quorum ? 'queue.types.quorumHint' : 'queue.types.classicHint')}
          onCommit={setType}
        />
      </Section>
      {/* Everything below the name and type comes a frame after the click (fields/Later.tsx): the
          message list's first answer and the flags were half of the click's render on a slow CPU. */}
      <Later>
        <Section title={t('section.flags')}>
          <Toggle label={t('queue.durable')} badge="D" hint={t(quorum ? 'queue.quorumFlag' : 'queue.durableHint')} disabled={quorum} checked={config.durable} onCommit={(durable) => commit({ durable })} />
          <Toggle label={t('queue.exclusive')} badge="Excl" hint={t('queue.exclusiveHint')} disabled={quorum} checked={config.exclusive} onCommit={(exclusive) => commit({ exclusive })} />
          <Toggle label={t('queue.autoDelete')} badge="AD" hint={t('queue.autoDeleteHint')} disabled={quorum} checked={config.autoDelete} onCommit={(autoDelete) => commit({ autoDelete })} />
        </Section>
        <Section title={t('held.title')}>
          <QueueContents id={id} />
        </Section>
        <Later>
          <QueueManagement vhost={config.vhost} queue={config.name} />
          <QueueArguments id={id} config={config} />
          <EffectiveArguments config={config} />
          <VhostSection vhost={config.vhost} check={(v) => checkName(config.name, v)} onCommit={(vhost) => commit({ vhost })} />
        </Later>
      </Later>
    </div>
  );
}
