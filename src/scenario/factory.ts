/** New nodes with sensible defaults and unique names, and fresh ids. */
import {
  consumerConfig,
  exchangeConfig,
  noteConfig,
  producerConfig,
  queueConfig,
  SCENARIO_VERSION,
  type NodeKind,
  type ScenarioDocument,
  type ScenarioNode,
} from './schema';

const EXCHANGE_NAMES = ['orders', 'events', 'logs', 'tasks', 'alerts'];
const PREFIX: Record<Exclude<NodeKind, 'exchange' | 'note'>, string> = { producer: 'P', queue: 'q', consumer: 'C' };

/** A name not yet used by a node of that kind: `q1`, `q2`…, or `orders`, `events`… for exchanges. */
export function uniqueName(doc: Pick<ScenarioDocument, 'nodes'>, kind: Exclude<NodeKind, 'note'>): string {
  const taken = new Set(doc.nodes.filter((n) => n.kind === kind).map((n) => (n.kind === 'note' ? '' : n.config.name)));
  if (kind === 'exchange') {
    const free = EXCHANGE_NAMES.find((n) => !taken.has(n));
    if (free) return free;
    for (let i = 2; ; i++) if (!taken.has(`x${i}`)) return `x${i}`;
  }
  for (let i = 1; ; i++) if (!taken.has(`${PREFIX[kind]}${i}`)) return `${PREFIX[kind]}${i}`;
}

/** An id not used by any node or edge of the document. */
export function uniqueId(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>, prefix: string): string {
  const taken = new Set<string>([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function createNode(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>, kind: NodeKind, position: { x: number; y: number }): ScenarioNode {
  const id = uniqueId(doc, `${kind}-`);
  switch (kind) {
    case 'producer':
      return { id, kind, position, config: producerConfig.parse({ name: uniqueName(doc, kind) }) };
    case 'exchange':
      return { id, kind, position, config: exchangeConfig.parse({ name: uniqueName(doc, kind), type: 'direct' }) };
    case 'queue':
      return { id, kind, position, config: queueConfig.parse({ name: uniqueName(doc, kind) }) };
    case 'consumer':
      return { id, kind, position, config: consumerConfig.parse({ name: uniqueName(doc, kind) }) };
    case 'note':
      return { id, kind, position, config: noteConfig.parse({ text: '' }) };
  }
}

export function emptyScenario(): ScenarioDocument {
  return {
    version: SCENARIO_VERSION,
    seed: 1,
    title: 'Untitled',
    description: '',
    nodes: [],
    edges: [],
    settings: { speed: 1, latency: { publish: 150, route: 150, deliver: 300, ack: 150 } },
  };
}
