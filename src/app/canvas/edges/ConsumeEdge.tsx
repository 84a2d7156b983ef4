import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { PlainFlowEdge } from '../types';
import { useRoute } from '../routes';
import { routedPath } from './routedPath';

/** queue → consumer. */
function ConsumeEdgeView(p: EdgeProps<PlainFlowEdge>) {
  const [path] = routedPath(p, useRoute(p.id), () => getBezierPath(p));
  return <BaseEdge id={p.id} path={path} markerEnd={p.markerEnd} interactionWidth={16} />;
}

export const ConsumeEdge = memo(ConsumeEdgeView);
