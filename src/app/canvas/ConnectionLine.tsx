import { getBezierPath, type ConnectionLineComponentProps } from '@xyflow/react';
import { canConnect } from '../../scenario/connections';
import { useDocument } from '../../store/document';
import { refusalText } from './connect';
import type { FlowNode } from './types';

/** The line drawn while connecting; over a node that cannot take it, it turns red and says why. */
export function ConnectionLine({ fromX, fromY, toX, toY, fromPosition, toPosition, fromNode, fromHandle, toNode }: ConnectionLineComponentProps<FlowNode>) {
  const doc = useDocument((s) => s.doc);
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  let reason: string | null = null;
  if (toNode && toNode.id !== fromNode.id) {
    const [s, t] = fromHandle.type === 'target' ? [toNode.id, fromNode.id] : [fromNode.id, toNode.id];
    const v = canConnect(doc, s, t);
    if (!v.ok) reason = refusalText(doc, s, t, v);
  }
  const stroke = reason ? 'var(--w-dlx)' : toNode ? '#16a34a' : 'var(--color-accent-500)';
  return (
    <g>
      <path d={path} fill="none" stroke={stroke} strokeWidth={2} strokeDasharray={reason ? '5 4' : undefined} />
      <circle cx={toX} cy={toY} r={4} fill={stroke} />
      {reason && (
        <foreignObject x={toX + 14} y={toY + 10} width={260} height={120} style={{ overflow: 'visible' }}>
          <div data-testid="connection-hint" className="w-max max-w-[250px] rounded-md bg-zinc-900 px-2 py-1.5 text-xs leading-4 text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
            {reason}
          </div>
        </foreignObject>
      )}
    </g>
  );
}
