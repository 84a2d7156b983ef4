/**
 * The scenario as an ELK graph: one box per node (sized by nodeSizes), ports where the canvas has
 * its handles, binding keys and dead-letter keys as edge labels, so the layered algorithm places
 * the labels as well as the nodes and routes every edge around them. Pure: no ELK, no DOM.
 */
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';
import { formatHeaderArgs } from '../canvas/edges/bindingKey';
import { nodeSizeIn, SIDE_PORT_OFFSET, type Size } from './nodeSizes';

/** Binding labels: 15 px monospace, 22 px lines; wider than the widest label, a key wraps. */
export const LABEL_PX = 15;
const LABEL_LINE = 22;
export const LABEL_MAX_WIDTH = 260;
/** Room ELK keeps around what it places. */
const GAP = { layers: 30, nodes: 30, edgeNode: 14, edges: 12, label: 4 };

/** What the layout places an edge label for: the text the canvas shows on it. */
export type LayoutEdge = { id: string; source: string; target: string; kind: 'main' | 'side'; label?: string };

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': String(GAP.layers),
  'elk.spacing.nodeNode': String(GAP.nodes),
  'elk.spacing.edgeNode': String(GAP.edgeNode),
  'elk.layered.spacing.edgeNodeBetweenLayers': String(GAP.edgeNode),
  'elk.spacing.edgeEdge': String(GAP.edges),
  'elk.layered.spacing.edgeEdgeBetweenLayers': String(GAP.edges),
  'elk.spacing.edgeLabel': String(GAP.label),
  'elk.spacing.labelNode': '6',
  'elk.spacing.componentComponent': '60',
  // The order nodes were made in is the order the learner reads them in; keep it where it is free.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'GREEDY',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.unnecessaryBendpoints': 'false',
  'elk.separateConnectedComponents': 'true',
  'elk.layered.feedbackEdges': 'true',
};

const labelText = (text: string) => (text === '' ? '∅ empty key' : text);
/** A label's box: its text on one line, or wrapped onto as many as it needs at the widest. */
export function labelSize(text: string): Size {
  const line = Math.ceil([...labelText(text)].length * LABEL_PX * 0.61);
  const lines = Math.ceil(line / (LABEL_MAX_WIDTH - 16));
  return { width: Math.min(LABEL_MAX_WIDTH, 16 + line), height: lines * LABEL_LINE + 2 };
}

/** Dead-letter and alternate-exchange links, as the canvas derives them (toFlow.ts uses the same ids). */
function sideEdges(doc: Pick<ScenarioDocument, 'nodes'>): LayoutEdge[] {
  const exchanges = new Map<string, string>();
  for (const n of doc.nodes) if (n.kind === 'exchange') exchanges.set(`${n.config.vhost}\u0000${n.config.name}`, n.id);
  const out: LayoutEdge[] = [];
  for (const n of doc.nodes) {
    if (n.kind === 'queue') {
      const target = exchanges.get(`${n.config.vhost}\u0000${n.config.arguments['x-dead-letter-exchange'] ?? ''}`);
      const key = n.config.arguments['x-dead-letter-routing-key'];
      if (target) out.push({ id: `dlx:${n.id}`, source: n.id, target, kind: 'side', label: `DLX${key ? ` ${key}` : ''}` });
    } else if (n.kind === 'exchange' && n.config.alternateExchange) {
      const target = exchanges.get(`${n.config.vhost}\u0000${n.config.alternateExchange}`);
      if (target && target !== n.id) out.push({ id: `ae:${n.id}`, source: n.id, target, kind: 'side', label: 'AE' });
    }
  }
  return out;
}

/** Every edge the canvas draws, with the label it shows (none for a fanout binding without a key). */
export function layoutEdges(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>): LayoutEdge[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const main: LayoutEdge[] = doc.edges.map((e) => {
    if (e.kind !== 'binding') return { id: e.id, source: e.source, target: e.target, kind: 'main' };
    const x = byId.get(e.source);
    const type = x?.kind === 'exchange' ? x.config.type : 'direct';
    const text = type === 'headers' ? formatHeaderArgs(e.arguments) : e.bindingKey;
    return { id: e.id, source: e.source, target: e.target, kind: 'main', ...(type === 'fanout' && !text ? {} : { label: text }) };
  });
  return [...main, ...sideEdges(doc)];
}

/** Ports where the canvas has its handles: the middle of the sides, the side links either side of the bottom's middle. */
function portsOf(id: string, { width, height }: Size): ElkPort[] {
  const port = (name: string, side: string, x: number, y: number): ElkPort => ({
    id: `${id}:${name}`,
    x,
    y,
    width: 0,
    height: 0,
    layoutOptions: { 'elk.port.side': side },
  });
  return [
    port('in', 'WEST', 0, height / 2),
    port('out', 'EAST', width, height / 2),
    port('side-out', 'SOUTH', width / 2 + SIDE_PORT_OFFSET, height),
    port('side-in', 'SOUTH', width / 2 - SIDE_PORT_OFFSET, height),
  ];
}

function layerOf(n: ScenarioNode): LayoutOptions {
  if (n.kind === 'producer') return { 'elk.layered.layering.layerConstraint': 'FIRST' };
  if (n.kind === 'consumer') return { 'elk.layered.layering.layerConstraint': 'LAST' };
  return {};
}

/**
 * Nodes in reading order: from each producer along publish, binding and consume edges (and then
 * dead-letter links), so model-order cycle breaking turns the loop's way back into the feedback edge.
 */
function readingOrder(doc: Pick<ScenarioDocument, 'nodes'>, edges: LayoutEdge[]): ScenarioNode[] {
  const out = new Map<string, string[]>();
  for (const kind of ['main', 'side'] as const)
    for (const e of edges) if (e.kind === kind) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const order: ScenarioNode[] = [];
  const starts = [...doc.nodes.filter((n) => n.kind === 'producer'), ...doc.nodes];
  for (const start of starts) {
    const queue = [start.id];
    while (queue.length) {
      const id = queue.shift()!;
      if (seen.has(id) || !byId.has(id)) continue;
      seen.add(id);
      order.push(byId.get(id)!);
      queue.push(...(out.get(id) ?? []));
    }
  }
  return order;
}

/**
 * How much an edge wants to point right, for cycle breaking: the message path from the producers
 * most, the dead-letter links next; so in a retry loop the binding inside the loop is the one
 * drawn running back, and the loop lies under the path instead of stretching it.
 */
function directionPriority(edges: LayoutEdge[], doc: Pick<ScenarioDocument, 'nodes'>): (e: LayoutEdge) => number {
  const onPath = new Set(doc.nodes.filter((n) => n.kind === 'producer').map((n) => n.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of edges) if (e.kind === 'main' && onPath.has(e.source) && !onPath.has(e.target)) grew = !!onPath.add(e.target);
  }
  return (e) => (e.kind === 'side' ? 5 : onPath.has(e.source) ? 10 : 0);
}

/** The ELK graph of `doc`, leaving out the edges in `omit` (a return loop's links, which returnLoops.ts routes). */
export function layoutGraph(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>, omit: ReadonlySet<string> = new Set()): ElkNode {
  const edges = layoutEdges(doc).filter((e) => !omit.has(e.id));
  const priority = directionPriority(edges, doc);
  const known = new Set(doc.nodes.map((n) => n.id));
  const children: ElkNode[] = readingOrder(doc, edges).map((n) => {
    const size = nodeSizeIn(doc, n);
    return {
      id: n.id,
      ...size,
      ports: n.kind === 'note' ? [] : portsOf(n.id, size),
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS', ...layerOf(n) },
    };
  });
  const elkEdges: ElkExtendedEdge[] = edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    .map((e) => ({
      id: e.id,
      sources: [`${e.source}:${e.kind === 'side' ? 'side-out' : 'out'}`],
      targets: [`${e.target}:${e.kind === 'side' ? 'side-in' : 'in'}`],
      layoutOptions: { 'elk.layered.priority.direction': String(priority(e)) },
      ...(e.label === undefined
        ? {}
        : { labels: [{ text: labelText(e.label), ...labelSize(e.label), layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }] }),
    }));
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children, edges: elkEdges };
}
