/**
 * Lays a scenario out with ELK's layered algorithm (elkjs, loaded only on demand, in a worker):
 * producers left, consumers right, every edge routed orthogonally around the nodes, and every
 * label given its own place. Returns where each node goes and the route of each edge.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ScenarioDocument } from '../../scenario/schema';
import { elkLayout } from './elkLayout';
import { layoutEdges, layoutGraph } from './layoutGraph';
import { nodeSizeIn } from './nodeSizes';
import { findReturnLoops, placeLoops } from './returnLoops';

export type Move = { id: string; x: number; y: number };
export type Point = { x: number; y: number };
export type Box = { x: number; y: number; width: number; height: number };
/** An edge's path as ELK drew it: corner points, and the box of its label (if it has one). */
export type Route = { points: Point[]; label?: Box };
export type Layout = { moves: Move[]; routes: Record<string, Route> };

const round = (n: number) => Math.round(n);

function routeOf(e: ElkExtendedEdge): Route | undefined {
  const s = e.sections?.[0];
  if (!s) return undefined;
  const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: round(p.x), y: round(p.y) }));
  const l = e.labels?.[0];
  const label = l && l.x !== undefined && l.y !== undefined ? { x: round(l.x), y: round(l.y), width: l.width ?? 0, height: l.height ?? 0 } : undefined;
  return { points, ...(label ? { label } : {}) };
}

/** Node positions are top-left corners, as React Flow and the document keep them. */
export async function autoLayout(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>): Promise<Layout> {
  if (!doc.nodes.length) return { moves: [], routes: {} };
  // A retry loop goes in a row of its own under the path (returnLoops.ts); one loop per scenario, else plain layers.
  const edges = layoutEdges(doc);
  const loops = findReturnLoops(
    doc.nodes.filter((n) => n.kind === 'producer').map((n) => n.id),
    edges,
  );
  if (loops.length === 1) {
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    const apart = fromElk(await elkLayout(layoutGraph(doc, new Set([loops[0].enter.id, loops[0].exit.id]))));
    const placed = placeLoops(apart, loops, edges, (id) => nodeSizeIn(doc, byId.get(id)!));
    if (placed) return placed;
  }
  return fromElk(await elkLayout(layoutGraph(doc)));
}

function fromElk(result: ElkNode): Layout {
  const moves = (result.children ?? []).map((c) => ({ id: c.id, x: round(c.x ?? 0), y: round(c.y ?? 0) }));
  const routes: Record<string, Route> = {};
  for (const e of result.edges ?? []) {
    const r = routeOf(e);
    if (r) routes[e.id] = r;
  }
  return { moves, routes };
}
