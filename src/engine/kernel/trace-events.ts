/**
 * The engine's typed trace: its events.
 *
 * Message identity: every published message gets a numeric `id` that it keeps from publish to its
 * end. When one publish reaches several queues, each queue holds a copy that is identified by the
 * pair (`id`, `queue`): all events after routing name the queue, so the UI can follow one copy.
 * A dead-lettered message is a new message: it gets a new `id` and `parentId` = the id it came
 * from (the `dead-lettered` event carries both).
 *
 * Every event has `t` (virtual ms) and `seq` (a broker-wide counter). The trace kept in memory is
 * a bounded ring (`traceLimit`); counters (`broker.stats()`) are never bounded.
 */

/** A binding as the trace and explainRoute name it. */
export interface BindingRef {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments?: Record<string, unknown>;
}

export type DropReason =
  | 'maxlen' | 'maxlen-bytes' | 'expired' | 'rejected' | 'reject-publish' | 'no-dlx-target'
  | 'dlx-cycle' | 'delivery-limit' | 'queue-deleted' | 'purged' | 'node-down' | 'restart';

export type QueueDeleteReason = 'delete' | 'exclusive-owner-closed' | 'auto-delete' | 'expires' | 'node-down' | 'restart' | 'vhost-deleted';

export type ConsumerCancelReason = 'cancel' | 'channel-closed' | 'queue-deleted' | 'queue-down' | 'failover';

export type DeadLetterReason = 'expired' | 'rejected' | 'maxlen' | 'delivery_limit';

interface Base { t: number; seq: number }
interface MsgBase extends Base { id: number; vhost: string }

export type TraceEvent =
  | (MsgBase & { type: 'published'; exchange: string; routingKey: string; channel: number; size: number; mandatory: boolean; publishSeq?: number; parentId?: number })
  | (MsgBase & { type: 'routed'; exchange: string; bindings: BindingRef[]; queues: string[]; alternate?: string })
  | (MsgBase & { type: 'unroutable'; exchange: string })
  | (MsgBase & { type: 'returned'; exchange: string; routingKey: string; channel: number; replyCode: number; replyText: string })
  | (MsgBase & { type: 'enqueued'; queue: string; ready: number })
  | (MsgBase & { type: 'dropped'; queue: string | null; reason: DropReason })
  // a Direct Reply-to reply is 'delivered' from the pseudo-queue `amq.rabbitmq.reply-to` (no queue holds it)
  | (MsgBase & { type: 'delivered'; queue: string; channel: number; consumerTag: string | null; deliveryTag: number; redelivered: boolean; noAck: boolean })
  | (MsgBase & { type: 'acked'; queue: string; channel: number; deliveryTag: number })
  | (MsgBase & { type: 'nacked'; queue: string; channel: number; deliveryTag: number; requeue: boolean })
  | (MsgBase & { type: 'rejected'; queue: string; channel: number; deliveryTag: number; requeue: boolean })
  | (MsgBase & { type: 'requeued'; queue: string; cause: 'nack' | 'reject' | 'channel-closed' | 'recover' | 'cancel' })
  | (MsgBase & { type: 'expired'; queue: string })
  | (MsgBase & { type: 'dead-lettered'; queue: string; reason: DeadLetterReason; newId: number; exchange: string; routingKeys: string[] })
  | (Base & { type: 'confirmed'; vhost: string; channel: number; publishSeq: number; ack: boolean; id: number })
  | (Base & { type: 'queue-declared'; vhost: string; queue: string; durable: boolean; exclusive: boolean; autoDelete: boolean; arguments: Record<string, unknown> })
  | (Base & { type: 'queue-deleted'; vhost: string; queue: string; reason: QueueDeleteReason })
  | (Base & { type: 'queue-purged'; vhost: string; queue: string; count: number })
  | (Base & { type: 'exchange-declared'; vhost: string; exchange: string; exchangeType: string; durable: boolean; autoDelete: boolean; internal: boolean })
  | (Base & { type: 'exchange-deleted'; vhost: string; exchange: string; reason: 'delete' | 'auto-delete' })
  | (Base & { type: 'binding-created'; vhost: string; binding: BindingRef })
  | (Base & { type: 'binding-deleted'; vhost: string; binding: BindingRef })
  | (Base & { type: 'consumer-added'; vhost: string; queue: string; channel: number; consumerTag: string; noAck: boolean; exclusive: boolean; priority: number })
  | (Base & { type: 'consumer-cancelled'; vhost: string; queue: string; channel: number; consumerTag: string; reason: ConsumerCancelReason })
  | (Base & { type: 'channel-opened'; channel: number; connection: number; confirm: boolean })
  | (Base & { type: 'channel-closed'; channel: number; connection: number; code: number | null; text: string | null })
  | (Base & { type: 'channel-error'; channel: number; connection: number; code: number; text: string })
  | (Base & { type: 'connection-opened'; connection: number; user: string; vhost: string; node: string })
  | (Base & { type: 'connection-closed'; connection: number; code: number | null; text: string | null })
  | (Base & { type: 'connection-error'; connection: number; code: number; text: string })
  | (Base & { type: 'alarm-set' | 'alarm-cleared'; resource: 'memory' | 'disk' })
  | (Base & { type: 'connection-blocked'; connection: number; reason: string })
  | (Base & { type: 'connection-unblocked'; connection: number })
  | (Base & { type: 'broker-restarted' })
  | (Base & { type: 'policy-set'; vhost: string; name: string; pattern: string; applyTo: string; priority: number; definition: Record<string, unknown> })
  | (Base & { type: 'policy-cleared'; vhost: string; name: string })
  | (Base & { type: 'node-down' | 'node-up'; node: string })
  | (Base & { type: 'leader-elected'; vhost: string; queue: string; node: string; queueType: 'quorum' | 'classic' })
  | (Base & { type: 'queue-down' | 'queue-up'; vhost: string; queue: string; node: string });

export type TraceEventType = TraceEvent['type'];

/** Distributes Omit over the union so each event keeps its own fields. */
export type TraceInput = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't' | 'seq'> : never) : never;
