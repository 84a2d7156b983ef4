import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useNodeCounters } from '../../../store/simulation';
import type { CodeFlowNode } from '../../code/canvas';

/**
 * An exchange, a queue or a client that a program of the Code panel made: drawn with a dashed
 * outline and a "code" tag, with the same live counters as the document's nodes.
 */
function CodeNodeView({ id, data }: NodeProps<CodeFlowNode>) {
  const { t } = useTranslation('code');
  const n = data.code;
  const live = useNodeCounters(id);
  const numbers = t(`counts.${n.kind}`, { ready: live.ready ?? 0, unacked: live.unacked ?? 0, in: live.in ?? 0, out: live.out ?? 0, published: live.published ?? 0, delivered: live.delivered ?? 0 });
  const shape = n.kind === 'queue' ? 'rounded-md' : n.kind === 'exchange' ? 'rounded-2xl' : 'rounded-lg';
  return (
    <div
      data-kind={`code-${n.kind}`}
      data-name={n.name}
      data-ready={live.ready}
      data-unacked={live.unacked}
      data-published={live.published}
      data-delivered={live.delivered}
      className={`relative w-[200px] border-2 border-dashed border-zinc-400 bg-white px-3 py-2 dark:border-zinc-500 dark:bg-zinc-900 ${shape}`}
    >
      <div className="flex items-center gap-1.5">
        <span className="rounded bg-zinc-800 px-1 font-mono text-[10px] text-white dark:bg-zinc-200 dark:text-zinc-900">{n.kind === 'program' ? '>_' : t('tag')}</span>
        <span className="truncate text-[14px] font-semibold text-zinc-900 dark:text-zinc-50">{n.name}</span>
      </div>
      <div className="mt-0.5 text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400">
        {n.kind === 'exchange' ? <span className="mr-1 uppercase">{n.type}</span> : null}
        {numbers}
      </div>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const CodeNode = memo(CodeNodeView);
