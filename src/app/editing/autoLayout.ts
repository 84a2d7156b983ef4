/**
 * Lays a scenario out with ELK's layered algorithm (elkjs, loaded only here and only on demand):
 * producers left, consumers right, every edge routed orthogonally around the nodes, and every
 * label given its own place. Returns where each node goes and the route of each edge.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ScenarioDocument } from '../../scenario/schema';
import { layoutGraph } from './layoutGraph';

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
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const result: ElkNode = await new ELK().layout(layoutGraph(doc));
  const moves = (result.children ?? []).map((c) => ({ id: c.id, x: round(c.x ?? 0), y: round(c.y ?? 0) }));
  const routes: Record<string, Route> = {};
  for (const e of result.edges ?? []) {
    const r = routeOf(e);
    if (r) routes[e.id] = r;
  }
  return { moves, routes };
}
