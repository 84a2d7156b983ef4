import type { TimerTarget } from '../kernel/clock';
import type { Consumer, EntryQueue, QEntry } from '../queues/consumer';
import { AmqpError, ERRORS } from '../amqp/errors';
import { deliveredProperties, type ConsumeMessage } from '../amqp/message';
import type { Queue } from '../queues/queue';
import { UnackedList } from './unacked';
import * as V from '../amqp/validate';
import { ACK, NACK, REJECT, noteDelivery, noteSettle } from './delivery-accounting';
import { OUT_DELIVER, type Outbox } from './outbox';
import { ChannelTopology } from './channel-topology';
import { OPEN } from './channel-rpc';

/** The delivery tag of a message given back to ack, nack or reject. */
function tagOf(message: ConsumeMessage): number {
  const tag = message && message.fields && message.fields.deliveryTag;
  if (typeof tag !== 'number') throw new TypeError('expected a message with fields.deliveryTag');
  return tag;
}

/** Requeues deliveries queue by queue, each in original order. */
function requeueByQueue(entries: QEntry[], cause: 'nack' | 'reject' | 'channel-closed' | 'recover'): void {
  if (entries.length === 0) return;
  const byQueue = new Map<EntryQueue, QEntry[]>();
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

/** Timer kind of a settlement travelling to the broker (ack latency). */
export const T_ACK = 4;

/** The method each settlement kind is sent as (ACK, NACK, REJECT). */
const SETTLE_METHOD = ['BasicAck', 'BasicNack', 'BasicReject'];

export interface AckOp {
  kind: number;
  tag: number;
  multiple: boolean;
  requeue: boolean;
}

/**
 * A Channel's deliveries waiting for a settlement: delivery tags, prefetch (per consumer and global),
 * basic.qos, basic.recover, basic.ack / nack / reject and the credit they give back to the queues.
 */
export abstract class ChannelDeliveries extends ChannelTopology implements TimerTarget {
  protected nextTag = 1;
  readonly unacked = new UnackedList();
  readonly consumers = new Map<string, Consumer>();
  protected prefetchCount = 0;
  protected globalPrefetch = 0;
  protected globalUnacked = 0;

  /** basic.qos: per-consumer prefetch for consumers created afterwards, or (global) for the whole channel. */
  prefetch(count: number, global?: boolean): Promise<Record<string, never>> {
    return this.rpc('BasicQos', () => {
      // amqplib's encoder's words for a count that is not a number
      if (count !== undefined && count !== null && (typeof count !== 'number' || Number.isNaN(count))) throw new TypeError("Field 'prefetchCount' is the wrong type; must be a number (but not NaN)");
      const n = count === undefined || count === null ? 0 : V.uint('prefetch count', count, 65535);
      if (global) this.globalPrefetch = n;
      else this.prefetchCount = n;
      this.kickQueues(null);
      return {};
    });
  }

  qos(count: number, global?: boolean): Promise<Record<string, never>> {
    return this.prefetch(count, global);
  }

  /** basic.recover (requeue): every unacked delivery goes back to its queue; old tags become unknown. */
  recover(): Promise<Record<string, never>> {
    return this.rpc('BasicRecover', () => {
      this.requeueAll('recover');
      return {};
    });
  }

  // ---------------------------------------------------------------- acknowledgements

  ack(message: ConsumeMessage, allUpTo?: boolean): void {
    this.ackOp(ACK, tagOf(message), !!allUpTo, false);
  }

  ackAll(): void {
    this.ackOp(ACK, 0, true, false);
  }

  nack(message: ConsumeMessage, allUpTo?: boolean, requeue?: boolean): void {
    this.ackOp(NACK, tagOf(message), !!allUpTo, requeue === undefined ? true : !!requeue);
  }

  nackAll(requeue?: boolean): void {
    this.ackOp(NACK, 0, true, requeue === undefined ? true : !!requeue);
  }

  reject(message: ConsumeMessage, requeue?: boolean): void {
    this.ackOp(REJECT, tagOf(message), false, requeue === undefined ? true : !!requeue);
  }

  protected ackOp(kind: number, tag: number, multiple: boolean, requeue: boolean): void {
    if (!this.beginAsync()) return;
    const op: AckOp = { kind, tag, multiple, requeue };
    const hop = this.broker.latency.ack;
    if (hop > 0) this.kernel.clock.schedule(hop, this, T_ACK, op);
    else this.applyAck(op);
  }

  /**
   * One of a consumer's deliveries is settled. A consumer its queue found at its prefetch limit
   * (`blocked`) is ready again and, as in RabbitMQ (rabbit_queue_consumers), joins the back of the
   * queue's line (recorded: w-prefetch-unblock-order-mixed).
   */
  protected release(c: Consumer): void {
    c.unacked--;
    this.globalUnacked--;
    if (c.blocked && c.active && c.canTake()) c.queue.unblocked(c);
  }

  /** The channel-wide prefetch was reached and now has room: its blocked consumers are ready again. */
  protected releaseGlobal(wasFull: boolean): void {
    if (wasFull && this.hasGlobalCredit()) for (const c of this.consumers.values()) if (c.blocked && c.active && c.canTake()) c.queue.unblocked(c);
  }

  protected applyAck(op: AckOp): void {
    if (this.state !== OPEN) return;
    const globalFull = this.globalPrefetch > 0 && this.globalUnacked >= this.globalPrefetch;
    if (op.kind === ACK && !op.multiple) {
      // the common case, without arrays
      const i = this.unacked.find(op.tag);
      if (i < 0) return this.asyncFailure(new AmqpError(ERRORS.unknownDeliveryTag(op.tag)), SETTLE_METHOD[op.kind]);
      const e = this.unacked.takeAt(i);
      const c = e.consumer;
      if (c) this.release(c);
      noteSettle(this, ACK, e, false);
      e.queue.settle();
      e.channel = null;
      e.consumer = null;
      if (this.globalPrefetch > 0) {
        this.releaseGlobal(globalFull);
        this.kickQueues(null);
      } else if (c && c.active) c.queue.dispatch();
      return;
    }
    let entries: QEntry[];
    if (op.multiple && op.tag === 0) entries = this.unacked.takeAll();
    else {
      const i = this.unacked.find(op.tag);
      if (i < 0) return this.asyncFailure(new AmqpError(ERRORS.unknownDeliveryTag(op.tag)), SETTLE_METHOD[op.kind]);
      entries = op.multiple ? this.unacked.takeUpTo(i) : [this.unacked.takeAt(i)];
    }
    let kick: EntryQueue | null = null;
    const requeue: QEntry[] = [];
    for (const e of entries) {
      const c = e.consumer;
      if (c) {
        this.release(c);
        if (c.active) kick = c.queue;
      }
      noteSettle(this, op.kind, e, op.requeue);
      if (op.kind === ACK) e.queue.settle();
      else if (op.requeue) requeue.push(e);
      else e.queue.discard(e);
      e.channel = null;
      e.consumer = null;
    }
    if (requeue.length) requeueByQueue(requeue, op.kind === NACK ? 'nack' : 'reject');
    this.releaseGlobal(globalFull);
    if (this.globalPrefetch > 0) this.kickQueues(null);
    else if (kick) kick.dispatch();
  }

  protected requeueAll(cause: 'channel-closed' | 'recover'): void {
    const all = this.unacked.takeAll();
    for (const e of all) {
      if (e.consumer) e.consumer.unacked--;
      e.channel = null;
      e.consumer = null;
    }
    this.globalUnacked = 0;
    requeueByQueue(all, cause);
    this.kickQueues(null);
  }

  /** Lets the queues of this channel's consumers deliver again (credit was freed). */
  protected kickQueues(_only: EntryQueue | null): void {
    for (const c of this.consumers.values()) c.queue.dispatch();
  }

  /** @internal whether the channel-wide (global) prefetch allows another delivery. */
  hasGlobalCredit(): boolean {
    return this.globalPrefetch === 0 || this.globalUnacked < this.globalPrefetch;
  }

  /** basic.get's delivery: a tag (and an unacked entry unless noAck), counters and trace. */
  protected getFrom(q: Queue, noAck: boolean): ConsumeMessage | false {
    const e = q.get(!noAck);
    if (!e) return false;
    const tag = this.nextTag++;
    const redelivered = e.redelivered;
    if (!noAck) {
      e.channel = this;
      e.consumer = null;
      e.tag = tag;
      this.unacked.add(tag, e);
    }
    noteDelivery(this, q, e, null, tag, noAck);
    q.afterGet();
    const m = e.msg;
    const extra = q.settings.type === 'quorum' ? { 'x-delivery-count': e.deliveryCount } : null;
    return {
      content: m.content,
      fields: { deliveryTag: tag, redelivered, exchange: m.exchange, routingKey: m.routingKey, messageCount: q.messageCount },
      properties: deliveredProperties(m.props, extra),
    };
  }

  /** @internal A queue hands a message to one of this channel's consumers. */
  deliver(q: EntryQueue, e: QEntry, c: Consumer): void {
    const tag = this.nextTag++;
    const redelivered = e.redelivered;
    if (!c.noAck) {
      e.channel = this;
      e.consumer = c;
      e.tag = tag;
      this.unacked.add(tag, e);
      c.unacked++;
      this.globalUnacked++;
    }
    c.counters.delivered++;
    noteDelivery(this, q, e, c.tag, tag, c.noAck);
    const dc = q.settings.type === 'quorum' ? e.deliveryCount : 0;
    this.outbox.push(this.broker.latency.deliver, OUT_DELIVER, e.msg, c, tag, redelivered, dc);
  }

  /** What is on its way to the client (channel.ts makes it). */
  protected abstract readonly outbox: Outbox;

  abstract onTimer(kind: number, arg: unknown): void;
}
