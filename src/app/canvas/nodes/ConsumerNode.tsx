import { memo, useCallback, useRef } from 'react';
import { countLines, nodeSize } from '../../editing/nodeSizes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { AgentClusterBadge } from '../../cluster/NodeBadge';
import { useText, type Translate } from '../../text';
import type { NodeCounters } from '../../../worker/protocol';
import { formatCount, setAttr, setHidden, setText, useCounter, useLive, type Slots } from './live';
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

type State = NonNullable<NodeCounters['state']>;

/**
 * A consumer: a card taking messages in from the left, with its queue, prefetch, ack mode and live
 * state. Its counts and state are written into the card by its live writer (live.ts); React
 * re-renders it only for an error or when the controls change between pause and resume.
 */
function ConsumerNodeView({ id, data, selected }: NodeProps<ConsumerFlowNode>) {
  const { config } = data.node;
  const error = useCounter(id, (c) => c.error);
  const resumable = useCounter(id, (c) => c.state === 'paused' || c.state === 'stopped');
  const t = useText('simulation');
  const root = useRef<HTMLDivElement>(null);
  const write = useCallback((slot: Slots) => consumerWriter(root, slot, config.prefetch, t), [config.prefetch, t]);
  useLive(id, root, write);
  const size = nodeSize(data.node, data.queue);
  return (
    <div
      ref={root}
      data-kind="consumer"
      data-name={config.name}
      data-error={error}
      style={size}
      className={`group relative flex items-center gap-3 rounded-xl border-2 bg-white py-2 pr-3 pl-2 shadow-sm dark:bg-zinc-900 ${
        selected ? 'border-accent-500 ring-accent-500/30 ring-4' : 'border-zinc-300 dark:border-zinc-700'
      }`}
    >
      <ConsumerControls id={id} name={config.name} resumable={resumable} selected={!!selected} />
      <ErrorBadge text={error} />
      <AgentClusterBadge id={id} /> {/* cluster hook: its connection's node */}
      <Handle type="target" position={Position.Left} />
      <ConsumerState />
      <div className="min-w-0 flex-1">
        <ConsumerTitle name={config.name} />
        <ConsumerQueue queue={data.queue} ackMode={config.ackMode} />
        <ConsumerCounts lines={countLines(data.node, size.width)} />
      </div>
    </div>
  );
}

const DOT = 'absolute -right-1 -bottom-1 size-3 rounded-full ring-2 ring-white dark:ring-zinc-900';
const COUNT_FULL = 'font-semibold text-accent-700 dark:text-accent-300';

/** Writes a consumer's counts and state into its card. */
function consumerWriter(root: { readonly current: HTMLElement | null }, slot: Slots, prefetch: number, t: Translate) {
  return (c: NodeCounters) => {
    const delivered = c.delivered ?? 0;
    const acked = c.acked ?? 0;
    const unacked = c.unacked ?? 0;
    const state: State | undefined = c.state;
    const el = root.current;
    setAttr(el, 'data-delivered', delivered);
    setAttr(el, 'data-acked', acked);
    setAttr(el, 'data-unacked', unacked);
    setAttr(el, 'data-state', state ?? 'stopped');
    const said = state ? t(`node.state.${state}`) : '';
    const dot = slot('state-dot');
    setHidden(dot, !state);
    setAttr(dot, 'title', said);
    setAttr(dot, 'class', state ? `${DOT} ${STATE_TONE[state]}` : DOT);
    setHidden(slot('state'), !state);
    setText(slot('state'), said);
    const count = slot('unacked-of');
    setText(count, t('node.unackedOf', { unacked: formatCount(unacked), prefetch: prefetch || '∞' }));
    setAttr(count, 'class', prefetch > 0 && unacked >= prefetch ? COUNT_FULL : '');
    setHidden(slot('acked'), delivered === 0);
    setText(slot('acked'), `✓${formatCount(acked)}`);
  };
}

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

/** The glyph, with a dot for busy, idle, paused or stopped (written by the live writer). */
const ConsumerState = memo(function ConsumerState() {
  return (
    <span className="relative grid size-10 shrink-0 place-items-center rounded-lg bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
      <ConsumerGlyph />
      <span data-live="state-dot" hidden className={DOT} />
    </span>
  );
});

const ConsumerTitle = memo(function ConsumerTitle({ name }: { name: string }) {
  return (
    <div className="flex h-5 items-baseline gap-1.5 [contain:strict]">
      <span data-node-name className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{name}</span>
      <span data-live="state" hidden className="shrink-0 text-[13px] text-zinc-500 dark:text-zinc-400" />
    </div>
  );
});

const ConsumerQueue = memo(function ConsumerQueue({ queue, ackMode }: { queue: string | undefined; ackMode: string }) {
  const t = useText('editor');
  return (
    <div className="text-[13px] leading-[18px] [overflow-wrap:anywhere] text-zinc-500 dark:text-zinc-400">
      {/* Two parts, each kept whole: side by side when they fit, else one under the other, the
          second led by its dot (nodeSizes.ts); an arrow or a dot never ends a line. */}
      <span className="inline-block" title={t('node.queue')}>
        ←{'\u00a0'}{queue ?? t('node.unconnected')}
      </span>{' '}
      <span className="inline-block">
        <span className="text-zinc-300 dark:text-zinc-600">·</span>
        {'\u00a0'}
        {t(ackMode === 'auto' ? 'node.autoAck' : 'node.manualAck')}
      </span>
    </div>
  );
});

/** Unacked of prefetch and acked, each kept whole, on the `lines` the box reserves for them at their largest (nodeSizes.ts). */
const ConsumerCounts = memo(function ConsumerCounts({ lines }: { lines: number }) {
  const t = useText('simulation');
  return (
    <div className="flex flex-wrap gap-x-2 text-[13px] leading-[18px] whitespace-nowrap text-zinc-500 tabular-nums [contain:strict] dark:text-zinc-400" style={{ height: 18 * lines }}>
      <span title="prefetch" data-live="unacked-of" />
      <span data-live="acked" hidden title={t('stats.acked')} />
    </div>
  );
});

export const ConsumerNode = memo(ConsumerNodeView);
