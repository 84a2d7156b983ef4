import type { TimerTarget } from '../kernel/clock';
import { relocatable } from '../kernel/copy';
import type { ChannelConnection } from './ports';
import { Consumer, type ConsumeCallback } from '../queues/consumer';
import { AmqpError, CHANNEL_ENDED, channelClosedByServer, ERRORS, fail, IllegalOperationError } from '../amqp/errors';
import { propsFromOptions, type ConsumeMessage, type Message, type PublishOptions } from '../amqp/message';
import { framesOf, WriteBuffer } from './write-buffer';
import { Outbox, OUT_CANCEL, OUT_CONFIRM, OUT_DELIVER, OUT_RETURN, type ConfirmCallback } from './outbox';
import { routePublish, type PendingPublish } from './publish';
import { HUNG } from '../queues/queue';
import type { ConsumerCancelReason } from '../kernel/trace';
import type { ConsumeOptions } from './channel-options';
import * as V from '../amqp/validate';
import { REPLY_TO, type ReplyConsumer, type ReplyTarget } from '../server/reply-to';
import { CLOSED, CLOSING, OPEN } from './channel-rpc';
import { ChannelDeliveries, T_ACK, type AckOp } from './channel-deliveries';

export type { AssertExchangeOptions, AssertQueueOptions, ConsumeOptions } from './channel-options';
export { withRpcFailureHook } from './channel-rpc';

const T_NOTIFY_CLOSE = 2;
const T_PUBLISH = 3;

/**
 * An AMQP channel with amqplib's promise API: the same method names, options, replies, events
 * and errors. Every method takes effect synchronously, in call order; RPCs return settled
 * promises. Deliveries, returns and confirms reach the client through the event queue.
 */
export class Channel extends ChannelDeliveries implements TimerTarget, ReplyTarget {
  private readonly writeBuffer = new WriteBuffer();
  /** What is on its way to the client: deliveries, returns, confirms, server cancels. */
  protected readonly outbox: Outbox;
  private publishSeq = 0;
  /** The consumer on the Direct Reply-to pseudo-queue, if any (one per channel). */
  private replyConsumer: (ReplyConsumer & { callback: ConsumeCallback }) | null = null;

  /** @internal use `connection.createChannel()` */
  constructor(connection: ChannelConnection, id: number, number: number, confirm: boolean) {
    super(connection, id, number, confirm);
    this.outbox = new Outbox(this, connection.broker.kernel);
  }

  // ---------------------------------------------------------------- publishing

  /** basic.publish. Returns what amqplib's write buffer says: false once it is full, then 'drain' (write-buffer.ts). */
  publish(exchange: string, routingKey: string, content: Uint8Array, options?: PublishOptions, callback?: ConfirmCallback): boolean {
    const x = V.shortstr('exchange', exchange, true);
    const rk = V.shortstr('routingKey', routingKey);
    const body = V.content(content);
    if (callback !== undefined && typeof callback !== 'function') throw new TypeError('publish callback must be a function');
    let parsed: ReturnType<typeof propsFromOptions> | null = null;
    let bad: unknown = null;
    try {
      parsed = propsFromOptions(options);
    } catch (e) {
      if (!(e instanceof AmqpError)) throw e;
      bad = e;
    }
    const mandatory = !!options?.mandatory;
    if (!this.beginAsync()) return true;
    let seq = 0;
    if (this.confirm) {
      seq = ++this.publishSeq;
      this.outbox.expectConfirm(callback ?? false);
    }
    if (bad) {
      this.asyncFailure(bad, 'BasicPublish');
      return true;
    }
    const p: PendingPublish = { exchange: x, routingKey: rk, extraKeys: parsed!.extraKeys, content: body, props: parsed!.props, mandatory, publishSeq: seq };
    if (this.broker.alarms.blocking) this.broker.alarms.hold(this.connection, relocatable(this, this.arriveHeld, p));
    else if (this.broker.latency.publish > 0) this.kernel.clock.schedule(this.broker.latency.publish, this, T_PUBLISH, p);
    else this.arrive(p);
    return this.buffered(framesOf(x, rk, body.length));
  }

  /** amqplib's write buffer takes a publish's frames; its muxer empties it at the next turn. */
  private buffered(frames: number): boolean {
    const w = this.writeBuffer;
    const room = w.write(frames);
    if (!w.scheduled) {
      w.scheduled = true;
      this.kernel.defer(() => {
        if (w.flush() && this.state === OPEN) this.emit('drain');
      });
    }
    return room;
  }

  sendToQueue(queue: string, content: Uint8Array, options?: PublishOptions, callback?: ConfirmCallback): boolean {
    return this.publish('', queue, content, options, callback);
  }

  /** @internal a publish held by an alarm goes on. */
  arriveHeld(p: PendingPublish): void {
    this.arrive(p);
  }

  private arrive(p: PendingPublish): void {
    if (this.state !== OPEN) return;
    try {
      routePublish(this, p);
    } catch (e) {
      this.asyncFailure(e, 'BasicPublish');
    }
  }


  /** Resolves when every publish so far is confirmed; rejects if one was nacked or the channel closed. */
  waitForConfirms(): Promise<void[]> {
    return this.outbox.waitForConfirms();
  }

  // ---------------------------------------------------------------- consuming

  /**
   * basic.consume → `{consumerTag}`. Like amqplib 2.3.1, a missing callback is accepted: the first delivery
   * (or server cancel) then fails in the client and closes the channel with 541 (see `missingCallback`).
   */
  consume(queue: string, callback?: ConsumeCallback | null, options?: ConsumeOptions): Promise<{ consumerTag: string }> {
    return this.rpc('BasicConsume', () => {
      const o = V.optionsObject('consume', options);
      const qname = V.shortstr('queue', queue);
      const args = V.fieldTable('arguments', o.arguments);
      if (o.priority !== undefined) args['x-priority'] = o.priority;
      const requested = V.shortstr('consumerTag', o.consumerTag);
      if (requested && this.consumers.has(requested)) fail(ERRORS.reuseConsumerTag(requested));
      if (qname === REPLY_TO) return this.consumeReplyTo(requested, V.flag('noAck', o.noAck, false), callback ?? null);
      this.can('read', 'queue', qname);
      const q = this.vhost.queueFor(this.connection, qname);
      if (this.globalPrefetch > 0 && q.settings.type === 'quorum') fail(ERRORS.globalQosUnsupported(qname, this.vhost.name));
      const tag = requested || `amq.ctag-${this.kernel.prng.base64url(22)}`;
      const exclusive = V.flag('exclusive', o.exclusive, false);
      if ((exclusive && q.consumerCount > 0) || q.consumers.some((c) => c.exclusive)) fail(ERRORS.exclusiveUse(qname, this.vhost.name));
      const prio = args['x-priority'];
      if (prio !== undefined && (typeof prio !== 'number' || !Number.isInteger(prio))) throw new TypeError("consumer 'x-priority' must be an integer");
      const noAck = V.flag('noAck', o.noAck, false);
      const counters = this.kernel.metrics.counters(this.kernel.metrics.consumers, `${this.id}/${tag}`);
      const c = new Consumer(tag, this, q, dispatcher(tag, callback), noAck, exclusive, (prio as number) ?? 0, this.prefetchCount, counters);
      c.cancelOnFailover = args['x-cancel-on-ha-failover'] === true;
      this.consumers.set(tag, c);
      this.kernel.trace.emit({ type: 'consumer-added', vhost: this.vhost.name, queue: q.name, channel: this.id, consumerTag: tag, noAck, exclusive, priority: c.priority });
      q.addConsumer(c);
      return { consumerTag: tag };
    });
  }

  /** basic.consume on the Direct Reply-to pseudo-queue: noAck only, one per channel. */
  private consumeReplyTo(requested: string, noAck: boolean, callback: ConsumeCallback | null): { consumerTag: string } {
    if (!noAck) fail(ERRORS.replyConsumerAcks());
    if (this.replyConsumer) fail(ERRORS.replyConsumerSet());
    const tag = requested || `amq.ctag-${this.kernel.prng.base64url(22)}`;
    this.replyConsumer = { ...this.broker.replyTo.open(this, this.id, tag, this.kernel.prng), callback: dispatcher(tag, callback) };
    this.kernel.trace.emit({ type: 'consumer-added', vhost: this.vhost.name, queue: REPLY_TO, channel: this.id, consumerTag: tag, noAck: true, exclusive: false, priority: 0 });
    return { consumerTag: tag };
  }

  private dropReplyConsumer(reason: ConsumerCancelReason): void {
    const r = this.replyConsumer;
    if (!r) return;
    this.replyConsumer = null;
    this.broker.replyTo.close(this.id);
    this.kernel.trace.emit({ type: 'consumer-cancelled', vhost: this.vhost.name, queue: REPLY_TO, channel: this.id, consumerTag: r.tag, reason });
  }

  /** @internal the reply-to name a publish with `replyTo: 'amq.rabbitmq.reply-to'` carries instead (406 without a reply consumer). */
  replyName(): string {
    if (!this.replyConsumer) fail(ERRORS.noReplyConsumer());
    return this.replyConsumer.name;
  }

  /** @internal whether a reply name is this channel's current one. */
  hasReplyKey(name: string): boolean {
    return this.replyConsumer !== null && this.replyConsumer.name === name;
  }

  /** @internal a reply published to this channel's reply name: delivered to its reply consumer (dropped if the key is stale). */
  deliverReply(key: string, m: Message): boolean {
    const r = this.replyConsumer;
    if (!r || r.key !== key || this.state !== OPEN) return false;
    // RabbitMQ 3.10.8 sends a reply with the channel's next delivery tag without using it up (recorded: w-reply-to-roundtrip)
    const tag = this.nextTag;
    this.counters.delivered++;
    this.kernel.metrics.total.delivered++;
    if (this.kernel.trace.enabled) this.kernel.trace.emit({ type: 'delivered', id: m.id, vhost: this.vhost.name, queue: REPLY_TO, channel: this.id, consumerTag: r.tag, deliveryTag: tag, redelivered: false, noAck: true });
    this.outbox.push(this.broker.latency.deliver, OUT_DELIVER, m, r, tag, false, 0);
    return true;
  }

  /** basic.cancel. Unacked deliveries stay unacked (and ackable) until the channel closes. */
  cancel(consumerTag: string): Promise<{ consumerTag: string }> {
    return this.rpc('BasicCancel', () => {
      const tag = V.shortstr('consumerTag', consumerTag, true);
      if (this.replyConsumer?.tag === tag) {
        this.dropReplyConsumer('cancel');
        return { consumerTag: tag };
      }
      const c = this.consumers.get(tag);
      if (c) this.removeConsumer(c, 'cancel');
      return { consumerTag: tag };
    });
  }

  private removeConsumer(c: Consumer, reason: ConsumerCancelReason): void {
    this.consumers.delete(c.tag);
    this.kernel.trace.emit({ type: 'consumer-cancelled', vhost: this.vhost.name, queue: c.queue.name, channel: this.id, consumerTag: c.tag, reason });
    if (reason !== 'queue-deleted') c.queue.removeConsumer(c);
  }

  /** @internal The queue was deleted (or went down, or failed over): the consumer is cancelled and its callback gets `null`. */
  serverCancel(c: Consumer, reason: ConsumerCancelReason = 'queue-deleted'): void {
    if (!this.consumers.has(c.tag)) return;
    this.removeConsumer(c, reason);
    c.active = false;
    this.outbox.push(0, OUT_CANCEL, null, c, 0, false, 0);
  }

  /** basic.get → a message with `messageCount`, or false. */
  get(queue: string, options?: { noAck?: boolean }): Promise<ConsumeMessage | false> {
    return this.rpc('BasicGet', () => {
      const o = V.optionsObject('get', options);
      const noAck = V.flag('noAck', o.noAck, false);
      this.can('read', 'queue', V.shortstr('queue', queue));
      const q = this.vhost.queueFor(this.connection, queue);
      if (q.avail === HUNG) return new Promise<ConsumeMessage | false>((resolve) => q.whenLive(() => resolve(this.state === OPEN && !q.deleted ? this.getFrom(q, noAck) : false)));
      return this.getFrom(q, noAck);
    });
  }

  // ---------------------------------------------------------------- deliveries, returns, confirms

  /** @internal basic.return of an unroutable mandatory message. */
  sendReturn(msg: Message, code: number, text: string): void {
    this.counters.returned++;
    this.kernel.metrics.total.returned++;
    const b = this.kernel;
    if (b.trace.enabled) b.trace.emit({ type: 'returned', id: msg.id, vhost: this.vhost.name, exchange: msg.exchange, routingKey: msg.routingKey, channel: this.id, replyCode: code, replyText: text });
    this.outbox.push(0, OUT_RETURN, msg, text, code, false, 0);
  }

  /** @internal basic.ack / basic.nack for a publish on a confirm channel. */
  sendConfirm(seq: number, ack: boolean, id: number): void {
    if (this.state !== OPEN) return;
    const b = this.kernel;
    if (ack) this.counters.confirmed++;
    else this.counters.nackConfirmed++;
    if (ack) b.metrics.total.confirmed++;
    else b.metrics.total.nackConfirmed++;
    if (b.trace.enabled) b.trace.emit({ type: 'confirmed', vhost: this.vhost.name, channel: this.id, publishSeq: seq, ack, id });
    this.outbox.push(0, OUT_CONFIRM, null, null, seq, ack, 0);
  }


  /** @internal whether the channel is still open (the outbox stops delivering once it is not). */
  get deliveringOpen(): boolean {
    return this.state !== CLOSED;
  }

  /** @internal timer callback. */
  onTimer(kind: number, arg: unknown): void {
    if (kind === T_NOTIFY_CLOSE) this.notifyClosed();
    else if (kind === T_PUBLISH) this.arrive(arg as PendingPublish);
    else if (kind === T_ACK) this.applyAck(arg as AckOp);
  }


  // ---------------------------------------------------------------- closing

  /** Closes the channel: unacked deliveries are requeued, consumers cancelled. */
  close(): Promise<void> {
    this.kernel.activity++;
    if (this.state === CLOSED) return Promise.reject(new IllegalOperationError('Channel closed'));
    if (this.state === CLOSING) {
      this.notifyClosed();
      return Promise.resolve();
    }
    this.teardown();
    this.state = CLOSED;
    this.kernel.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: null, text: null });
    this.finishClose(null);
    return Promise.resolve();
  }

  /** Server side of a channel ending: consumers go, unacked messages return to their queues. */
  private teardown(): void {
    for (const c of [...this.consumers.values()]) this.removeConsumer(c, 'channel-closed');
    this.dropReplyConsumer('channel-closed');
    this.requeueAll('channel-closed');
    this.outbox.clear();
    this.connection.channels.delete(this.number);
  }

  /**
   * @internal A consumer callback threw. amqplib (acceptMessageFrame) closes the channel itself with 541
   * INTERNAL_ERROR 'Error while processing message' and, once the broker answers close-ok, gives the thrown
   * error (code 541) to the channel's 'error' event, then 'close'. With no 'error' listener on the channel
   * that emit throws inside amqplib's frame loop, which fails the whole connection (see Connection.clientFailed).
   * The broker sees an ordinary channel close: unacked messages go back to their queues.
   * Recorded: w-consumer-callback-throws, w-consumer-callback-throws-no-listener.
   */
  consumerThrew(x: unknown): void {
    if (this.state !== OPEN) {
      this.kernel.handlerError(x);
      return;
    }
    const err = (x instanceof Error ? x : new Error(String(x))) as Error & { code?: number };
    this.teardown();
    this.state = CLOSED;
    this.kernel.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: 541, text: 'Error while processing message' });
    this.kernel.defer(() => {
      err.code = 541;
      if (this.listenerCount('error') === 0) {
        this.connection.clientFailed(err);
        return;
      }
      this.finishClose(err);
    });
  }

  /** @internal The server closes the channel with an error; `fromRpc` when the failing call already got the reply. */
  serverClose(e: AmqpError, fromRpc: boolean): void {
    if (this.state !== OPEN) return;
    this.teardown();
    this.state = CLOSING;
    this.closeError = e;
    this.closeFrameTaken = fromRpc;
    this.kernel.trace.emit({ type: 'channel-error', channel: this.id, connection: this.connection.id, code: e.code, text: e.text });
    this.kernel.clock.schedule(0, this, T_NOTIFY_CLOSE);
  }

  private notifyClosed(): void {
    if (this.state !== CLOSING) return;
    this.state = CLOSED;
    const e = this.closeError!;
    this.kernel.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: e.code, text: e.text });
    this.kernel.userCode++;
    this.finishClose(channelClosedByServer(e));
  }

  /** @internal The connection ended (client close or connection error): no reply will come. Returns what tells the client. */
  connectionClosed(): () => void {
    if (this.state === CLOSED) return () => {};
    if (this.state === OPEN) this.teardown();
    this.state = CLOSED;
    this.kernel.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: null, text: null });
    return () => this.finishClose(null);
  }

  private finishClose(error: Error | null): void {
    try {
      const stranded = this.stranded;
      this.stranded = [];
      for (const reject of stranded) reject(new Error(CHANNEL_ENDED));
      this.outbox.failUnconfirmed();
      const before = this.beforeCloseEvents;
      this.beforeCloseEvents = [];
      for (const fn of before) fn();
      if (error) this.emit('error', error);
      this.emit('close');
    } catch (x) {
      this.kernel.handlerError(x);
    }
  }
}

/**
 * What amqplib's dispatchMessage does with the consumer it registered: no callback is
 * `Error('Unknown consumer: <tag>')`, a value that is not a function a TypeError; either throws in the
 * client's frame loop and so closes the channel with 541 (Channel.consumerThrew). Recorded: w-api-consume-no-callback.
 */
function dispatcher(tag: string, callback: unknown): ConsumeCallback {
  if (typeof callback === 'function') return callback as ConsumeCallback;
  if (!callback) {
    return () => {
      throw new Error(`Unknown consumer: ${tag}`);
    };
  }
  return () => {
    throw new TypeError('consumer is not a function');
  };
}
