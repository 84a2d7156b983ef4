import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { DerivedFlowEdge } from '../types';
import { useRoute } from '../routes';
import { routedPath } from './routedPath';

function useDashedPath(p: EdgeProps<DerivedFlowEdge>) {
  return routedPath(p, useRoute(p.id), () => getSmoothStepPath({ ...p, borderRadius: 14, offset: 28 }));
}

/** A queue's dead-letter exchange, drawn from its arguments: dashed, labelled with the DLK. */
function DeadLetterEdgeView(p: EdgeProps<DerivedFlowEdge>) {
  const { t } = useTranslation('editor');
  const [path, x, y] = useDashedPath(p);
  return (
    <>
      <BaseEdge id={p.id} path={path} markerEnd={p.markerEnd} style={{ stroke: 'var(--w-dlx)', strokeDasharray: '6 5' }} />
      <EdgeLabelRenderer>
        <div
          data-edge="dead-letter"
          className="pointer-events-none absolute rounded bg-red-50 px-1.5 text-sm leading-6 font-semibold text-red-700 dark:bg-red-950 dark:text-red-300"
          style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
          title={t('edge.deadLetter')}
        >
          DLX{p.data?.label ? <span className="ml-1 font-mono font-normal">{p.data.label}</span> : null}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

/** An exchange's alternate exchange, drawn from its config: dashed, labelled AE. */
function AlternateEdgeView(p: EdgeProps<DerivedFlowEdge>) {
  const { t } = useTranslation('editor');
  const [path, x, y] = useDashedPath(p);
  return (
    <>
      <BaseEdge id={p.id} path={path} markerEnd={p.markerEnd} style={{ stroke: 'var(--w-edge-muted)', strokeDasharray: '6 5' }} />
      <EdgeLabelRenderer>
        <div
          data-edge="alternate"
          className="pointer-events-none absolute rounded bg-zinc-100 px-1.5 text-sm leading-6 font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
          style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
          title={t('edge.alternate')}
        >
          AE
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const DeadLetterEdge = memo(DeadLetterEdgeView);
export const AlternateEdge = memo(AlternateEdgeView);
