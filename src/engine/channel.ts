import type { Broker } from './broker';
import type { TimerTarget } from './kernel/clock';
import type { Connection } from './connection';
import { Consumer, type ConsumeCallback } from './consumer';
import { Emitter } from './kernel/emitter';
import type { QEntry } from './entry';
import {
  AmqpError, CHANNEL_ENDED, channelClosedByServer, ERRORS, fail, IllegalOperationError, operationFailed,
} from './amqp/errors';
import { deliveredProperties, propsFromOptions, type ConsumeMessage, type Message, type PublishOptions } from './amqp/message';
import { framesOf, WriteBuffer } from './client/write-buffer';
import { Outbox, OUT_CANCEL, OUT_CONFIRM, OUT_DELIVER, OUT_RETURN, type ConfirmCallback } from './outbox';
import { routePublish, type PendingPublish } from './publish';
import { HUNG, type Queue } from './queue';
import type { PermKind } from './server/auth';
import type { ConsumerCancelReason } from './kernel/trace';
import type { Counters } from './kernel/stats';
import { UnackedList } from './unacked';
import { requeueByQueue, tagOf, type AssertExchangeOptions, type AssertQueueOptions, type ConsumeOptions } from './channel-support';

export type { AssertExchangeOptions, AssertQueueOptions, ConsumeOptions } from './channel-support';
import * as V from './amqp/validate';
import { REPLY_TO, type ReplyConsumer, type ReplyTarget } from './server/reply-to';

const OPEN = 0;
const CLOSING = 1; // closed by the server; the client has not been told yet
const CLOSED = 2;

const T_NOTIFY_CLOSE = 2;
const T_PUBLISH = 3;
const T_ACK = 4;

import { ACK, NACK, REJECT, noteDelivery, noteSettle } from './channel-notes';


/** The method each settlement kind is sent as (ACK, NACK, REJECT). */
const SETTLE_METHOD = ['BasicAck', 'BasicNack', 'BasicReject'];

interface AckOp {
  kind: number;
  tag: number;
  multiple: boolean;
  requeue: boolean;
}


/**
 * Set by amqplib's callback API (amqplib/callback.ts) around one call: hears, at once, the error of a call
 * that fails the channel, and returns what to run when the close reaches the client, before the channel's
 * 'error' and 'close' events. A module-level hook, not a channel property: programs see channels through
 * read-only proxies.
 */
let rpcFailureHook: ((e: Error) => (() => void) | undefined) | null = null;

/** @internal Runs `call` with `hook` hearing a channel-failing error (see rpcFailureHook). */
export function withRpcFailureHook<T>(hook: (e: Error) => (() => void) | undefined, call: () => T): T {
  const prev = rpcFailureHook;
  rpcFailureHook = hook;
  try {
    return call();
  } finally {
    rpcFailureHook = prev;
  }
}

/**
 * An AMQP channel with amqplib's promise API: the same method names, options, replies, events
 * and errors. Every method takes effect synchronously, in call order; RPCs return settled
 * promises. Deliveries, returns and confirms reach the client through the event queue.
 */
export class Channel extends Emitter implements TimerTarget, ReplyTarget {
  private state = OPEN;
  private closeError: AmqpError | null = null;
  private closeFrameTaken = false;
  /**
   * amqplib takes the channel's reply slot before encoding an RPC; when its encoder refuses an argument
   * (prefetch('x')) the slot is never freed, so every later RPC on the channel waits forever, until the
   * channel closes ('Channel ended, no reply will be forthcoming'). Recorded: w-api-prefetch-wedge.
   */
  private wedged = false;
  private readonly writeBuffer = new WriteBuffer();
  private stranded: ((e: Error) => void)[] = [];
  private nextTag = 1;
  readonly unacked = new UnackedList();
  readonly consumers = new Map<string, Consumer>();
  private prefetchCount = 0;
  private globalPrefetch = 0;
  private globalUnacked = 0;
  /** What is on its way to the client: deliveries, returns, confirms, server cancels. */
  private readonly outbox: Outbox;
  private publishSeq = 0;
  /** The consumer on the Direct Reply-to pseudo-queue, if any (one per channel). */
  private replyConsumer: (ReplyConsumer & { callback: ConsumeCallback }) | null = null;
  readonly counters: Counters;
  /** @internal permission checks that passed (cached per channel, as RabbitMQ does). */
  permCache: Set<string> | null = null;
  /** @internal the exchange the last permitted publish went to (skips the check on the hot path). */
  writeOk: string | null = null;

  /** @internal use `connection.createChannel()` */
  constructor(readonly connection: Connection, readonly id: number, readonly number: number, readonly confirm: boolean) {
    super();
    this.counters = this.broker.metrics.counters(this.broker.metrics.channels, String(id));
    this.outbox = new Outbox(this, connection.broker);
  }

  private get broker(): Broker {
    return this.connection.broker;
  }

  /** @internal throws 403 unless the user may `perm` the resource (passed checks are cached). */
  can(perm: PermKind, kind: 'queue' | 'exchange', name: string): void {
    this.broker.auth.check(this, this.connection.user, this.vhost.name, perm, kind, name);
  }

  /** Whether the channel is open (not closed by either side). */
  get isOpen(): boolean {
    return this.state === OPEN;
  }

  /** @internal Whether the channel has finished closing (amqplib's callback API then throws at the call). */
  get isClosed(): boolean {
    return this.state === CLOSED;
  }

  /** Run when a server close reaches the client, before its 'error' and 'close' events (the callback API's failed calls). */
  private beforeCloseEvents: (() => void)[] = [];

  // ---------------------------------------------------------------- RPC plumbing

  private rpc<T>(method: string, op: () => T | Promise<T>): Promise<T> {
    this.broker.kernel.activity++;
    if (this.state === CLOSED) return Promise.reject(new IllegalOperationError('Channel closed'));
    if (this.state === CLOSING) {
      if (!this.closeFrameTaken) {
        this.closeFrameTaken = true;
        return Promise.reject(channelClosedByServer(this.closeError!));
      }
      return Promise.reject(new Error(CHANNEL_ENDED));
    }
    if (this.wedged) return new Promise<T>((_, reject) => this.stranded.push(reject));
    try {
      return Promise.resolve(op());
    } catch (e) {
      if (!(e instanceof AmqpError)) {
        if (V.isEncodeError(e)) this.wedged = true;
        return Promise.reject(e);
      }
      e.during(method);
      if (e.isConnectionError) {
        this.connection.serverClose(e);
        return Promise.reject(new Error(CHANNEL_ENDED));
      }
      this.serverClose(e, true);
      const err = operationFailed(method, e);
      const k = rpcFailureHook?.(err);
      if (k) this.beforeCloseEvents.push(k);
      return Promise.reject(err);
    }
  }

  /** A method without a reply (publish, ack...): throws when closed, ignored while closing. */
  private beginAsync(): boolean {
    this.broker.kernel.activity++;
    if (this.state === CLOSED) throw new IllegalOperationError('Channel closed');
    return this.state === OPEN;
  }

  /** An error in a method without a reply closes the channel; the client hears of it next. */
  private asyncFailure(e: unknown, method: string): void {
    if (!(e instanceof AmqpError)) throw e;
    e.during(method);
    if (e.isConnectionError) this.connection.serverClose(e);
    else this.serverClose(e, false);
  }

  // ---------------------------------------------------------------- declarations

  /** queue.declare → `{queue, messageCount, consumerCount}`. */
  assertQueue(queue?: string, options?: AssertQueueOptions): Promise<{ queue: string; messageCount: number; consumerCount: number }> {
    return this.rpc('QueueDeclare', () => {
      const name = V.shortstr('queue', queue ?? '');
      if (name.startsWith(REPLY_TO)) return this.declareReplyTo(name);
      const o = V.optionsObject('assertQueue', options);
      const args = V.fieldTable('arguments', o.arguments);
      const promote: [string, string][] = [
        ['expires', 'x-expires'], ['messageTtl', 'x-message-ttl'], ['deadLetterExchange', 'x-dead-letter-exchange'],
        ['deadLetterRoutingKey', 'x-dead-letter-routing-key'], ['maxLength', 'x-max-length'], ['maxPriority', 'x-max-priority'],
        ['overflow', 'x-overflow'], ['queueMode', 'x-queue-mode'],
      ];
      for (const [opt, arg] of promote) if (o[opt] !== undefined) args[arg] = o[opt];
      const q = this.vhost.declareQueue(
        this.connection, name, V.flag('durable', o.durable, true), V.flag('exclusive', o.exclusive, false),
        V.flag('autoDelete', o.autoDelete, false), args, (n) => this.can('configure', 'queue', n),
      );
      return this.declareOk(q);
    });
  }

  /** Passive queue.declare: 404 when missing. */
  checkQueue(queue: string): Promise<{ queue: string; messageCount: number; consumerCount: number }> {
    return this.rpc('QueueDeclare', () => {
      if (typeof queue === 'string' && queue.startsWith(REPLY_TO)) return this.declareReplyTo(queue);
      const q = this.vhost.queueFor(this.connection, V.shortstr('queue', queue));
      q.touch(); // a passive declare counts as use for x-expires
      return this.declareOk(q);
    });
  }

  /**
   * declare-ok for a queue. A mirrored queue whose master stopped with no synchronised mirror to promote
   * answers no declare, passive or not, until its master is back (seen on a 3.10.8 cluster; rabbitmq-server
   * #1578: "trying to declare or passively declare the queue will result in a timeout error").
   */
  private declareOk(q: Queue): { queue: string; messageCount: number; consumerCount: number } | Promise<{ queue: string; messageCount: number; consumerCount: number }> {
    const ok = () => ({ queue: q.name, messageCount: q.messageCount, consumerCount: q.consumerCount });
    if (q.avail === HUNG && q.ha) return new Promise((resolve) => q.whenLive(() => resolve(ok())));
    return ok();
  }

  /** A declare (passive or not) of the pseudo-queue or of a live reply name: it exists, with one consumer and no messages. */
  private declareReplyTo(name: string): { queue: string; messageCount: number; consumerCount: number } {
    const found = name === REPLY_TO || this.broker.replyTo.lookup(name)?.target.hasReplyKey(name);
    if (!found) fail(ERRORS.noQueue(name, this.vhost.name));
    return { queue: name, messageCount: 0, consumerCount: 1 };
  }

  deleteQueue(queue: string, options?: { ifUnused?: boolean; ifEmpty?: boolean }): Promise<{ messageCount: number }> {
    return this.rpc('QueueDelete', () => {
      const o = V.optionsObject('deleteQueue', options);
      this.can('configure', 'queue', V.shortstr('queue', queue));
      const n = this.vhost.deleteQueue(this.connection, queue, !!o.ifUnused, !!o.ifEmpty);
      return { messageCount: n };
    });
  }

  purgeQueue(queue: string): Promise<{ messageCount: number }> {
    return this.rpc('QueuePurge', () => {
      this.can('read', 'queue', V.shortstr('queue', queue));
      const q = this.vhost.queueFor(this.connection, queue);
      const n = q.purge();
      this.broker.trace.emit({ type: 'queue-purged', vhost: this.vhost.name, queue: q.name, count: n });
      return { messageCount: n };
    });
  }

  bindQueue(queue: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('QueueBind', () => {
      this.bindAccess('queue', V.shortstr('queue', queue), V.shortstr('exchange', source, true));
      this.vhost.bind(this.connection, 'queue', queue, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  unbindQueue(queue: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('QueueUnbind', () => {
      this.bindAccess('queue', V.shortstr('queue', queue), V.shortstr('exchange', source, true));
      this.vhost.unbind(this.connection, 'queue', queue, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  /**
   * exchange.declare → `{exchange}`. An unknown type is a connection error (503). No type is 'direct', as
   * amqplib's encoder fills it in (recorded: w-api-exchange-no-type).
   */
  assertExchange(exchange: string, type?: string, options?: AssertExchangeOptions): Promise<{ exchange: string }> {
    return this.rpc('ExchangeDeclare', () => {
      const name = V.shortstr('exchange', exchange, true);
      const t = type === undefined ? 'direct' : V.shortstr('type', type, true);
      const o = V.optionsObject('assertExchange', options);
      const args = V.fieldTable('arguments', o.arguments);
      if (o.alternateExchange !== undefined) args['alternate-exchange'] = o.alternateExchange;
      if (name !== '') this.can('configure', 'exchange', name);
      this.vhost.declareExchange(name, t, V.flag('durable', o.durable, true), V.flag('autoDelete', o.autoDelete, false), V.flag('internal', o.internal, false), args);
      return { exchange: name };
    });
  }

  checkExchange(exchange: string): Promise<Record<string, never>> {
    return this.rpc('ExchangeDeclare', () => {
      this.vhost.checkExchange(V.shortstr('exchange', exchange, true));
      return {};
    });
  }

  deleteExchange(exchange: string, options?: { ifUnused?: boolean }): Promise<Record<string, never>> {
    return this.rpc('ExchangeDelete', () => {
      const o = V.optionsObject('deleteExchange', options);
      if (exchange) this.can('configure', 'exchange', V.shortstr('exchange', exchange, true));
      this.vhost.deleteExchange(V.shortstr('exchange', exchange, true), !!o.ifUnused);
      return {};
    });
  }

  bindExchange(destination: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('ExchangeBind', () => {
      this.bindAccess('exchange', V.shortstr('destination', destination, true), V.shortstr('source', source, true));
      this.vhost.bind(this.connection, 'exchange', destination, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  unbindExchange(destination: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('ExchangeUnbind', () => {
      this.bindAccess('exchange', V.shortstr('destination', destination, true), V.shortstr('source', source, true));
      this.vhost.unbind(this.connection, 'exchange', destination, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  private get vhost() {
    return this.connection.vhost;
  }

  /** queue.bind / exchange.bind need write on the destination and read on the source. */
  private bindAccess(kind: 'queue' | 'exchange', dest: string, source: string): void {
    if (source === '' || (kind === 'exchange' && dest === '')) return; // 403 on the default exchange comes first
    this.can('write', kind, dest);
    this.can('read', 'exchange', source);
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
    if (this.broker.alarms.blocking) this.broker.alarms.hold(this, p);
    else if (this.broker.latency.publish > 0) this.broker.clock.schedule(this.broker.latency.publish, this, T_PUBLISH, p);
    else this.arrive(p);
    return this.buffered(framesOf(x, rk, body.length));
  }

  /** amqplib's write buffer takes a publish's frames; its muxer empties it at the next turn. */
  private buffered(frames: number): boolean {
    const w = this.writeBuffer;
    const room = w.write(frames);
    if (!w.scheduled) {
      w.scheduled = true;
      this.broker.defer(() => {
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
      const tag = requested || `amq.ctag-${this.broker.prng.base64url(22)}`;
      const exclusive = V.flag('exclusive', o.exclusive, false);
      if ((exclusive && q.consumerCount > 0) || q.consumers.some((c) => c.exclusive)) fail(ERRORS.exclusiveUse(qname, this.vhost.name));
      const prio = args['x-priority'];
      if (prio !== undefined && (typeof prio !== 'number' || !Number.isInteger(prio))) throw new TypeError("consumer 'x-priority' must be an integer");
      const noAck = V.flag('noAck', o.noAck, false);
      const counters = this.broker.metrics.counters(this.broker.metrics.consumers, `${this.id}/${tag}`);
      const c = new Consumer(tag, this, q, dispatcher(tag, callback), noAck, exclusive, (prio as number) ?? 0, this.prefetchCount, counters);
      c.cancelOnFailover = args['x-cancel-on-ha-failover'] === true;
      this.consumers.set(tag, c);
      this.broker.trace.emit({ type: 'consumer-added', vhost: this.vhost.name, queue: q.name, channel: this.id, consumerTag: tag, noAck, exclusive, priority: c.priority });
      q.addConsumer(c);
      return { consumerTag: tag };
    });
  }

  /** basic.consume on the Direct Reply-to pseudo-queue: noAck only, one per channel. */
  private consumeReplyTo(requested: string, noAck: boolean, callback: ConsumeCallback | null): { consumerTag: string } {
    if (!noAck) fail(ERRORS.replyConsumerAcks());
    if (this.replyConsumer) fail(ERRORS.replyConsumerSet());
    const tag = requested || `amq.ctag-${this.broker.prng.base64url(22)}`;
    this.replyConsumer = { ...this.broker.replyTo.open(this, this.id, tag, this.broker.prng), callback: dispatcher(tag, callback) };
    this.broker.trace.emit({ type: 'consumer-added', vhost: this.vhost.name, queue: REPLY_TO, channel: this.id, consumerTag: tag, noAck: true, exclusive: false, priority: 0 });
    return { consumerTag: tag };
  }

  private dropReplyConsumer(reason: ConsumerCancelReason): void {
    const r = this.replyConsumer;
    if (!r) return;
    this.replyConsumer = null;
    this.broker.replyTo.close(this.id);
    this.broker.trace.emit({ type: 'consumer-cancelled', vhost: this.vhost.name, queue: REPLY_TO, channel: this.id, consumerTag: r.tag, reason });
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
    this.broker.metrics.total.delivered++;
    if (this.broker.trace.enabled) this.broker.trace.emit({ type: 'delivered', id: m.id, vhost: this.vhost.name, queue: REPLY_TO, channel: this.id, consumerTag: r.tag, deliveryTag: tag, redelivered: false, noAck: true });
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
    this.broker.trace.emit({ type: 'consumer-cancelled', vhost: this.vhost.name, queue: c.queue.name, channel: this.id, consumerTag: c.tag, reason });
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

  private getFrom(q: Queue, noAck: boolean): ConsumeMessage | false {
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

  private ackOp(kind: number, tag: number, multiple: boolean, requeue: boolean): void {
    if (!this.beginAsync()) return;
    const op: AckOp = { kind, tag, multiple, requeue };
    const hop = this.broker.latency.ack;
    if (hop > 0) this.broker.clock.schedule(hop, this, T_ACK, op);
    else this.applyAck(op);
  }

  /**
   * One of a consumer's deliveries is settled. A consumer its queue found at its prefetch limit
   * (`blocked`) is ready again and, as in RabbitMQ (rabbit_queue_consumers), joins the back of the
   * queue's line (recorded: w-prefetch-unblock-order-mixed).
   */
  private release(c: Consumer): void {
    c.unacked--;
    this.globalUnacked--;
    if (c.blocked && c.active && c.canTake()) c.queue.unblocked(c);
  }

  /** The channel-wide prefetch was reached and now has room: its blocked consumers are ready again. */
  private releaseGlobal(wasFull: boolean): void {
    if (wasFull && this.hasGlobalCredit()) for (const c of this.consumers.values()) if (c.blocked && c.active && c.canTake()) c.queue.unblocked(c);
  }

  private applyAck(op: AckOp): void {
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
    let kick: Queue | null = null;
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

  private requeueAll(cause: 'channel-closed' | 'recover'): void {
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
  private kickQueues(_only: Queue | null): void {
    for (const c of this.consumers.values()) c.queue.dispatch();
  }

  /** @internal whether the channel-wide (global) prefetch allows another delivery. */
  hasGlobalCredit(): boolean {
    return this.globalPrefetch === 0 || this.globalUnacked < this.globalPrefetch;
  }

  // ---------------------------------------------------------------- deliveries, returns, confirms

  /** @internal A queue hands a message to one of this channel's consumers. */
  deliver(q: Queue, e: QEntry, c: Consumer): void {
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

  /** @internal basic.return of an unroutable mandatory message. */
  sendReturn(msg: Message, code: number, text: string): void {
    this.counters.returned++;
    this.broker.metrics.total.returned++;
    const b = this.broker;
    if (b.trace.enabled) b.trace.emit({ type: 'returned', id: msg.id, vhost: this.vhost.name, exchange: msg.exchange, routingKey: msg.routingKey, channel: this.id, replyCode: code, replyText: text });
    this.outbox.push(0, OUT_RETURN, msg, text, code, false, 0);
  }

  /** @internal basic.ack / basic.nack for a publish on a confirm channel. */
  sendConfirm(seq: number, ack: boolean, id: number): void {
    if (this.state !== OPEN) return;
    const b = this.broker;
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
    this.broker.kernel.activity++;
    if (this.state === CLOSED) return Promise.reject(new IllegalOperationError('Channel closed'));
    if (this.state === CLOSING) {
      this.notifyClosed();
      return Promise.resolve();
    }
    this.teardown();
    this.state = CLOSED;
    this.broker.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: null, text: null });
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
      this.broker.handlerError(x);
      return;
    }
    const err = (x instanceof Error ? x : new Error(String(x))) as Error & { code?: number };
    this.teardown();
    this.state = CLOSED;
    this.broker.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: 541, text: 'Error while processing message' });
    this.broker.defer(() => {
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
    this.broker.trace.emit({ type: 'channel-error', channel: this.id, connection: this.connection.id, code: e.code, text: e.text });
    this.broker.clock.schedule(0, this, T_NOTIFY_CLOSE);
  }

  private notifyClosed(): void {
    if (this.state !== CLOSING) return;
    this.state = CLOSED;
    const e = this.closeError!;
    this.broker.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: e.code, text: e.text });
    this.broker.kernel.userCode++;
    this.finishClose(channelClosedByServer(e));
  }

  /** @internal The connection ended (client close or connection error): no reply will come. Returns what tells the client. */
  connectionClosed(): () => void {
    if (this.state === CLOSED) return () => {};
    if (this.state === OPEN) this.teardown();
    this.state = CLOSED;
    this.broker.trace.emit({ type: 'channel-closed', channel: this.id, connection: this.connection.id, code: null, text: null });
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
      this.broker.handlerError(x);
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
