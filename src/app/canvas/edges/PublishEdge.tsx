import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { PlainFlowEdge } from '../types';
import { useRoute } from '../routes';
import { routedPath } from './routedPath';

/** producer → exchange (or → queue through the default exchange). */
function PublishEdgeView(p: EdgeProps<PlainFlowEdge>) {
  const [path] = routedPath(p, useRoute(p.id), () => getBezierPath(p));
  return <BaseEdge id={p.id} path={path} markerEnd={p.markerEnd} interactionWidth={16} />;
}

export const PublishEdge = memo(PublishEdgeView);
