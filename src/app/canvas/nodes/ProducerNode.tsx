import { memo } from 'react';
import { describeKey, nodeSize } from '../../editing/nodeSizes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { AgentClusterBadge } from '../../cluster/NodeBadge';
import { useText } from '../../text';
import type { RoutingKeySource } from '../../../scenario/schema';
import { useNodeCounters } from '../../../store/simulation';
import { producerRate, sendOne } from '../../transport/control';
import type { ProducerFlowNode } from '../types';
import { ErrorBadge } from './ErrorBadge';
import { ProducerGlyph } from './glyphs';
import { BlockedMark } from '../../broker/NodeBroker';
import { ControlButton, NodeControls } from './NodeControls';

const keysOf = (rk: RoutingKeySource) => (rk.mode === 'cycle' || rk.mode === 'random' ? rk.keys.join(' | ') : describeKey(rk));

const nz = (n: number | undefined) => (n ? n : undefined);

type ProducerConfig = ProducerFlowNode['data']['node']['config'];

/** A producer: a pill with an outgoing arrow, its target, routing key, rate and what it has sent. */
function ProducerNodeView({ id, data, selected }: NodeProps<ProducerFlowNode>) {
  const { config } = data.node;
  const live = useNodeCounters(id);
  const published = live.published ?? 0;
  const running = live.running ?? false;
  return (
    <div
      data-kind="producer"
      data-name={config.name}
      data-published={published}
      data-confirmed={nz(live.confirmed)}
      data-nacked={nz(live.nacked)}
      data-returned={nz(live.returned)}
      data-running={running}
      data-error={live.error}
      data-blocked={live.blocked ?? false}
      style={nodeSize(data.node, data.target)}
      className={`group relative flex items-center gap-3 rounded-full border bg-white py-2 pr-5 pl-2 shadow-sm dark:bg-zinc-900 ${
        selected ? 'border-accent-500 ring-accent-500/30 ring-4' : 'border-zinc-300 dark:border-zinc-700'
      }`}
    >
      <ProducerControls id={id} name={config.name} rate={config.rate} running={running} selected={!!selected} />
      <ErrorBadge text={live.error} />
      <BlockedMark blocked={!!live.blocked} />
      <span className="grid size-10 shrink-0 place-items-center rounded-full bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900">
        <ProducerGlyph />
      </span>
      <div className="min-w-0 flex-1">
        <ProducerTitle config={config} target={data.target} />
        <ProducerCounts rate={config.rate} published={published} confirmed={live.confirmed} nacked={live.nacked} returned={live.returned} />
      </div>
      <AgentClusterBadge id={id} /> {/* cluster hook: its connection's node */}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const ProducerControls = memo(function ProducerControls({ id, name, rate, running, selected }: { id: string; name: string; rate: number; running: boolean; selected: boolean }) {
  const t = useText('simulation');
  return (
    <NodeControls selected={selected} label={name}>
      <ControlButton onClick={() => sendOne(id)} label={t('node.sendOne')} testId="send-one">
        ＋1 {t('node.sendOne')}
      </ControlButton>
      {rate > 0 && (
        <ControlButton onClick={() => producerRate(id, running ? 'stop' : 'start')} label={t(running ? 'node.stopRate' : 'node.startRate')} testId="rate">
          {running ? `❚❚ ${t('node.stopRate')}` : `▶ ${t('node.startRate')}`}
        </ControlButton>
      )}
    </NodeControls>
  );
});

const ProducerTitle = memo(function ProducerTitle({ config, target }: { config: ProducerConfig; target: string | undefined }) {
  const t = useText('editor');
  return (
    <>
      <div data-node-name className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{config.name}</div>
      <div className="text-[13px] leading-[18px] [overflow-wrap:anywhere] text-zinc-500 dark:text-zinc-400">
        {/* Two parts, each kept whole: side by side when they fit, else one under the other (nodeSizes.ts). */}
        <span className="inline-block" title={t('node.target')}>
          → {target ?? t('node.unconnected')}
          <span className="ml-1 text-zinc-300 dark:text-zinc-600">·</span>
        </span>{' '}
        <span className="inline-block font-mono" title={`${t('node.routingKey')}: ${keysOf(config.routingKey)}`}>
          {describeKey(config.routingKey)}
        </span>
      </div>
    </>
  );
});

const ProducerCounts = memo(function ProducerCounts(p: { rate: number; published: number; confirmed?: number; nacked?: number; returned?: number }) {
  const t = useText('editor');
  const ts = useText('simulation');
  return (
    <div className="h-[18px] truncate text-[13px] leading-[18px] text-zinc-500 tabular-nums [contain:strict] dark:text-zinc-400">
      {p.rate > 0 ? t('node.rate', { rate: p.rate }) : t('node.manual')}
      {p.published > 0 && <span className="ml-2">{t('node.published', { count: p.published })}</span>}
      {!!p.confirmed && <span className="ml-2 text-emerald-700 dark:text-emerald-300">✓{p.confirmed}</span>}
      {!!p.nacked && <span className="ml-2 text-red-700 dark:text-red-300">✗{p.nacked}</span>}
      {!!p.returned && (
        <span className="ml-2 text-orange-700 dark:text-orange-300" title={ts('node.returned', { count: p.returned })}>
          ↩{p.returned}
        </span>
      )}
    </div>
  );
});

export const ProducerNode = memo(ProducerNodeView);
