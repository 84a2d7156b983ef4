import type { Binding } from './binding';
import type { Exchange, MatchSink } from './exchange';
import type { Message } from '../amqp/message';
import type { RoutedQueue } from './ports';

/** Where one message went: the queues (each once) and, when tracing, the bindings that matched. */
export interface RouteResult<Q extends RoutedQueue = RoutedQueue> {
  queues: Q[];
  bindings: Binding[] | null;
  /** Alternate exchanges that were used. */
  alternates: string[] | null;
}

let stampCounter = 0;

/**
 * Routes through exchange-to-exchange bindings and alternate exchanges the way RabbitMQ's
 * `rabbit_exchange:route` does: a worklist of exchanges, each visited once (so cycles end), a
 * queue reached at most once, the alternate exchange used when an exchange matched nothing.
 */
export class Router<Q extends RoutedQueue> implements MatchSink {
  private stamp = 0;
  private matched: Binding[] = [];
  private count = 0;

  constructor(
    /** The vhost's exchanges and queues by name (its maps: data, so a copy of the run takes them along). */
    private readonly exchanges: { get(name: string): Exchange | undefined },
    private readonly queues: { get(name: string): Q | undefined },
  ) {}

  add(b: Binding): void {
    if (b.stamp === this.stamp) return;
    b.stamp = this.stamp;
    this.matched[this.count++] = b;
  }

  route(x: Exchange, msg: Message, keepBindings: boolean): RouteResult<Q> {
    const stamp = (this.stamp = ++stampCounter);
    const queues: Q[] = [];
    let alternates: string[] | null = null;
    const headers = msg.props.headers;
    if (x.isDefault) {
      this.addDefault(msg.routingKey, stamp, queues);
      if (msg.extraKeys) for (const k of msg.extraKeys) this.addDefault(k, stamp, queues);
      return { queues, bindings: keepBindings ? [] : null, alternates };
    }
    const work: Exchange[] = [x];
    x.routeStamp = stamp;
    this.count = 0;
    while (work.length > 0) {
      const ex = work.pop()!;
      const start = this.count;
      ex.match(msg.routingKey, headers, this);
      if (msg.extraKeys && ex.type !== 'fanout' && ex.type !== 'headers') {
        for (const k of msg.extraKeys) ex.match(k, headers, this);
      }
      if (this.count === start && ex.alternate !== null) {
        const ae = this.exchanges.get(ex.alternate);
        if (ae && ae.routeStamp !== stamp) {
          ae.routeStamp = stamp;
          work.push(ae);
          (alternates ??= []).push(ae.name);
        }
      }
      for (let i = start; i < this.count; i++) {
        const b = this.matched[i];
        const d = b.destination;
        if (d.routeStamp === stamp) continue;
        d.routeStamp = stamp;
        if (d.kind === 'queue') queues.push(d as Q);
        else work.push(d as Exchange);
      }
    }
    // every binding that matched, in order, is in `matched` (each exchange's after the one before)
    const bindings = keepBindings ? this.matched.slice(0, this.count) : null;
    this.count = 0;
    return { queues, bindings, alternates };
  }

  private addDefault(key: string, stamp: number, out: Q[]): void {
    const q = this.queues.get(key);
    if (q && q.routeStamp !== stamp) {
      q.routeStamp = stamp;
      out.push(q);
    }
  }
}
