import type { Message } from '../amqp/message';
import type { DeadLetterReason, QueueDeleteReason } from '../kernel/trace';
import type { Policy } from './policies';

/** The modelled memory a queue's ready messages take: crossing `high` or `low` calls `cross()` (alarms.ts). */
export interface MemoryMeterPort {
  bytes: number;
  high: number;
  low: number;
  cross(): void;
}

/**
 * What a queue needs from the vhost and broker above it, and nothing more (the VHost implements it).
 * `Q` is the queue type itself, so this file needs nothing from above.
 */
export interface QueueHost<Q> {
  /** The vhost's name (in trace events). */
  readonly name: string;
  /** Routes a dead-lettered copy of `msg` through the queue's dead-letter exchange. */
  deadLetter(q: Q, msg: Message, reason: DeadLetterReason): void;
  /** Deletes the queue (x-expires, auto-delete). */
  removeQueue(q: Q, reason: QueueDeleteReason): unknown;
  /** A restart is closing everything: auto-delete queues stay. */
  readonly shuttingDown: boolean;
  /** A queue went down or hung (+1) or came back (-1): publishes take the slow path while any is. */
  gateChanged(delta: 1 | -1): void;
  /** The vhost's policies by name (a mirrored queue's promotion rule reads its policy). */
  readonly policies: ReadonlyMap<string, Policy>;
  /** The broker's memory meter, which every queued message counts against. */
  readonly memory: MemoryMeterPort;
}
