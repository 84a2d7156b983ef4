import { useTranslation } from 'react-i18next';
import type { ConsumerConfig } from '../../scenario/schema';
import { commitNode } from './commit';
import { ConnectionFields } from './ConnectionFields';
import { NumberField } from './fields/NumberField';
import { Section } from './fields/Section';
import { Later } from './fields/Later';
import { Select } from './fields/Select';
import { TextField } from './fields/TextField';
import { Toggle } from './fields/Toggle';
import { useProblemText } from './fields/useProblemText';
import { useNodeConfig } from './hooks';
import { NodeHeader } from './NodeHeader';
import { checkAgentName } from './validate';

type Processing = ConsumerConfig['processing'];
type Dist = Processing['dist'];
type Action = ConsumerConfig['failure']['action'];

/** A representative time of the current distribution, to carry over when switching distributions. */
export function switchDistribution(p: Processing, dist: Dist): Processing {
  const typical = p.dist === 'fixed' ? p.ms : p.dist === 'uniform' ? Math.round((p.min + p.max) / 2) : p.mean;
  if (dist === 'fixed') return { dist, ms: typical };
  if (dist === 'exponential') return { dist, mean: typical };
  return { dist, min: Math.round(typical / 2), max: typical * 2 || 1000 };
}

/** Prefetch, acknowledgements, processing time and failures of a consumer. */
export function ConsumerInspector({ id }: { id: string }) {
  const { t } = useTranslation('inspector');
  const problemText = useProblemText();
  const config = useNodeConfig(id, 'consumer');
  if (!config) return null;
  const commit = (patch: Parameters<typeof commitNode<'consumer'>>[2]) => commitNode(id, 'consumer', patch);
  const nameProblem = (v: string) => {
    const p = checkAgentName(v);
    return p && problemText(p);
  };
  const p = config.processing;
  const ms = { integer: true, min: 0, placeholder: 'ms' } as const;
  const setProcessing = (next: Processing) => (next.dist === 'uniform' && next.min > next.max ? t('consumer.minAboveMax') : commit({ processing: next }));

  return (
    <div data-inspector="consumer">
      <NodeHeader id={id} kind="consumer" name={config.name} />
      <Section title={t('section.general')}>
        <TextField label={t('common.name')} value={config.name} validate={nameProblem} onCommit={(name) => commit({ name })} />
        <NumberField label={t('consumer.prefetch')} integer min={0} max={65_535} value={config.prefetch} hint={t('consumer.prefetchHint')} onCommit={(prefetch) => commit({ prefetch })} />
        <Select<ConsumerConfig['ackMode']>
          label={t('consumer.ackMode')}
          value={config.ackMode}
          options={[
            { value: 'manual', label: t('consumer.ackModes.manual') },
            { value: 'auto', label: t('consumer.ackModes.auto') },
          ]}
          hint={t(`consumer.ackModeHints.${config.ackMode}`)}
          onCommit={(ackMode) => commit({ ackMode })}
        />
      </Section>
      <Section title={t('section.processing')}>
        <Select<Dist>
          label={t('consumer.distribution')}
          value={p.dist}
          options={(['fixed', 'uniform', 'exponential'] as const).map((d) => ({ value: d, label: t(`consumer.dists.${d}`) }))}
          hint={t(`consumer.distHints.${p.dist}`)}
          onCommit={(dist) => setProcessing(switchDistribution(p, dist))}
        />
        {p.dist === 'fixed' && <NumberField label={t('consumer.time')} {...ms} value={p.ms} onCommit={(v) => setProcessing({ ...p, ms: v! })} />}
        {p.dist === 'uniform' && (
          <div className="grid grid-cols-2 gap-2">
            <NumberField label={t('consumer.min')} {...ms} value={p.min} onCommit={(v) => setProcessing({ ...p, min: v! })} />
            <NumberField label={t('consumer.max')} {...ms} value={p.max} onCommit={(v) => setProcessing({ ...p, max: v! })} />
          </div>
        )}
        {p.dist === 'exponential' && <NumberField label={t('consumer.mean')} {...ms} value={p.mean} onCommit={(v) => setProcessing({ ...p, mean: v! })} />}
      </Section>
      <Later>
        <Section title={t('section.failures')}>
          <Select<Action>
            label={t('consumer.failure')}
            value={config.failure.action}
            options={(['none', 'nack-requeue', 'nack-discard', 'reject'] as const).map((a) => ({
              value: a,
              label: t(`consumer.failures.${a}`),
              disabled: a !== 'none' && config.ackMode === 'auto',
            }))}
            hint={t(config.ackMode === 'auto' ? 'consumer.failureAuto' : `consumer.failureHints.${config.failure.action}`)}
            onCommit={(action) => commit({ failure: { ...config.failure, action } })}
          />
          <NumberField
            label={t('consumer.probability')}
            min={0}
            max={1}
            disabled={config.failure.action === 'none'}
            value={config.failure.probability}
            hint={t('consumer.probabilityHint')}
            invalidMessage={t('consumer.probabilityError')}
            onCommit={(probability) => commit({ failure: { ...config.failure, probability: probability! } })}
          />
        </Section>
        <Section title={t('section.consumer')}>
          <NumberField label={t('consumer.priority')} integer optional min={-2147483648} max={2147483647} value={config.priority}
            hint={t('consumer.priorityHint')} onCommit={(priority) => commit({ priority })} />
          <Toggle label={t('consumer.exclusive')} hint={t('consumer.exclusiveHint')} checked={config.exclusive} onCommit={(exclusive) => commit({ exclusive })} />
          <Toggle label={t('consumer.rpcServer')} hint={t('consumer.rpcServerHint')} checked={config.rpcServer} onCommit={(rpcServer) => commit({ rpcServer })} />
        </Section>
        <ConnectionFields value={config.connection} onCommit={(connection) => commit({ connection })} />
      </Later>
    </div>
  );
}
