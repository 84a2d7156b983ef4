import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { ConsumerFlowNode } from '../types';
import { ConsumerGlyph } from './glyphs';

/** A consumer: a card taking messages in from the left, with its queue, prefetch and ack mode. */
function ConsumerNodeView({ data, selected }: NodeProps<ConsumerFlowNode>) {
  const { t } = useTranslation('editor');
  const { config } = data.node;
  const live = data.live ?? { delivered: 0, acked: 0, unacked: 0 };
  return (
    <div
      data-kind="consumer"
      data-name={config.name}
      data-delivered={live.delivered}
      data-acked={live.acked}
      data-unacked={live.unacked}
      className={`flex w-[220px] items-center gap-3 rounded-xl border-2 bg-white py-2 pr-3 pl-2 shadow-sm dark:bg-zinc-900 ${
        selected ? 'border-accent-500 ring-accent-500/30 ring-4' : 'border-zinc-300 dark:border-zinc-700'
      }`}
    >
      <Handle type="target" position={Position.Left} />
      <span className="grid size-10 shrink-0 place-items-center rounded-lg bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
        <ConsumerGlyph />
      </span>
      <div className="min-w-0 flex-1">
        <div className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{config.name}</div>
        <div className="truncate text-xs leading-4 text-zinc-500 dark:text-zinc-400">
          <span title={t('node.queue')}>← {data.queue ?? t('node.unconnected')}</span>
        </div>
        <div className="truncate text-xs leading-4 text-zinc-500 tabular-nums dark:text-zinc-400">
          <span title="prefetch">{t('node.prefetch', { value: config.prefetch || '∞' })}</span>
          <span className="mx-1 text-zinc-300 dark:text-zinc-600">·</span>
          <span>{t(config.ackMode === 'auto' ? 'node.autoAck' : 'node.manualAck')}</span>
        </div>
      </div>
      {live.acked > 0 && <span className="text-xs font-semibold text-zinc-600 tabular-nums dark:text-zinc-300">✓{live.acked}</span>}
    </div>
  );
}

export const ConsumerNode = memo(ConsumerNodeView);
