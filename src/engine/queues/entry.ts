import type { Consumer } from './consumer';
import type { Message } from '../amqp/message';
import type { Queue } from './queue';

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
    readonly queue: Queue,
    readonly msg: Message,
    /** Position in the queue, for requeue to the original place. */
    readonly seq: number,
    /** Absolute virtual time at which it expires (Infinity = never). */
    readonly expiry: number,
    /** Persistent message in a durable queue (survives a restart). */
    readonly persistent: boolean,
  ) {}
}
