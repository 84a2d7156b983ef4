import type { ConsumeMessage, Message } from '../amqp/message';
import type { Counters } from '../kernel/stats';
import type { ConsumerChannel, HeldQueue } from './ports';

/**
 * What a queue hands out: its entries (one queue's copy of a message, ready or unacked) and the consumers
 * they go to. Both see their queue and channel only through ports (ports.ts), so this file needs neither.
 */

/** A consumer callback, as amqplib's `consume(queue, callback)` takes it (null = cancelled by the server). */
export type ConsumeCallback = (msg: ConsumeMessage | null) => void;

/** The queue of an entry or a consumer, as they see it. */
export type EntryQueue = HeldQueue<QEntry, Consumer>;

/** The channel of a consumer, as the queue sees it. */
export type QueueChannel = ConsumerChannel<EntryQueue, QEntry, Consumer>;

/** One queue's copy of a message: its place in the queue and its delivery state. */
export class QEntry {
  redelivered = false;
  /** Times the message was returned to the queue after a delivery (quorum x-delivery-count). */
  deliveryCount = 0;
  /** While unacked: the channel, delivery tag and consumer (null for basic.get). */
  channel: { readonly id: number } | null = null;
  consumer: Consumer | null = null;
  tag = 0;
  constructor(
    readonly queue: EntryQueue,
    readonly msg: Message,
    /** Position in the queue, for requeue to the original place. */
    readonly seq: number,
    /** Absolute virtual time at which it expires (Infinity = never). */
    readonly expiry: number,
    /** Persistent message in a durable queue (survives a restart). */
    readonly persistent: boolean,
  ) {}
}

/** One `basic.consume` subscription of a channel on a queue. */
export class Consumer {
  /** Deliveries not yet acked (only when ack is required). */
  unacked = 0;
  active = true;
  /** The queue tried it while it was at its prefetch limit; it rejoins the back of the line when it has credit again. */
  blocked = false;
  /** `x-cancel-on-ha-failover`: cancelled (callback gets null) when a mirrored queue fails over. */
  cancelOnFailover = false;
  constructor(
    readonly tag: string,
    readonly channel: QueueChannel,
    readonly queue: EntryQueue,
    readonly callback: ConsumeCallback,
    readonly noAck: boolean,
    readonly exclusive: boolean,
    readonly priority: number,
    /** Per-consumer prefetch (0 = unlimited), fixed when the consumer was created, as in RabbitMQ. */
    readonly prefetch: number,
    readonly counters: Counters,
  ) {}

  /** Whether the consumer has credit for one more delivery (its prefetch and the channel's global one). */
  canTake(): boolean {
    if (this.noAck) return true;
    if (this.prefetch > 0 && this.unacked >= this.prefetch) return false;
    return this.channel.hasGlobalCredit();
  }
}
