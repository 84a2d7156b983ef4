import { memo, useCallback, useRef } from 'react';
import { countLines, nodeSize, SIDE_OUT_STYLE } from '../../editing/nodeSizes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { QueueClusterBadge } from '../../cluster/NodeBadge';
import { useText } from '../../text';
import { SIDE_OUT, SIDE_OUT_TOP, type QueueFlowNode } from '../types';
import { useDocument } from '../../../store/document';
import { purge } from '../../transport/control';
import { queueFeatures } from './queueFeatures';
import { DepthBar, writeDepth } from './DepthBar';
import { setAttr, useCounter, useLive, type Slots } from './live';
import type { NodeCounters } from '../../../worker/protocol';
import { PolicyLetters, QueueGone } from '../../broker/QueueBroker';
import { ErrorBadge } from './ErrorBadge';
import { ControlButton, NodeControls } from './NodeControls';

type QueueConfig = QueueFlowNode['data']['node']['config'];

/**
 * A queue: a horizontal cylinder with its name, feature letters and depth. Only the depth and
 * the counters on the card change while a run plays: they are written into the card by its live
 * writer (live.ts), so a refresh re-renders nothing here.
 */
function QueueNodeView({ id, data, selected }: NodeProps<QueueFlowNode>) {
  const { config } = data.node;
  const error = useCounter(id, (c) => c.error);
  // A policy's letters widen the box too.
  const broker = useDocument((s) => s.doc.broker);
  const limit = config.arguments['x-max-length'];
  const root = useRef<HTMLDivElement>(null);
  const write = useCallback(
    (slot: Slots) => (c: NodeCounters) => {
      const ready = c.ready ?? 0;
      const unacked = c.unacked ?? 0;
      setAttr(root.current, 'data-ready', ready);
      setAttr(root.current, 'data-unacked', unacked);
      setAttr(root.current, 'data-total', ready + unacked);
      writeDepth(slot, ready, unacked, limit);
    },
    [limit],
  );
  useLive(id, root, write);
  const size = nodeSize(data.node, undefined, broker);
  return (
    <div ref={root} data-kind="queue" data-name={config.name} data-error={error} style={size} className="group relative pt-3 pr-8 pb-1 pl-5">
      <QueueFace id={id} config={config} selected={!!selected} />
      <ErrorBadge text={error} />
      <DepthBar limit={limit} lines={countLines(data.node, size.width)} />
      <QueueClusterBadge id={id} /> {/* cluster hook: home node / leader, members, state */}
      <QueueHandles />
    </div>
  );
}

const QueueFace = memo(function QueueFace({ id, config, selected }: { id: string; config: QueueConfig; selected: boolean }) {
  const t = useText('editor');
  const ts = useText('simulation');
  const features = queueFeatures(config);
  const stroke = selected ? 'var(--color-accent-500)' : undefined;
  return (
    <>
      <NodeControls selected={selected} label={config.name}>
        <ControlButton onClick={() => purge(id)} label={ts('node.purgeHint')} tone="danger" testId="purge">
          {ts('node.purge')}
        </ControlButton>
      </NodeControls>
      <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox="0 0 240 100" preserveAspectRatio="none" aria-hidden>
        <path
          d="M14 1 H226 A13 49 0 0 1 226 99 H14 A13 49 0 0 1 14 1 Z"
          className="fill-white stroke-zinc-400 dark:fill-zinc-900 dark:stroke-zinc-500"
          style={{ stroke, filter: 'drop-shadow(0 1px 1.5px rgb(0 0 0 / 0.08))' }}
          strokeWidth={selected ? 3 : 1.75}
          vectorEffect="non-scaling-stroke"
        />
        <path d="M226 1 A13 49 0 0 0 226 99" fill="none" className="stroke-zinc-300 dark:stroke-zinc-600" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      </svg>
      <div className="relative flex items-baseline gap-2">
        <span data-node-name className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{config.name}</span>
      </div>
      <ul className="relative mt-1 flex min-h-[18px] flex-wrap gap-1" aria-label={t('node.features')}>
        {features.map((f) => (
          <li
            key={f.abbr}
            data-feature={f.abbr}
            title={t('feature.tooltip', { arg: f.arg, value: f.value })}
            className={`rounded px-1 text-[13px] leading-[18px] font-semibold ${
              f.abbr === 'quorum'
                ? 'bg-accent-100 text-accent-700 dark:bg-accent-700/30 dark:text-accent-300'
                : f.abbr.startsWith('DL')
                  ? 'bg-red-50 text-red-700 dark:bg-red-500/15 dark:text-red-300'
                  : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300'
            }`}
          >
            {f.abbr}
          </li>
        ))}
        <PolicyLetters config={config} />
      </ul>
      <QueueGone id={id} />
    </>
  );
});

const QueueHandles = memo(function QueueHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} />
      <Handle type="source" id={SIDE_OUT} position={Position.Bottom} className="side" style={SIDE_OUT_STYLE} isConnectable={false} />
      <Handle type="source" id={SIDE_OUT_TOP} position={Position.Top} className="side" isConnectable={false} />
    </>
  );
});

export const QueueNode = memo(QueueNodeView);
