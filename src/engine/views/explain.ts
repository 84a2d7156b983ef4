import type { ViewedBroker } from './ports';
import type { Exchange } from '../routing/exchange';
import { explainHeaders, type HeadersReason } from '../routing/headers';
import { explainTopic, type TopicReason } from '../routing/topic';
import type { BindingRef } from '../kernel/trace';

/** Why one binding did or did not match (machine-usable, for sentences like "`lazy.#` did not: first word `quick`"). */
export type MatchReason =
  | { kind: 'direct-key-equal'; key: string }
  | { kind: 'direct-key-mismatch'; expected: string; actual: string }
  | { kind: 'fanout' }
  | { kind: 'default-exchange'; queue: string }
  | TopicReason
  | HeadersReason;

export interface BindingExplanation {
  binding: BindingRef;
  matched: boolean;
  reason: MatchReason;
  /** For an exchange destination that matched: how its own bindings fared. */
  via?: RouteExplanation;
  /** The destination was already reached another way (a queue gets one copy; exchanges are visited once). */
  duplicate?: boolean;
}

export interface RouteExplanation {
  vhost: string;
  exchange: string;
  found: boolean;
  routingKeys: string[];
  bindings: BindingExplanation[];
  /** When nothing matched and the exchange has an alternate exchange. */
  alternate?: RouteExplanation | { exchange: string; found: false };
  /** Every queue the message would reach, in routing order. */
  queues: string[];
}

/**
 * Explains routing on demand (never on the hot path): every binding of the exchange, recursively
 * through exchange-to-exchange bindings and the alternate exchange, with a reason.
 */
export function explainRoute(broker: ViewedBroker, vhost: string, exchange: string, routingKey: string, headers?: Record<string, unknown>): RouteExplanation {
  const vh = broker.vhosts.get(vhost);
  const keys = [routingKey];
  const cc = headers && Array.isArray(headers.CC) ? (headers.CC as unknown[]).map(String) : [];
  const bcc = headers && Array.isArray(headers.BCC) ? (headers.BCC as unknown[]).map(String) : [];
  keys.push(...cc, ...bcc);
  const seen = new Set<string>();
  const queues: string[] = [];
  const walk = (name: string): RouteExplanation => {
    const x = vh?.exchanges.get(name);
    const out: RouteExplanation = { vhost, exchange: name, found: !!x, routingKeys: keys, bindings: [], queues };
    if (!x || !vh) return out;
    seen.add(`x:${name}`);
    if (x.isDefault) {
      for (const q of vh.queues.values()) {
        const matched = keys.includes(q.name);
        const e: BindingExplanation = {
          binding: { source: '', destination: q.name, destinationType: 'queue', routingKey: q.name },
          matched,
          reason: matched ? { kind: 'default-exchange', queue: q.name } : { kind: 'direct-key-mismatch', expected: q.name, actual: routingKey },
        };
        if (matched) addQueue(q.name, e);
        out.bindings.push(e);
      }
      return out;
    }
    let any = false;
    for (const b of x.bindings.values()) {
      const { matched, reason } = explainBinding(x, b.routingKey, b.headersSpec, keys, headers);
      const e: BindingExplanation = { binding: b.ref(), matched, reason };
      if (matched) {
        any = true;
        const d = b.destination;
        if (d.kind === 'queue') addQueue(d.name, e);
        else if (seen.has(`x:${d.name}`)) e.duplicate = true;
        else e.via = walk(d.name);
      }
      out.bindings.push(e);
    }
    if (!any && x.alternate !== null) {
      const ae = vh.exchanges.get(x.alternate);
      out.alternate = ae && !seen.has(`x:${ae.name}`) ? walk(ae.name) : { exchange: x.alternate, found: false };
    }
    return out;
  };
  const addQueue = (q: string, e: BindingExplanation) => {
    if (seen.has(`q:${q}`)) e.duplicate = true;
    else {
      seen.add(`q:${q}`);
      queues.push(q);
    }
  };
  return walk(exchange);
}

function explainBinding(
  x: Exchange, pattern: string, spec: import('../routing/headers').HeadersSpec | null, keys: string[], headers: Record<string, unknown> | undefined,
): { matched: boolean; reason: MatchReason } {
  switch (x.type) {
    case 'fanout':
      return { matched: true, reason: { kind: 'fanout' } };
    case 'headers': {
      const h = headers ? Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'BCC')) : undefined;
      return explainHeaders(spec!, h);
    }
    case 'topic': {
      let first: { matched: boolean; reason: MatchReason } | null = null;
      for (const k of keys) {
        const r = explainTopic(pattern, k);
        if (r.matched) return r;
        first ??= r;
      }
      return first!;
    }
    default: {
      const hit = keys.find((k) => k === pattern);
      return hit !== undefined
        ? { matched: true, reason: { kind: 'direct-key-equal', key: hit } }
        : { matched: false, reason: { kind: 'direct-key-mismatch', expected: pattern, actual: keys[0] } };
    }
  }
}
