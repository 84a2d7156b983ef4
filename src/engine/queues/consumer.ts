import type { Channel } from '../client/channel';
import type { ConsumeMessage } from '../amqp/message';
import type { Queue } from './queue';
import type { Counters } from '../kernel/stats';

/** A consumer callback, as amqplib's `consume(queue, callback)` takes it (null = cancelled by the server). */
export type ConsumeCallback = (msg: ConsumeMessage | null) => void;

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
    readonly channel: Channel,
    readonly queue: Queue,
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
