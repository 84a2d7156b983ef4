import type { TimerTarget } from '../kernel/clock';
import { relocatable } from '../kernel/copy';
import type { Counters } from '../kernel/stats';
import type { PermKind } from '../server/auth';
import type { ChannelConnection, ClientHost } from './ports';
import { ERRORS, fail } from '../amqp/errors';
import type { Exchange } from '../routing/exchange';
import { Message, type StoredProps } from '../amqp/message';
import { LIVE, HUNG, type Queue } from '../queues/queue';
import { isReplyName, REPLY_TO } from '../server/reply-to';
import { deliveryOrder } from '../routing/order';

/** One publish on its way from a channel to the exchange (held only while a publish latency runs). */
export interface PendingPublish {
  exchange: string;
  routingKey: string;
  extraKeys: string[] | null;
  content: Uint8Array;
  props: StoredProps;
  mandatory: boolean;
  publishSeq: number;
}

/** The channel a publish comes from, as routing it needs it (channel.ts implements it). */
export interface PublishingChannel {
  readonly id: number;
  readonly connection: ChannelConnection;
  readonly counters: Counters;
  /** The exchange the last permitted publish went to (skips the permission check on the hot path). */
  writeOk: string | null;
  /** Throws 403 unless the user may `perm` the resource. */
  can(perm: PermKind, kind: 'queue' | 'exchange', name: string): void;
  /** The channel's Direct Reply-to name (for `replyTo: amq.rabbitmq.reply-to`). */
  replyName(): string;
  /** basic.return of a mandatory publish that reached no queue. */
  sendReturn(msg: Message, code: number, text: string): void;
  /** The publisher confirm of publish `seq` (ack or nack). */
  sendConfirm(seq: number, ack: boolean, id: number): void;
}

/** Tracks a confirm while routed copies are in transit (route latency > 0). */
export interface ConfirmTracker {
  channel: PublishingChannel;
  seq: number;
  pending: number;
  nack: boolean;
  id: number;
}

/**
 * basic.publish arriving at the exchange: checks (404, internal 403, user-id 406), routing,
 * mandatory return, delivery to the queues, and the publisher confirm. Throws AmqpError for the
 * channel to close on.
 */
export function routePublish(ch: PublishingChannel, p: PendingPublish): void {
  const vh = ch.connection.vhost;
  const b = ch.connection.broker;
  const k = b.kernel;
  if (p.exchange !== ch.writeOk) {
    ch.can('write', 'exchange', p.exchange === '' ? 'amq.default' : p.exchange);
    ch.writeOk = p.exchange;
  }
  const x: Exchange = vh.exchangeOrDie(p.exchange);
  if (x.internal) fail(ERRORS.internalPublish(p.exchange, vh.name));
  if (p.props.replyTo === REPLY_TO) p.props = { ...p.props, replyTo: ch.replyName() };
  if (p.props.userId !== undefined && p.props.userId !== ch.connection.user) {
    fail([406, `PRECONDITION_FAILED - user_id property set to '${p.props.userId}' but authenticated user was '${ch.connection.user}'`]);
  }
  const msg = new Message(k.nextMessageId(), 0, p.exchange, p.routingKey, p.extraKeys, p.content, p.props, k.clock.now);
  ch.counters.published++;
  x.counters.published++;
  k.metrics.total.published++;
  const tracing = k.trace.enabled;
  if (tracing) {
    k.trace.published(msg.id, vh.name, p.exchange, p.routingKey, ch.id, msg.size, p.mandatory, p.publishSeq || undefined);
    b.observeMessage?.(msg);
  }
  const replied = p.exchange === '' && deliverReplies(b, msg, p);
  const r = vh.router.route(x, msg, tracing);
  deliveryOrder(r.queues, 'publish');
  if (b.gatedQueues > 0 && r.queues.length > 0 && !r.queues.every((q) => q.avail === LIVE)) {
    routeGated(ch, p, msg, r.queues);
    return;
  }
  if (r.queues.length === 0) {
    x.counters.unroutable++;
    k.metrics.total.unroutable++;
    // a reply handed to a Direct Reply-to consumer reached no queue, yet it arrived: not logged as unroutable
    if (tracing && !replied) k.trace.emit({ type: 'unroutable', id: msg.id, vhost: vh.name, exchange: x.name });
    if (p.mandatory) ch.sendReturn(msg, 312, 'NO_ROUTE');
    if (p.publishSeq) ch.sendConfirm(p.publishSeq, true, msg.id);
    return;
  }
  x.counters.routed++;
  k.metrics.total.routed++;
  if (tracing) k.trace.routed(msg.id, vh.name, x.name, r.bindings!, r.queues, r.alternates ? r.alternates.join(',') : undefined);
  const hop = b.latency.route;
  if (hop > 0) {
    const tracker: ConfirmTracker | null = p.publishSeq ? { channel: ch, seq: p.publishSeq, pending: r.queues.length, nack: false, id: msg.id } : null;
    for (const q of r.queues) k.clock.schedule(hop, transit, 0, { q, msg, tracker });
    return;
  }
  let ok = true;
  if (r.queues.length === 1) {
    ok = deliverToQueue(r.queues[0], msg);
  } else {
    // Each queue is its own process in RabbitMQ: a copy one queue dead-letters at once (TTL 0,
    // overflow) travels on only after the publish has reached every queue it was routed to.
    const vh = ch.connection.vhost;
    vh.holdDeadLetters();
    for (const q of r.queues) if (!deliverToQueue(q, msg)) ok = false;
    vh.releaseDeadLetters();
  }
  if (p.publishSeq) ch.sendConfirm(p.publishSeq, ok, msg.id);
}

/** The default exchange hands a reply-to routing key (or CC key) to its channel; such keys reach no queue. */
function deliverReplies(b: ClientHost, msg: Message, p: PendingPublish): boolean {
  if (!isReplyName(p.routingKey) && !p.extraKeys?.some(isReplyName)) return false;
  const keys = p.extraKeys ? [p.routingKey, ...p.extraKeys] : [p.routingKey];
  const done = new Set<string>();
  let delivered = false;
  for (const k of keys) {
    if (!isReplyName(k) || done.has(k)) continue;
    done.add(k);
    const found = b.replyTo.lookup(k);
    if (found) delivered = found.target.deliverReply(found.key, msg) || delivered;
  }
  return delivered;
}

/** Routed copies travelling to their queues (route latency): each reaches its queue, then counts towards its confirm. */
class Transit implements TimerTarget {
  onTimer(_kind: number, arg: unknown): void {
    const { q, msg, tracker } = arg as { q: Queue; msg: Message; tracker: ConfirmTracker | null };
    countTowardsConfirm(tracker, deliverToQueue(q, msg));
  }
}

const transit = new Transit();

/** A routed copy reaching its queue. Returns false when the queue refused it (reject-publish). */
export function deliverToQueue(q: Queue, msg: Message): boolean {
  if (q.deleted) return true;
  return q.publish(msg);
}

/**
 * A publish that reached a queue which is down (its home node stopped: the copy is dropped, and
 * returned if mandatory when no other queue took it) or hung (a quorum queue without a leader:
 * the copy and its confirm wait until the queue is back).
 */
function routeGated(ch: PublishingChannel, p: PendingPublish, msg: Message, queues: Queue[]): void {
  // a mirrored queue waiting for its master (no synchronised mirror was promoted) refuses the copy: the
  // publish is nacked (seen on a 3.10.8 cluster); a quorum queue without a leader holds it instead
  const refused = (q: Queue) => q.avail === HUNG && q.ha !== null;
  const taken = queues.filter((q) => q.avail === LIVE || (q.avail === HUNG && !refused(q)));
  for (const q of queues) if (!taken.includes(q)) q.dropMessage(msg, 'node-down');
  if (taken.length === 0 && !queues.some(refused) && p.mandatory) ch.sendReturn(msg, 312, 'NO_ROUTE');
  const tracker: ConfirmTracker | null = p.publishSeq ? { channel: ch, seq: p.publishSeq, pending: 1, nack: queues.some(refused), id: msg.id } : null;
  for (const q of taken) {
    if (q.avail === LIVE) {
      if (!deliverToQueue(q, msg)) countTowardsConfirm(tracker, false);
      continue;
    }
    if (tracker) tracker.pending++;
    q.whenLive(relocatable(new HeldCopy(q, msg, tracker), HeldCopy.prototype.arrive));
  }
  countTowardsConfirm(tracker, true);
}

/** One copy of a publish settled (`ok`: taken by its queue): when it was the last, the confirm goes out. */
function countTowardsConfirm(tracker: ConfirmTracker | null, ok: boolean): void {
  if (!tracker) return;
  if (!ok) tracker.nack = true;
  if (--tracker.pending === 0) tracker.channel.sendConfirm(tracker.seq, !tracker.nack, tracker.id);
}

/** A copy waiting for its hung queue to be back; it counts towards its confirm when it gets there. */
class HeldCopy {
  constructor(
    private readonly q: Queue,
    private readonly msg: Message,
    private readonly tracker: ConfirmTracker | null,
  ) {}

  arrive(): void {
    countTowardsConfirm(this.tracker, deliverToQueue(this.q, this.msg));
  }
}
