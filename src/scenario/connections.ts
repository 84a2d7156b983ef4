/** Which edges make sense between which nodes, and why the others do not. */
import type { EdgeKind, NodeKind, ScenarioDocument, ScenarioNode } from './schema';

export type ConnectionVerdict =
  | { ok: true; kind: EdgeKind }
  | { ok: false; reason: string };

const RULES: Partial<Record<NodeKind, Partial<Record<NodeKind, EdgeKind>>>> = {
  producer: { exchange: 'publish', queue: 'publish' },
  exchange: { queue: 'binding', exchange: 'binding' },
  queue: { consumer: 'consume' },
};

const WHY: Record<string, string> = {
  'producer>consumer': 'A producer cannot send to a consumer directly: publish to an exchange, bind a queue, and let the consumer consume from the queue.',
  'producer>producer': 'A producer publishes to an exchange (or to a queue through the default exchange), not to another producer.',
  'queue>queue': 'Queues are not connected to each other: route between them with an exchange, or dead-letter from one to an exchange.',
  'queue>exchange': 'A queue cannot publish to an exchange. To move messages on, set a dead-letter exchange on the queue.',
  'queue>producer': 'Messages never flow from a queue to a producer.',
  'exchange>consumer': 'Consumers read from queues, not from exchanges: bind a queue to the exchange and consume from it.',
  'exchange>producer': 'Messages never flow from an exchange back to a producer.',
  'consumer>*': 'A consumer is where messages end. Connect a queue to the consumer instead.',
  'note>*': 'Notes cannot be connected.',
  '*>note': 'Notes cannot be connected.',
};

/** Decide whether `source → target` is a meaningful edge, and what kind it is. */
export function canConnect(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>, sourceId: string, targetId: string): ConnectionVerdict {
  const source = doc.nodes.find((n) => n.id === sourceId);
  const target = doc.nodes.find((n) => n.id === targetId);
  if (!source || !target) return { ok: false, reason: 'Both ends of a connection must be nodes on the canvas.' };
  if (source.id === target.id) {
    return { ok: false, reason: source.kind === 'exchange' ? 'An exchange cannot be bound to itself here.' : 'A node cannot be connected to itself.' };
  }
  const kind = RULES[source.kind]?.[target.kind];
  if (!kind) {
    const reason =
      WHY[`${source.kind}>${target.kind}`] ?? WHY[`${source.kind}>*`] ?? WHY[`*>${target.kind}`] ?? `A ${source.kind} cannot be connected to a ${target.kind}.`;
    return { ok: false, reason };
  }
  if (kind === 'publish' && doc.edges.some((e) => e.kind === 'publish' && e.source === source.id)) {
    return { ok: false, reason: `Producer ${nameOf(source)} already publishes to a target. Delete that connection first.` };
  }
  if (kind === 'consume' && doc.edges.some((e) => e.kind === 'consume' && e.target === target.id)) {
    return { ok: false, reason: `Consumer ${nameOf(target)} already consumes from a queue. Delete that connection first.` };
  }
  if (kind === 'consume' && doc.edges.some((e) => e.kind === 'consume' && e.source === source.id && e.target === target.id)) {
    return { ok: false, reason: 'This consumer already consumes from this queue.' };
  }
  return { ok: true, kind };
}

export function nameOf(node: ScenarioNode): string {
  return node.kind === 'note' ? 'note' : node.config.name;
}
