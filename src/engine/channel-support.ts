/** Option types of the channel API and helpers shared by the channel's ack paths. */
import type { QEntry } from './entry';
import type { ConsumeMessage } from './amqp/message';
import type { Queue } from './queue';

export function tagOf(message: ConsumeMessage): number {
  const tag = message && message.fields && message.fields.deliveryTag;
  if (typeof tag !== 'number') throw new TypeError('expected a message with fields.deliveryTag');
  return tag;
}

/** Requeues deliveries queue by queue, each in original order. */
export function requeueByQueue(entries: QEntry[], cause: 'nack' | 'reject' | 'channel-closed' | 'recover'): void {
  if (entries.length === 0) return;
  const byQueue = new Map<Queue, QEntry[]>();
  for (const e of entries) {
    const l = byQueue.get(e.queue);
    if (l) l.push(e);
    else byQueue.set(e.queue, [e]);
  }
  for (const [q, list] of byQueue) {
    list.sort((a, b) => a.seq - b.seq);
    if (q.kernel.trace.enabled) for (const e of list) q.kernel.trace.emit({ type: 'requeued', id: e.msg.id, vhost: q.vhost.name, queue: q.name, cause });
    q.requeue(list);
  }
}

/** amqplib's assertQueue options. */
export interface AssertQueueOptions {
  exclusive?: boolean;
  durable?: boolean;
  autoDelete?: boolean;
  arguments?: Record<string, unknown>;
  messageTtl?: number;
  expires?: number;
  deadLetterExchange?: string;
  deadLetterRoutingKey?: string;
  maxLength?: number;
  maxPriority?: number;
  overflow?: string;
  queueMode?: string;
}

/** amqplib's assertExchange options. */
export interface AssertExchangeOptions {
  durable?: boolean;
  internal?: boolean;
  autoDelete?: boolean;
  alternateExchange?: string;
  arguments?: Record<string, unknown>;
}

/** amqplib's consume options. */
export interface ConsumeOptions {
  consumerTag?: string;
  noLocal?: boolean;
  noAck?: boolean;
  exclusive?: boolean;
  priority?: number;
  arguments?: Record<string, unknown>;
}
