/** The feature letters the RabbitMQ management UI shows beside a queue, computed from its config. */
import type { NodeOf } from '../../../scenario/schema';

export interface QueueFeature {
  /** What the management UI prints: D, AD, Excl, TTL… */
  abbr: string;
  /** The property or argument it stands for, for the tooltip. */
  arg: string;
  value: string;
}

export function queueFeatures(config: NodeOf<'queue'>['config']): QueueFeature[] {
  const a = config.arguments;
  const out: QueueFeature[] = [];
  const add = (abbr: string, arg: string, value: unknown): void => {
    if (value !== undefined && value !== false) out.push({ abbr, arg, value: String(value) });
  };
  if (a['x-queue-type'] === 'quorum') add('quorum', 'x-queue-type', 'quorum');
  add('D', 'durable', config.durable);
  add('AD', 'auto-delete', config.autoDelete);
  add('Excl', 'exclusive', config.exclusive);
  add('TTL', 'x-message-ttl', a['x-message-ttl']);
  add('Exp', 'x-expires', a['x-expires']);
  add('Lim', 'x-max-length', a['x-max-length']);
  add('Lim B', 'x-max-length-bytes', a['x-max-length-bytes']);
  add('Ovfl', 'x-overflow', a['x-overflow']);
  add('DLX', 'x-dead-letter-exchange', a['x-dead-letter-exchange']);
  add('DLK', 'x-dead-letter-routing-key', a['x-dead-letter-routing-key']);
  add('Pri', 'x-max-priority', a['x-max-priority']);
  add('SAC', 'x-single-active-consumer', a['x-single-active-consumer']);
  if (a['x-delivery-limit'] !== undefined) add('DL', 'x-delivery-limit', a['x-delivery-limit']);
  return out;
}
