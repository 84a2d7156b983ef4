/**
 * What a queue holds right now, as the management UI's "Get messages" would show it without taking
 * anything: ready messages in delivery order, then the unacked ones with the consumer holding
 * them. Computed on demand for the UI; it changes nothing in the broker.
 */
import type { ViewedBroker } from './ports';
import type { QEntry } from '../queues/consumer';

export interface HeldMessage {
  id: number;
  exchange: string;
  routingKey: string;
  priority: number;
  size: number;
  redelivered: boolean;
  /** Virtual time the message was published. */
  publishedAt: number;
  /** Virtual time it expires in this queue, or null for never. */
  expiresAt: number | null;
  /** Unacked: the consumer tag holding it ('' for basic.get), and its delivery tag. */
  consumerTag?: string;
  channel?: number;
  deliveryTag?: number;
}

export interface QueueContents {
  vhost: string;
  queue: string;
  /** Every ready message counted, though at most `limit` are listed. */
  readyTotal: number;
  unackedTotal: number;
  ready: HeldMessage[];
  unacked: HeldMessage[];
}

function held(e: QEntry, unacked: boolean): HeldMessage {
  const m = e.msg;
  const out: HeldMessage = {
    id: m.id,
    exchange: m.exchange,
    routingKey: m.routingKey,
    priority: m.priority,
    size: m.size,
    redelivered: e.redelivered,
    publishedAt: m.publishedAt,
    expiresAt: Number.isFinite(e.expiry) ? e.expiry : null,
  };
  if (unacked) {
    out.consumerTag = e.consumer?.tag ?? '';
    out.channel = e.channel?.id;
    out.deliveryTag = e.tag;
  }
  return out;
}

/** The first `limit` ready and unacked messages of a queue, or null when there is no such queue. */
export function peekQueue(b: ViewedBroker, vhost: string, queue: string, limit: number): QueueContents | null {
  const q = b.vhosts.get(vhost)?.queues.get(queue);
  if (!q) return null;
  const ready = q.store.toArray();
  const unacked: QEntry[] = [];
  for (const c of b.connections) {
    for (const ch of c.channels.values()) for (const e of ch.unacked.list()) if (e.queue === q) unacked.push(e);
  }
  unacked.sort((a, b) => a.seq - b.seq);
  return {
    vhost,
    queue,
    readyTotal: ready.length,
    unackedTotal: unacked.length,
    ready: ready.slice(0, limit).map((e) => held(e, false)),
    unacked: unacked.slice(0, limit).map((e) => held(e, true)),
  };
}
