/**
 * Document → React Flow. Each flow node is rebuilt only when its scenario node, selection,
 * measured size or linked name changed, so memoized node components skip unchanged nodes.
 */
import { MarkerType } from '@xyflow/react';
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';
import { linkOf } from '../editing/nodeSizes';
import { type DerivedFlowEdge, type FlowEdge, type FlowNode, type LiveCounters, SIDE_IN, SIDE_IN_TOP, SIDE_OUT, SIDE_OUT_TOP } from './types';

export type Size = { width: number; height: number };

interface CacheEntry { node: ScenarioNode; selected: boolean; size?: Size; link?: string; live?: LiveCounters; flow: FlowNode }
export type NodeCache = Map<string, CacheEntry>;

function build(node: ScenarioNode, selected: boolean, size: Size | undefined, link: string | undefined, live: LiveCounters | undefined): FlowNode {
  const base = { id: node.id, position: node.position, selected, measured: size, dragHandle: node.kind === 'note' ? '.note-grip' : undefined };
  switch (node.kind) {
    case 'producer':
      return { ...base, type: 'producer', data: { node, target: link, live: live as never } };
    case 'consumer':
      return { ...base, type: 'consumer', data: { node, queue: link, live: live as never } };
    case 'exchange':
      return { ...base, type: 'exchange', data: { node, live: live as never } };
    case 'queue':
      return { ...base, type: 'queue', data: { node, live: live as never } };
    case 'note':
      return { ...base, type: 'note', data: { node } };
  }
}

export function toFlowNodes(
  doc: ScenarioDocument,
  selected: ReadonlySet<string>,
  sizes: ReadonlyMap<string, Size>,
  cache: NodeCache,
  live?: ReadonlyMap<string, LiveCounters>,
): FlowNode[] {
  const seen = new Set<string>();
  const out = doc.nodes.map((node) => {
    seen.add(node.id);
    const sel = selected.has(node.id);
    const size = sizes.get(node.id);
    const link = linkOf(doc, node);
    const l = live?.get(node.id);
    const hit = cache.get(node.id);
    if (hit && hit.node === node && hit.selected === sel && hit.size === size && hit.link === link && hit.live === l) return hit.flow;
    const flow = build(node, sel, size, link, l);
    cache.set(node.id, { node, selected: sel, size, link, live: l, flow });
    return flow;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}

const marker = (color: string) => ({ type: MarkerType.ArrowClosed, color, width: 18, height: 18 });

export function toFlowEdges(doc: ScenarioDocument, selected: ReadonlySet<string>, routed: Readonly<Record<string, unknown>> = {}): FlowEdge[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edges: FlowEdge[] = doc.edges.map((e) => {
    const common = { id: e.id, source: e.source, target: e.target, selected: selected.has(e.id), markerEnd: marker('var(--w-edge)') };
    if (e.kind === 'binding') {
      const x = byId.get(e.source);
      return { ...common, type: 'binding', data: { edge: e, exchangeType: x?.kind === 'exchange' ? x.config.type : 'direct' } };
    }
    return { ...common, type: e.kind, data: { edge: e } };
  });
  return [...edges, ...derivedEdges(doc, routed)];
}

/** Dead-letter and alternate-exchange links to exchanges that are on the canvas. */
export function derivedEdges(doc: ScenarioDocument, routed: Readonly<Record<string, unknown>> = {}): DerivedFlowEdge[] {
  const exchanges = new Map<string, string>();
  const y = new Map<string, number>();
  for (const n of doc.nodes) {
    y.set(n.id, n.position.y);
    if (n.kind === 'exchange') exchanges.set(`${n.config.vhost}\u0000${n.config.name}`, n.id);
  }
  const out: DerivedFlowEdge[] = [];
  const base = { selectable: false, deletable: false, focusable: false };
  // Leave and enter from above or below, whichever way the target lies; side by side, loop underneath.
  // A laid-out edge leaves and enters from below, where ELK routed it.
  const handles = (source: string, target: string, id: string) => {
    if (routed[id]) return { ...base, sourceHandle: SIDE_OUT, targetHandle: SIDE_IN };
    const dy = (y.get(target) ?? 0) - (y.get(source) ?? 0);
    if (dy > 60) return { ...base, sourceHandle: SIDE_OUT, targetHandle: SIDE_IN_TOP };
    if (dy < -60) return { ...base, sourceHandle: SIDE_OUT_TOP, targetHandle: SIDE_IN };
    return { ...base, sourceHandle: SIDE_OUT, targetHandle: SIDE_IN };
  };
  for (const n of doc.nodes) {
    if (n.kind === 'queue') {
      const dlx = n.config.arguments['x-dead-letter-exchange'];
      const target = dlx ? exchanges.get(`${n.config.vhost}\u0000${dlx}`) : undefined;
      if (target) {
        out.push({ ...handles(n.id, target, `dlx:${n.id}`), id: `dlx:${n.id}`, type: 'deadLetter', source: n.id, target, markerEnd: marker('var(--w-dlx)'), data: { label: n.config.arguments['x-dead-letter-routing-key'] } });
      }
    } else if (n.kind === 'exchange' && n.config.alternateExchange) {
      const target = exchanges.get(`${n.config.vhost}\u0000${n.config.alternateExchange}`);
      if (target && target !== n.id) {
        out.push({ ...handles(n.id, target, `ae:${n.id}`), id: `ae:${n.id}`, type: 'alternate', source: n.id, target, markerEnd: marker('var(--w-edge-muted)'), data: { label: 'AE' } });
      }
    }
  }
  return out;
}
