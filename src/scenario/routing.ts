/**
 * Static routing over a scenario's topology: which queues a message with a given routing key and
 * headers reaches. Lessons use it to compute "which queues receive this?" answers; it follows the
 * default exchange, exchange-to-exchange bindings and alternate exchanges, as RabbitMQ does.
 * (The engine routes for real; this is a small, readable model of the same rules.)
 */
import type { ScenarioDocument, ScenarioNode } from './schema';

type Headers = Record<string, string | number | boolean | null>;
type Topology = Pick<ScenarioDocument, 'nodes' | 'edges'>;

/** Split a routing key or binding pattern into words; the empty key has no words (as in RabbitMQ). */
export const topicWords = (s: string): string[] => (s === '' ? [] : s.split('.'));

/** Does a topic binding pattern (`*` one word, `#` zero or more) match a routing key? */
export function topicMatches(pattern: string, key: string): boolean {
  const p = topicWords(pattern);
  const k = topicWords(key);
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const slot = i * (k.length + 1) + j;
    const known = memo.get(slot);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === p.length) result = j === k.length;
    else if (p[i] === '#') result = match(i + 1, j) || (j < k.length && match(i, j + 1));
    else result = j < k.length && (p[i] === '*' || p[i] === k[j]) && match(i + 1, j + 1);
    memo.set(slot, result);
    return result;
  };
  return match(0, 0);
}

/** Does a headers-exchange binding (its arguments, with `x-match`) match a message's headers? */
export function headersMatch(bindingArgs: Headers, headers: Headers): boolean {
  const mode = String(bindingArgs['x-match'] ?? 'all');
  const withX = mode.endsWith('-with-x');
  const conditions = Object.entries(bindingArgs).filter(([k]) => k !== 'x-match' && (withX || !k.startsWith('x-')));
  // A binding value of null (AMQP void) matches any value, as long as the header is present.
  const ok = ([k, v]: [string, unknown]) => Object.hasOwn(headers, k) && (v === null || headers[k] === v);
  return mode.startsWith('any') ? conditions.some(ok) : conditions.every(ok);
}

/** Queue node ids a message published to exchange node `exchangeId` reaches, in document order. */
export function routeFromExchange(doc: Topology, exchangeId: string, routingKey: string, headers: Headers = {}): string[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const queues = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    const x = byId.get(id);
    if (!x || x.kind !== 'exchange' || seen.has(id)) return;
    seen.add(id);
    const matched = doc.edges.filter((e) => e.kind === 'binding' && e.source === id && bindingMatches(x, e, routingKey, headers));
    for (const e of matched) {
      const target = byId.get(e.target);
      if (target?.kind === 'queue') queues.add(target.id);
      else if (target?.kind === 'exchange') visit(target.id);
    }
    const ae = x.config.alternateExchange;
    if (matched.length === 0 && ae) {
      const alt = doc.nodes.find((n) => n.kind === 'exchange' && n.config.name === ae && n.config.vhost === x.config.vhost);
      if (alt) visit(alt.id);
    }
  };
  visit(exchangeId);
  return doc.nodes.filter((n) => queues.has(n.id)).map((n) => n.id);
}

/** Queue node ids a producer's message with `routingKey` reaches (its headers taken from the producer). */
export function routeFromProducer(doc: Topology, producerId: string, routingKey: string): string[] {
  const producer = doc.nodes.find((n) => n.id === producerId);
  const publish = doc.edges.find((e) => e.kind === 'publish' && e.source === producerId);
  if (!producer || producer.kind !== 'producer' || !publish) return [];
  const target = doc.nodes.find((n) => n.id === publish.target);
  // Publishing to a queue means the default exchange, which routes by the queue's name.
  if (target?.kind === 'queue') return [target.id];
  return target ? routeFromExchange(doc, target.id, routingKey, producer.config.properties.headers) : [];
}

type Edge = ScenarioDocument['edges'][number];
function bindingMatches(x: Extract<ScenarioNode, { kind: 'exchange' }>, e: Edge, key: string, headers: Headers): boolean {
  if (e.kind !== 'binding') return false;
  switch (x.config.type) {
    case 'fanout':
      return true;
    case 'direct':
      return e.bindingKey === key;
    case 'topic':
      return topicMatches(e.bindingKey, key);
    case 'headers':
      return headersMatch(e.arguments, headers);
  }
}
