/**
 * What programs put on the canvas: the exchanges, queues and bindings they declared that the
 * document does not have, and a client node per program (named after it) with the exchanges it
 * publishes to and the queues it consumes from. The node ids go into the frame's map too, so the
 * message layer flies their messages like any others.
 */
import type { BrokerSnapshot } from '../../engine';
import type { NodeMap } from '../protocol';
import type { ProgramRuntime } from './runtime';
import { programNodeId, type CodeEdge, type CodeNode, type CodeView } from './types';

const key = (vhost: string, name: string) => `${vhost}/${name}`;
export const codeExchangeId = (k: string) => `code:x:${k}`;
export const codeQueueId = (k: string) => `code:q:${k}`;

/** Builds the view and adds its ids to `map`; returns whether the map changed. */
export function codeView(snap: BrokerSnapshot, runtime: ProgramRuntime, map: NodeMap): { view: CodeView; mapChanged: boolean } {
  const nodes: CodeNode[] = [];
  const edges: CodeEdge[] = [];
  let mapChanged = false;
  const put = (table: Record<string, string>, k: string, id: string) => {
    if (table[k] === undefined) {
      table[k] = id;
      mapChanged = true;
    }
  };
  for (const x of snap.exchanges) {
    const k = key(x.vhost, x.name);
    if (x.name === '' || x.name.startsWith('amq.')) continue;
    if (map.exchanges[k] !== undefined && !map.exchanges[k].startsWith('code:')) continue;
    put(map.exchanges, k, codeExchangeId(k));
    nodes.push({ id: codeExchangeId(k), kind: 'exchange', name: x.name, type: x.type });
  }
  for (const q of snap.queues) {
    const k = key(q.vhost, q.name);
    if (map.queues[k] !== undefined && !map.queues[k].startsWith('code:')) continue;
    put(map.queues, k, codeQueueId(k));
    nodes.push({ id: codeQueueId(k), kind: 'queue', name: q.name });
  }
  const shown = new Set(nodes.map((n) => n.id));
  for (const b of snap.bindings) {
    const src = map.exchanges[key(b.vhost, b.source)];
    const dst = b.destinationType === 'queue' ? map.queues[key(b.vhost, b.destination)] : map.exchanges[key(b.vhost, b.destination)];
    if (!src || !dst || (!shown.has(src) && !shown.has(dst))) continue;
    edges.push({ id: `code:b:${src}>${dst}:${b.routingKey}`, source: src, target: dst, kind: 'binding', label: b.routingKey });
  }
  const consumerChannels = new Map<number, string[]>();
  for (const q of snap.queues) {
    const id = map.queues[key(q.vhost, q.name)];
    if (!id) continue;
    for (const c of q.consumers) consumerChannels.set(c.channel, [...(consumerChannels.get(c.channel) ?? []), id]);
  }
  for (const p of runtime.clients()) {
    const id = programNodeId(p.id);
    for (const ch of p.channels) {
      if (map.channels[ch] !== id) {
        map.channels[ch] = id;
        mapChanged = true;
      }
    }
    const consumes = new Set<string>();
    for (const ch of p.channels) for (const q of consumerChannels.get(ch) ?? []) consumes.add(q);
    const publishes = new Set<string>();
    for (const t of p.targets) {
      // The default exchange is not drawn: a publish to it goes straight to the queue it names.
      const direct = t.indexOf('/\u0000');
      const target = direct >= 0 ? map.queues[t.slice(0, direct + 1) + t.slice(direct + 2)] : map.exchanges[t];
      if (target) publishes.add(target);
    }
    nodes.push({ id, kind: 'program', name: p.name, publishes: p.published > 0, consumes: consumes.size > 0 });
    for (const t of publishes) edges.push({ id: `code:p:${id}>${t}`, source: id, target: t, kind: 'publish' });
    for (const q of consumes) edges.push({ id: `code:c:${q}>${id}`, source: q, target: id, kind: 'consume' });
  }
  return { view: { nodes, edges }, mapChanged };
}
