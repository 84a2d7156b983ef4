import type { Message } from '../amqp/message';
import type { Kernel } from '../kernel/kernel';
import type { Counters } from '../kernel/stats';
import type { ConsumerCancelReason, DeadLetterReason, QueueDeleteReason } from '../kernel/trace';
import type { Policy } from './policies';

/** The modelled memory a queue's ready messages take: crossing `high` or `low` calls `cross()` (server/alarms.ts). */
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

/**
 * A queue as the entries and consumers it hands out see it (consumer.ts): `E` is the entry type and `C`
 * the consumer type, so that this file needs nothing from the queue's own files.
 */
export interface HeldQueue<E, C> {
  readonly name: string;
  readonly vhost: { readonly name: string };
  readonly kernel: Kernel;
  readonly counters: Counters;
  readonly settings: { readonly type: string };
  /** An unacked delivery was acked (or is otherwise gone). */
  settle(): void;
  /** A rejected or nacked delivery without requeue. */
  discard(e: E): void;
  /** Unacked deliveries back to their original places. */
  requeue(entries: E[]): void;
  /** Delivers what it can (a consumer got credit). */
  dispatch(): void;
  /** A consumer found at its prefetch limit can take messages again. */
  unblocked(c: C): void;
  removeConsumer(c: C): void;
}

/** What a queue needs of the channel a consumer belongs to (client/channel.ts implements it). */
export interface ConsumerChannel<Q, E, C> {
  readonly id: number;
  /** Whether the channel-wide prefetch allows another delivery. */
  hasGlobalCredit(): boolean;
  /** Hands entry `e` of queue `q` to consumer `c`. */
  deliver(q: Q, e: E, c: C): void;
  /** The server cancels the consumer (its queue was deleted, went down or failed over). */
  serverCancel(c: C, reason?: ConsumerCancelReason): void;
}

/** The connection that owns an exclusive queue (client/connection.ts). */
export interface QueueOwner<Q> {
  readonly exclusiveQueues: Set<Q>;
}

/** The cluster as mirrors and quorum queues see it (server/cluster.ts implements it). */
export interface ClusterView {
  /** Every node, in cluster order. */
  readonly nodes: string[];
  isRunning(node: string): boolean;
  /** How long a quorum queue's leader election takes (virtual ms). */
  readonly electionMs: number;
}

/** A classic mirrored queue's mirrors (running nodes other than the master) and which are synchronised (mirrors.ts keeps it). */
export interface MirrorState {
  mirrors: string[];
  /** Mirror → the queue sequence number when it joined unsynchronised (synced once older messages are gone). */
  unsynced: Map<string, number>;
}

/** A quorum queue's Raft group as the queue's readers see it (quorum.ts implements it). */
export interface QuorumGroup {
  /** Member nodes, in cluster order. */
  readonly members: string[];
  readonly leader: string;
  /** The members whose node is running. */
  online(): string[];
  /** A node stopped. */
  nodeDown(node: string): void;
  /** A node came back. */
  nodeUp(node: string): void;
  /** The queue is deleted: no election may follow. */
  dispose(): void;
}
