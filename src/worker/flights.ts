/**
 * Turns trace events into what the canvas draws: envelopes travelling along edges, envelopes
 * parked at consumers while they are processed, and short effects (expired, dropped,
 * unroutable). Positions come from virtual times: an envelope leaves at the time of one event and
 * arrives at the time of the next, so the picture is the trace, not a decoration of it.
 *
 * Pure and allocation-light: no DOM, no React. It runs in the worker, fed every event; each frame
 * takes what changed to the page (motion.ts), where the message layer draws it.
 */
import type { TraceEvent } from '../engine';
import type { NodeMap } from './protocol';
import { IdMap } from './id-map';

export interface Latency {
  publish: number;
  route: number;
  deliver: number;
  ack: number;
}

/** What a travelling mark is, which decides how it is drawn. */
export const Mark = { Message: 0, Ack: 1, Requeue: 2, Return: 3, DeadLetter: 4, Reply: 5 } as const;
export type Mark = (typeof Mark)[keyof typeof Mark];

export const Effect = { Expired: 0, Dropped: 1, Unroutable: 2 } as const;
/** RabbitMQ's Direct Reply-to pseudo-queue, as the engine names it on a reply's `delivered` event. */
const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export type Effect = (typeof Effect)[keyof typeof Effect];

/** One envelope (or ack) travelling from node `from` to node `to` during [t0, t1]. */
export interface Flight {
  id: number;
  from: string;
  to: string;
  t0: number;
  t1: number;
  mark: Mark;
  color: number;
  /** Drawn along the edge from `to` to `from` (acks and returns go back along the edge they came by). */
  reverse: boolean;
  /** Leaves from the node's side (dead-letter) handle. */
  side: boolean;
}

/** A message being processed at a consumer from `t`, until `end` once its ack (or requeue) is known. */
export interface Parked {
  id: number;
  node: string;
  t: number;
  color: number;
  end?: number;
}

export interface Burst {
  id: number;
  node: string;
  t: number;
  effect: Effect;
  color: number;
}

/** Colours come from the routing key, so messages with the same key look alike. */
export const PALETTE_SIZE = 8;
export function colorOf(routingKey: string): number {
  let h = 2166136261;
  for (let i = 0; i < routingKey.length; i++) h = Math.imul(h ^ routingKey.charCodeAt(i), 16777619);
  return (h >>> 0) % PALETTE_SIZE;
}

/** The longest look back any event needs: draw at `now - lag` so both ends of a hop are known. */
export function lagOf(latency: Latency): number {
  return Math.max(latency.publish, latency.ack, 1);
}

/** How long effects stay visible, in virtual ms. */
export const EFFECT_MS = 600;
/** Remembered messages (for colours and dead-letter links) before the oldest are forgotten. */
const MEMORY = 50_000;

const key = (id: number, queue: string) => `${id}|${queue}`;

export class FlightTracker {
  /** Marks moving along edges, parked at consumers, and short effects, since the feed last took them. */
  flights: Flight[] = [];
  parked = new Map<string, Parked>();
  bursts: Burst[] = [];
  /**
   * For the worker's motion feed, since the last `drainParked`: marks parked (with their end if it
   * is already known), and the end times of marks parked before.
   */
  private parkedAdded = new Map<string, Parked>();
  private parkedRemoved = new Map<string, number>();
  private colors = new IdMap<number>(MEMORY);
  /** Where an unrouted message came from: its producer node, for the default exchange's direct hop. */
  private origin = new IdMap<string>(MEMORY);
  /** Dead-lettered copies: new id → [queue node it left, time]. */
  private deadLetteredFrom = new IdMap<{ queueNode: string; exchangeNode: string | null; t: number }>(MEMORY);
  /** Messages published to the default exchange wait here for their routed event. */
  private viaDefault = new IdMap<number>(MEMORY);
  /** Replies handed to a Direct Reply-to consumer: the default exchange finds no queue for them, yet they arrived. */
  private replied = new IdMap<true>(MEMORY);

  constructor(
    private map: NodeMap,
    private latency: Latency,
  ) {}

  setMap(map: NodeMap): void {
    this.map = map;
  }

  setLatency(latency: Latency): void {
    this.latency = latency;
  }

  clear(): void {
    this.flights = [];
    this.parked.clear();
    this.parkedAdded.clear();
    this.parkedRemoved.clear();
    this.bursts = [];
    this.colors.clear();
    this.origin.clear();
    this.deadLetteredFrom.clear();
    this.viaDefault.clear();
    this.replied.clear();
  }

  ingest(events: readonly TraceEvent[]): void {
    for (const e of events) this.one(e);
  }

  private exchangeNode(vhost: string, name: string): string | null {
    return this.map.exchanges[`${vhost}/${name}`] ?? null;
  }

  private queueNode(vhost: string, name: string): string | null {
    return this.map.queues[`${vhost}/${name}`] ?? null;
  }

  private remember<V>(m: IdMap<V>, id: number, v: V): void {
    m.remember(id, v);
  }

  private fly(id: number, from: string | null, to: string | null, t0: number, t1: number, mark: Mark, reverse = false, side = false): void {
    if (!from || !to || from === to) return;
    this.flights.push({ id, from, to, t0, t1: Math.max(t1, t0 + 1), mark, color: this.colors.get(id) ?? 0, reverse, side });
  }

  private park(k: string, p: Parked): void {
    this.parked.set(k, p);
    this.parkedAdded.set(k, p);
    this.parkedRemoved.delete(k);
  }

  /** The mark leaves its consumer at `end` (the page draws a little in the past, so it needs the time). */
  private unpark(k: string, end: number): void {
    const p = this.parked.get(k);
    if (!p) return;
    this.parked.delete(k);
    const unsent = this.parkedAdded.get(k);
    if (unsent) unsent.end = end;
    else this.parkedRemoved.set(k, end);
  }

  /** Marks parked since the last call (with their end, if known), and the ends of earlier ones. */
  drainParked(): { added: [string, Parked][]; removed: [string, number][] } {
    const added = [...this.parkedAdded];
    const removed = [...this.parkedRemoved];
    this.parkedAdded.clear();
    this.parkedRemoved.clear();
    return { added, removed };
  }

  private burst(id: number, node: string | null, t: number, effect: Effect): void {
    if (node) this.bursts.push({ id, node, t, effect, color: this.colors.get(id) ?? 0 });
  }

  private one(e: TraceEvent): void {
    const L = this.latency;
    switch (e.type) {
      case 'published': {
        this.remember(this.colors, e.id, colorOf(e.routingKey));
        const producer = this.map.channels[e.channel] ?? null;
        if (producer) this.remember(this.origin, e.id, producer);
        const x = this.exchangeNode(e.vhost, e.exchange);
        if (x) this.fly(e.id, producer, x, e.t - L.publish, e.t, Mark.Message);
        else if (e.exchange === '') this.remember(this.viaDefault, e.id, e.t - L.publish);
        return;
      }
      case 'routed': {
        const dl = this.deadLetteredFrom.get(e.id);
        const x = this.exchangeNode(e.vhost, e.exchange);
        const start = this.viaDefault.get(e.id);
        for (const q of e.queues) {
          const qn = this.queueNode(e.vhost, q);
          if (start !== undefined) this.fly(e.id, this.origin.get(e.id) ?? null, qn, start, e.t + L.route, Mark.Message);
          else if (dl) this.fly(e.id, x ?? dl.queueNode, qn, e.t + L.route / 2, e.t + L.route, Mark.DeadLetter);
          else this.fly(e.id, x, qn, e.t, e.t + L.route, Mark.Message);
        }
        this.viaDefault.delete(e.id);
        return;
      }
      case 'unroutable': {
        if (this.replied.delete(e.id)) return;
        const x = this.exchangeNode(e.vhost, e.exchange);
        this.burst(e.id, x ?? this.origin.get(e.id) ?? null, e.t, Effect.Unroutable);
        this.viaDefault.delete(e.id);
        return;
      }
      case 'returned':
        this.fly(e.id, this.map.channels[e.channel] ?? null, this.exchangeNode(e.vhost, e.exchange), e.t, e.t + L.route, Mark.Return, true);
        return;
      case 'delivered': {
        if (e.queue === DIRECT_REPLY_TO) {
          // straight from the replying client back to the requester's channel, past any queue: drawn
          // backwards on a curve under the nodes (the requester's bottom to the replier), apart from the request's path
          const c = this.map.channels[e.channel] ?? null;
          this.fly(e.id, c, this.origin.get(e.id) ?? null, this.viaDefault.get(e.id) ?? e.t, e.t + L.deliver, Mark.Reply, true, true);
          this.burst(e.id, c, e.t + L.deliver, Effect.Expired);
          this.viaDefault.delete(e.id);
          this.replied.remember(e.id, true);
          return;
        }
        const qn = this.queueNode(e.vhost, e.queue);
        const c = this.map.channels[e.channel] ?? null;
        this.fly(e.id, qn, c, e.t, e.t + L.deliver, Mark.Message);
        if (c && !e.noAck) this.park(key(e.id, e.queue), { id: e.id, node: c, t: e.t + L.deliver, color: this.colors.get(e.id) ?? 0 });
        else if (c) this.burst(e.id, c, e.t + L.deliver, Effect.Expired);
        return;
      }
      case 'acked':
      case 'nacked':
      case 'rejected': {
        const k = key(e.id, e.queue);
        const p = this.parked.get(k);
        // The ack leaves the consumer when its flight back starts.
        this.unpark(k, e.t - L.ack);
        const qn = this.queueNode(e.vhost, e.queue);
        const c = p?.node ?? this.map.channels[e.channel] ?? null;
        const requeue = e.type !== 'acked' && e.requeue;
        this.fly(e.id, qn, c, e.t - L.ack, e.t, e.type === 'acked' ? Mark.Ack : requeue ? Mark.Requeue : Mark.DeadLetter, true);
        return;
      }
      case 'requeued': {
        // A channel closed under its consumer: everything it held goes back.
        const k = key(e.id, e.queue);
        const p = this.parked.get(k);
        if (p && e.cause !== 'nack' && e.cause !== 'reject') {
          this.unpark(k, e.t);
          this.fly(e.id, this.queueNode(e.vhost, e.queue), p.node, e.t, e.t + L.ack, Mark.Requeue, true);
        }
        return;
      }
      case 'expired':
        this.burst(e.id, this.queueNode(e.vhost, e.queue), e.t, Effect.Expired);
        return;
      case 'dropped':
        this.burst(e.id, e.queue ? this.queueNode(e.vhost, e.queue) : null, e.t, Effect.Dropped);
        return;
      case 'dead-lettered': {
        const qn = this.queueNode(e.vhost, e.queue);
        const x = this.exchangeNode(e.vhost, e.exchange);
        this.remember(this.colors, e.newId, this.colors.get(e.id) ?? colorOf(e.routingKeys[0] ?? ''));
        if (qn) this.remember(this.deadLetteredFrom, e.newId, { queueNode: qn, exchangeNode: x, t: e.t });
        this.fly(e.newId, qn, x, e.t, e.t + L.route / 2, Mark.DeadLetter, false, true);
        return;
      }
      default:
        return;
    }
  }
}
