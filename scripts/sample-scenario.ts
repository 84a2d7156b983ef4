/** A small but realistic topology for screenshots and e2e fixtures: topic routing with a retry loop. */
import { applyChange, type DocChange } from '../src/scenario/changes';
import { createNode, emptyScenario } from '../src/scenario/factory';
import type { NodeKind, ScenarioDocument, ScenarioNode } from '../src/scenario/schema';

export function sampleScenario(): ScenarioDocument {
  let doc: ScenarioDocument = { ...emptyScenario(), title: 'Orders with a retry loop' };
  const apply = (c: DocChange) => (doc = applyChange(doc, c));
  const add = (kind: NodeKind, x: number, y: number, config: Record<string, unknown>): string => {
    const n = createNode(doc, kind, { x, y });
    apply({ type: 'add-nodes', nodes: [{ ...n, config: { ...n.config, ...config } } as ScenarioNode] });
    return n.id;
  };
  const p = add('producer', 0, 128, { name: 'orders-api', routingKey: { mode: 'cycle', keys: ['order.created', 'order.paid'] }, rate: 4 });
  const x = add('exchange', 320, 120, { name: 'orders', type: 'topic', alternateExchange: 'unrouted' });
  const billing = add('queue', 640, 16, { name: 'billing', arguments: { 'x-dead-letter-exchange': 'retry', 'x-dead-letter-routing-key': 'billing' } });
  const shipping = add('queue', 640, 208, { name: 'shipping', arguments: { 'x-queue-type': 'quorum', 'x-max-length': 100, 'x-overflow': 'reject-publish' } });
  const c1 = add('consumer', 960, 24, { name: 'billing-worker', prefetch: 10 });
  const c2 = add('consumer', 960, 216, { name: 'shipper', prefetch: 1, ackMode: 'manual' });
  const retry = add('exchange', 320, 400, { name: 'retry', type: 'direct' });
  const wait = add('queue', 640, 400, { name: 'billing.wait', arguments: { 'x-message-ttl': 5000, 'x-dead-letter-exchange': 'orders' } });
  const unrouted = add('exchange', 0, 400, { name: 'unrouted', type: 'fanout' });
  add('note', 960, 400, { text: 'Failed billing messages wait 5 s in billing.wait, then go back to orders.' });
  apply({ type: 'add-edge', edge: { id: 'e1', kind: 'publish', source: p, target: x } });
  apply({ type: 'add-edge', edge: { id: 'e2', kind: 'binding', source: x, target: billing, bindingKey: 'order.*', arguments: {} } });
  apply({ type: 'add-edge', edge: { id: 'e3', kind: 'binding', source: x, target: shipping, bindingKey: 'order.paid', arguments: {} } });
  apply({ type: 'add-edge', edge: { id: 'e4', kind: 'consume', source: billing, target: c1 } });
  apply({ type: 'add-edge', edge: { id: 'e5', kind: 'consume', source: shipping, target: c2 } });
  apply({ type: 'add-edge', edge: { id: 'e6', kind: 'binding', source: retry, target: wait, bindingKey: 'billing', arguments: {} } });
  void unrouted;
  return doc;
}
