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
  const p = add('producer', 0, 112, { name: 'orders-api', routingKey: { mode: 'cycle', keys: ['order.created', 'order.paid'] }, rate: 4 });
  const x = add('exchange', 288, 104, { name: 'orders', type: 'topic' });
  const billing = add('queue', 560, 176, { name: 'billing', arguments: { 'x-dead-letter-exchange': 'retry', 'x-dead-letter-routing-key': 'billing' } });
  const shipping = add('queue', 560, 16, { name: 'shipping', arguments: { 'x-queue-type': 'quorum', 'x-max-length': 100, 'x-overflow': 'reject-publish' } });
  const c1 = add('consumer', 864, 192, { name: 'billing-worker', prefetch: 10 });
  const c2 = add('consumer', 864, 32, { name: 'shipper', prefetch: 1, ackMode: 'manual' });
  const retry = add('exchange', 288, 360, { name: 'retry', type: 'direct' });
  const wait = add('queue', 560, 352, { name: 'billing.wait', arguments: { 'x-message-ttl': 5000, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'billing' } });
  add('note', 864, 352, { text: 'Rejected billing messages wait 5 s in billing.wait, then go back to billing through the default exchange.' });
  apply({ type: 'add-edge', edge: { id: 'e1', kind: 'publish', source: p, target: x } });
  apply({ type: 'add-edge', edge: { id: 'e2', kind: 'binding', source: x, target: billing, bindingKey: 'order.*', arguments: {} } });
  apply({ type: 'add-edge', edge: { id: 'e3', kind: 'binding', source: x, target: shipping, bindingKey: 'order.paid', arguments: {} } });
  apply({ type: 'add-edge', edge: { id: 'e4', kind: 'consume', source: billing, target: c1 } });
  apply({ type: 'add-edge', edge: { id: 'e5', kind: 'consume', source: shipping, target: c2 } });
  apply({ type: 'add-edge', edge: { id: 'e6', kind: 'binding', source: retry, target: wait, bindingKey: 'billing', arguments: {} } });
  return doc;
}
