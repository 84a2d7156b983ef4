import { describe, expect, it } from 'vitest';
import { Message } from '../amqp/message';
import { Kernel } from '../kernel/kernel';
import { Binding } from './binding';
import { Exchange, type ExchangeType } from './exchange';
import { deliveryOrder } from './order';
import type { RoutedQueue } from './ports';
import { Router } from './router';

// Routing on its own floor: exchanges, bindings and the router built from a kernel and fake queues
// (the RoutedQueue port), with no Broker, VHost or Queue.

class FakeQueue implements RoutedQueue {
  readonly kind = 'queue' as const;
  readonly inbound = new Set<Binding>();
  routeStamp = 0;
  constructor(readonly name: string, readonly settings: { type: string } = { type: 'classic' }) {}
}

function world() {
  const kernel = new Kernel({ seed: 1 });
  const exchanges = new Map<string, Exchange>();
  const queues = new Map<string, FakeQueue>();
  const exchange = (name: string, type: ExchangeType, args: Record<string, unknown> = {}) => {
    const x = new Exchange('/', name, type, false, false, false, args, kernel.metrics.counters(kernel.metrics.exchanges, name));
    exchanges.set(name, x);
    return x;
  };
  const queue = (name: string, type = 'classic') => {
    const q = new FakeQueue(name, { type });
    queues.set(name, q);
    return q;
  };
  const bind = (source: Exchange, dest: Exchange | FakeQueue, key: string, args: Record<string, unknown> = {}) =>
    source.addBinding(new Binding(source.name, dest, key, args, source.type === 'headers'));
  const router = new Router<FakeQueue>(exchanges, queues);
  const msg = (exchange: string, key: string, headers?: Record<string, unknown>) =>
    new Message(kernel.nextMessageId(), 0, exchange, key, null, new Uint8Array(0), headers ? { headers } : {}, kernel.now());
  const route = (x: Exchange, key: string, headers?: Record<string, unknown>) =>
    router.route(x, msg(x.name, key, headers), true);
  return { kernel, exchange, queue, bind, router, route };
}

describe('routing without a broker', () => {
  it('a topic exchange matches * and # and reports the bindings that matched', () => {
    const w = world();
    const x = w.exchange('logs', 'topic');
    const a = w.queue('a');
    const b = w.queue('b');
    w.bind(x, a, 'kern.*');
    w.bind(x, b, '#.critical');
    const r = w.route(x, 'kern.critical');
    expect(r.queues.map((q) => q.name).sort()).toEqual(['a', 'b']);
    expect(r.bindings!.map((bd) => bd.routingKey).sort()).toEqual(['#.critical', 'kern.*']);
    expect(w.route(x, 'kern.disk.full').queues).toEqual([]);
  });

  it('exchange-to-exchange bindings reach a queue at most once; the alternate exchange takes what matched nothing', () => {
    const w = world();
    const ae = w.exchange('ae', 'fanout');
    const x = w.exchange('x', 'direct', { 'alternate-exchange': 'ae' });
    const y = w.exchange('y', 'fanout');
    const q = w.queue('q');
    const lost = w.queue('lost');
    w.bind(x, q, 'k');
    w.bind(x, y, 'k');
    w.bind(y, q, '');
    w.bind(ae, lost, '');
    expect(w.route(x, 'k').queues.map((z) => z.name)).toEqual(['q']);
    const r = w.route(x, 'other');
    expect(r.queues.map((z) => z.name)).toEqual(['lost']);
    expect(r.alternates).toEqual(['ae']);
  });

  it('a headers exchange with x-match any; the default exchange routes by queue name', () => {
    const w = world();
    const h = w.exchange('h', 'headers');
    const q = w.queue('q');
    w.bind(h, q, '', { 'x-match': 'any', a: 1, b: 2 });
    expect(w.route(h, '', { b: 2 }).queues).toEqual([q]);
    expect(w.route(h, '', { c: 3 }).queues).toEqual([]);
    const dflt = w.exchange('', 'direct');
    expect(w.route(dflt, 'q').queues).toEqual([q]);
  });

  it('delivery order: classic queues first, by descending name on publish and ascending on dead-letter', () => {
    const w = world();
    const qs = [w.queue('b'), w.queue('q1', 'quorum'), w.queue('a'), w.queue('c')];
    expect(deliveryOrder([...qs], 'publish').map((q) => q.name)).toEqual(['c', 'b', 'a', 'q1']);
    expect(deliveryOrder([...qs], 'dead-letter').map((q) => q.name)).toEqual(['a', 'b', 'c', 'q1']);
  });
});
