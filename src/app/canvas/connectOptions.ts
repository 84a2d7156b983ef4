/**
 * What a node can be connected to, for the keyboard's "Connect to…" (the mouse draws the same
 * edges handle to handle). Drawn edges (publish, binding, consume) are offered exactly when the
 * editor's own `canConnect` accepts them, in either direction; the links the inspector sets on a
 * node (a queue's dead-letter exchange, an exchange's alternate exchange) are offered too.
 */
import { canConnect } from '../../scenario/connections';
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';

export type ConnectKind = 'publish' | 'binding' | 'consume' | 'dead-letter' | 'alternate';

export interface ConnectOption {
  kind: ConnectKind;
  source: string;
  target: string;
  /** The node at the other end from the one asked about. */
  other: string;
}

const named = (n: ScenarioNode): n is Exclude<ScenarioNode, { kind: 'note' }> => n.kind !== 'note';

export function connectOptions(doc: ScenarioDocument, id: string): ConnectOption[] {
  const self = doc.nodes.find((n) => n.id === id);
  if (!self || !named(self)) return [];
  const out: ConnectOption[] = [];
  for (const other of doc.nodes) {
    if (other.id === id || !named(other)) continue;
    for (const [source, target] of [[id, other.id], [other.id, id]] as const) {
      const v = canConnect(doc, source, target);
      if (v.ok) out.push({ kind: v.kind as ConnectKind, source, target, other: other.id });
    }
    // Links held by the node's own settings, shown on the canvas as derived edges (toFlow.ts).
    if (other.kind !== 'exchange' || (self.kind !== 'queue' && self.kind !== 'exchange') || other.config.vhost !== self.config.vhost) continue;
    if (self.kind === 'queue' && self.config.arguments['x-dead-letter-exchange'] !== other.config.name) {
      out.push({ kind: 'dead-letter', source: id, target: other.id, other: other.id });
    }
    if (self.kind === 'exchange' && self.config.alternateExchange !== other.config.name) {
      out.push({ kind: 'alternate', source: id, target: other.id, other: other.id });
    }
  }
  return out;
}
