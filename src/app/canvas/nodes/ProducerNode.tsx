import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { RoutingKeySource } from '../../../scenario/schema';
import type { ProducerFlowNode } from '../types';
import { ProducerGlyph } from './glyphs';

export function describeKey(rk: RoutingKeySource): string {
  switch (rk.mode) {
    case 'fixed':
      return rk.key === '' ? '""' : rk.key;
    case 'cycle':
    case 'random':
      return rk.keys.join(' | ');
    case 'template':
      return rk.template;
  }
}

/** A producer: a pill with an outgoing arrow, its target, routing key and rate. */
function ProducerNodeView({ data, selected }: NodeProps<ProducerFlowNode>) {
  const { t } = useTranslation('editor');
  const { config } = data.node;
  const published = data.live?.published ?? 0;
  return (
    <div
      data-kind="producer"
      data-name={config.name}
      data-published={published}
      className={`flex w-[220px] items-center gap-3 rounded-full border bg-white py-2 pr-5 pl-2 shadow-sm dark:bg-zinc-900 ${
        selected ? 'border-accent-500 ring-accent-500/30 ring-4' : 'border-zinc-300 dark:border-zinc-700'
      }`}
    >
      <span className="grid size-10 shrink-0 place-items-center rounded-full bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900">
        <ProducerGlyph />
      </span>
      <div className="min-w-0 flex-1">
        <div className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{config.name}</div>
        <div className="truncate text-xs leading-4 text-zinc-500 dark:text-zinc-400">
          <span title={t('node.target')}>→ {data.target ?? t('node.unconnected')}</span>
          <span className="mx-1 text-zinc-300 dark:text-zinc-600">·</span>
          <span className="font-mono" title={t('node.routingKey')}>{describeKey(config.routingKey)}</span>
        </div>
        <div className="text-xs leading-4 text-zinc-500 tabular-nums dark:text-zinc-400">
          {config.rate > 0 ? t('node.rate', { rate: config.rate }) : t('node.manual')}
          {published > 0 && <span className="ml-2">{t('node.published', { count: published })}</span>}
        </div>
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const ProducerNode = memo(ProducerNodeView);
