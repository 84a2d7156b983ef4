import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { PlainFlowEdge } from '../types';

/** queue → consumer. */
function ConsumeEdgeView(p: EdgeProps<PlainFlowEdge>) {
  const [path] = getBezierPath(p);
  return <BaseEdge id={p.id} path={path} markerEnd={p.markerEnd} interactionWidth={16} />;
}

export const ConsumeEdge = memo(ConsumeEdgeView);
