import type { AmqpError } from '../amqp/errors';
import type { Message } from '../amqp/message';
import type { Kernel } from '../kernel/kernel';
import type { ClusterView, MemoryMeterPort } from '../queues/ports';
import type { Queue } from '../queues/queue';

/**
 * What the server's parts need from the floors above them, and nothing more: a client connection as the
 * server side sees it, and what a vhost needs of the broker that holds it. The broker (broker.ts) and the
 * connection (client/connection.ts) implement them; the cluster and the admin, at the top of this floor,
 * name their broker next to their class (cluster.ts, admin.ts).
 */

/** A client connection as vhosts, alarms and the cluster see it (client/connection.ts implements it). */
export interface ServerConnection {
  readonly id: number;
  readonly user: string;
  /** The node it is connected to. */
  readonly node: string;
  readonly vhost: { readonly name: string };
  readonly isOpen: boolean;
  /** The exclusive queues it owns. */
  readonly exclusiveQueues: Set<Queue>;
  /** Tells the client (`blocked`, `unblocked`). */
  emit(event: string, ...args: unknown[]): boolean;
  /** The server closes it (320 on a node's stop or a restart). */
  serverClose(err: AmqpError): void;
}

/** What a vhost needs of the broker (broker.ts implements it). */
export interface VHostHost {
  readonly kernel: Kernel;
  /** A restart is closing everything: auto-delete queues stay. */
  readonly shuttingDown: boolean;
  /** The memory meter every queued message counts against (alarms.ts). */
  readonly alarms: { readonly meter: MemoryMeterPort };
  /** Queues that are down or hung (publishes take the slow path only while this is > 0). */
  gatedQueues: number;
  readonly cluster: ClusterView;
  /** Wall-clock ms that virtual time 0 stands for (x-death timestamps). */
  readonly epochMs: number;
  /** Sees every message the broker creates while detailed tracing is on. */
  readonly observeMessage: ((msg: Message) => void) | null;
}
