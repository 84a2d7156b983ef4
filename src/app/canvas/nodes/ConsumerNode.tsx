import { memo } from 'react';
import { nodeSize } from '../../editing/nodeSizes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { AgentClusterBadge } from '../../cluster/NodeBadge';
import { useText } from '../../text';
import { useNodeCounters } from '../../../store/simulation';
import { consumerAction } from '../../transport/control';
import type { ConsumerFlowNode } from '../types';
import { ErrorBadge } from './ErrorBadge';
import { ConsumerGlyph } from './glyphs';
import { ControlButton, NodeControls } from './NodeControls';

const STATE_TONE = {
  busy: 'bg-emerald-500',
  idle: 'bg-zinc-300 dark:bg-zinc-600',
  paused: 'bg-amber-500',
  stopped: 'bg-red-500',
} as const;

/** A consumer: a card taking messages in from the left, with its queue, prefetch, ack mode and live state. */
function ConsumerNodeView({ id, data, selected }: NodeProps<ConsumerFlowNode>) {
  const { config } = data.node;
  const live = useNodeCounters(id);
  const delivered = live.delivered ?? 0;
  const acked = live.acked ?? 0;
  const unacked = live.unacked ?? 0;
  const state = live.state;
  return (
    <div
      data-kind="consumer"
      data-name={config.name}
      data-delivered={delivered}
      data-acked={acked}
      data-unacked={unacked}
      data-state={state ?? 'stopped'}
      data-error={live.error}
      style={nodeSize(data.node, data.queue)}
      className={`group relative flex items-center gap-3 rounded-xl border-2 bg-white py-2 pr-3 pl-2 shadow-sm dark:bg-zinc-900 ${
        selected ? 'border-accent-500 ring-accent-500/30 ring-4' : 'border-zinc-300 dark:border-zinc-700'
      }`}
    >
      <ConsumerControls id={id} name={config.name} resumable={state === 'paused' || state === 'stopped'} selected={!!selected} />
      <ErrorBadge text={live.error} />
      <AgentClusterBadge id={id} /> {/* cluster hook: its connection's node */}
      <Handle type="target" position={Position.Left} />
      <ConsumerState state={state} />
      <div className="min-w-0 flex-1">
        <ConsumerTitle state={state} name={config.name} />
        <ConsumerQueue queue={data.queue} ackMode={config.ackMode} />
        <ConsumerCounts unacked={unacked} prefetch={config.prefetch} delivered={delivered} acked={acked} />
      </div>
    </div>
  );
}

type State = NonNullable<ReturnType<typeof useNodeCounters>['state']>;

const ConsumerControls = memo(function ConsumerControls({ id, name, resumable, selected }: { id: string; name: string; resumable: boolean; selected: boolean }) {
  const t = useText('simulation');
  return (
    <NodeControls selected={selected} label={name}>
      {resumable ? (
        <ControlButton onClick={() => consumerAction(id, 'resume')} label={t('node.resume')} testId="resume">
          ▶ {t('node.resume')}
        </ControlButton>
      ) : (
        <ControlButton onClick={() => consumerAction(id, 'pause')} label={t('node.pause')} testId="pause">
          ❚❚ {t('node.pause')}
        </ControlButton>
      )}
      <ControlButton onClick={() => consumerAction(id, 'kill-connection')} label={t('node.kill')} tone="danger" testId="kill">
        ✕ {t('node.kill')}
      </ControlButton>
    </NodeControls>
  );
});

/** The glyph, with a dot for busy, idle, paused or stopped. */
const ConsumerState = memo(function ConsumerState({ state }: { state: State | undefined }) {
  const t = useText('simulation');
  return (
    <span className="relative grid size-10 shrink-0 place-items-center rounded-lg bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
      <ConsumerGlyph />
      {state && (
        <span
          title={t(`node.state.${state}`)}
          className={`absolute -right-1 -bottom-1 size-3 rounded-full ring-2 ring-white dark:ring-zinc-900 ${STATE_TONE[state]}`}
        />
      )}
    </span>
  );
});

const ConsumerTitle = memo(function ConsumerTitle({ state, name }: { state: State | undefined; name: string }) {
  const t = useText('simulation');
  return (
    <div className="flex h-5 items-baseline gap-1.5 [contain:strict]">
      <span data-node-name className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{name}</span>
      {state && <span className="shrink-0 text-[13px] text-zinc-500 dark:text-zinc-400">{t(`node.state.${state}`)}</span>}
    </div>
  );
});

const ConsumerQueue = memo(function ConsumerQueue({ queue, ackMode }: { queue: string | undefined; ackMode: string }) {
  const t = useText('editor');
  return (
    <div className="text-[13px] leading-[18px] [overflow-wrap:anywhere] text-zinc-500 dark:text-zinc-400">
      {/* Two parts, each kept whole: side by side when they fit, else one under the other (nodeSizes.ts). */}
      <span className="inline-block" title={t('node.queue')}>
        ← {queue ?? t('node.unconnected')}
        <span className="ml-1 text-zinc-300 dark:text-zinc-600">·</span>
      </span>{' '}
      <span className="inline-block">{t(ackMode === 'auto' ? 'node.autoAck' : 'node.manualAck')}</span>
    </div>
  );
});

const ConsumerCounts = memo(function ConsumerCounts({ unacked, prefetch, delivered, acked }: { unacked: number; prefetch: number; delivered: number; acked: number }) {
  const t = useText('simulation');
  const full = prefetch > 0 && unacked >= prefetch;
  return (
    <div className="flex h-[18px] gap-2 truncate text-[13px] leading-[18px] text-zinc-500 tabular-nums [contain:strict] dark:text-zinc-400">
      <span title="prefetch" className={full ? 'font-semibold text-accent-700 dark:text-accent-300' : ''}>
        {t('node.unackedOf', { unacked, prefetch: prefetch || '∞' })}
      </span>
      {delivered > 0 && <span title={t('stats.acked')}>✓{acked}</span>}
    </div>
  );
});

export const ConsumerNode = memo(ConsumerNodeView);
