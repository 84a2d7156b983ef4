/**
 * Left-to-right layout with dagre: producers, then exchanges, then queues, then consumers.
 * Notes stay where they are. Positions are top-left corners, as React Flow uses them.
 */
import dagre from '@dagrejs/dagre';
import type { NodeKind, ScenarioDocument } from '../../scenario/schema';

import { DEFAULT_SIZE, type Size } from './nodeSizes';

export { DEFAULT_SIZE, type Size };
export type Move = { id: string; x: number; y: number };

const COLUMN: Record<NodeKind, number> = { producer: 0, exchange: 1, queue: 2, consumer: 3, note: 4 };
const RANKSEP = 110;
const NODESEP = 36;

export function autoLayout(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>, sizeOf: (id: string, kind: NodeKind) => Size): Move[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', ranksep: RANKSEP, nodesep: NODESEP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const linked = new Set(doc.edges.flatMap((e) => [e.source, e.target]));
  const placed = doc.nodes.filter((n) => n.kind !== 'note' && linked.has(n.id));
  for (const n of placed) g.setNode(n.id, { ...sizeOf(n.id, n.kind) });
  for (const e of doc.edges) g.setEdge(e.source, e.target, { minlen: 1 });
  if (placed.length) dagre.layout(g);

  const moves: Move[] = [];
  const columnX = new Map<number, number[]>();
  let bottom = 0;
  for (const n of placed) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number };
    const x = Math.round(p.x - p.width / 2);
    const y = Math.round(p.y - p.height / 2);
    moves.push({ id: n.id, x, y });
    bottom = Math.max(bottom, y + p.height);
    const col = COLUMN[n.kind];
    columnX.set(col, [...(columnX.get(col) ?? []), x]);
  }
  // Unconnected nodes go under the graph, each in its kind's column.
  const colWidth = 210 + RANKSEP;
  const nextY = new Map<number, number>();
  for (const n of doc.nodes) {
    if (n.kind === 'note' || linked.has(n.id)) continue;
    const col = COLUMN[n.kind];
    const xs = columnX.get(col);
    const x = xs ? Math.min(...xs) : col * colWidth;
    const y = nextY.get(col) ?? (placed.length ? bottom + 80 : 0);
    moves.push({ id: n.id, x, y });
    nextY.set(col, y + sizeOf(n.id, n.kind).height + NODESEP);
  }
  return moves;
}
