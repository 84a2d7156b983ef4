import type { Message } from '../amqp/message';
import type { Kernel } from '../kernel/kernel';
import type { Alarms } from '../server/alarms';
import type { Auth } from '../server/auth';
import type { ServerConnection } from '../server/ports';
import type { DirectReplyTo } from '../server/reply-to';
import type { VHost } from '../server/vhost';

/** Hop latencies in virtual ms (all 0 by default: headless runs take no virtual time per hop). */
export interface Latency {
  /** channel → exchange (a publish reaches routing). */
  publish: number;
  /** exchange → queue (a routed copy is enqueued). */
  route: number;
  /** queue → consumer callback. */
  deliver: number;
  /** consumer ack/nack/reject → queue. */
  ack: number;
}

/** What connections and channels need of the broker (broker.ts implements it). */
export interface ClientHost {
  readonly kernel: Kernel;
  readonly latency: Latency;
  /** Users and permissions (logins are checked before a connection exists). */
  readonly auth: Auth;
  /** Resource alarms: publishes are held while one is set. */
  readonly alarms: Alarms;
  /** The channels consuming from `amq.rabbitmq.reply-to`. */
  readonly replyTo: DirectReplyTo;
  /** Queues that are down or hung (publishes take the slow path only while this is > 0). */
  readonly gatedQueues: number;
  /** Sees every message the broker creates while detailed tracing is on. */
  readonly observeMessage: ((msg: Message) => void) | null;
  /** A connection has closed. */
  connectionClosed(c: ServerConnection): void;
}

/** A connection as its channels see it (connection.ts implements it); they hand it on to the vhost and the alarms. */
export interface ChannelConnection extends ServerConnection {
  readonly broker: ClientHost;
  readonly vhost: VHost;
  /** Its open channels by number. */
  readonly channels: Map<number, unknown>;
  /** amqplib fails the connection on the client side (see connection.ts). */
  clientFailed(err: Error & { code?: number }): void;
}
