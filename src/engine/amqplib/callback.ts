/**
 * `require('amqplib/callback_api')` bound to a simulated broker (amqplib's lib/callback_model.js):
 * `connect(url, [socketOptions], cb)` and connections and channels whose methods take a
 * node-style callback `(err, ok)` and return the channel, with the same events as the promise API.
 */
import type { Broker } from '../broker';
import { withRpcFailureHook, type Channel } from '../client/channel';
import type { Connection } from '../client/connection';
import { Emitter } from '../kernel/emitter';
import { IllegalOperationError } from '../amqp/errors';
import type { ConsumeCallback } from '../queues/consumer';
import type { ConfirmCallback } from '../client/outbox';
import type { ConsumeMessage, PublishOptions } from '../amqp/message';
import { connectOptionsOf, credentials, type Credentials, type UrlObject } from './url';

type Callback<T> = ((err: Error | null, ok?: T) => void) | undefined;
type Listener = (...args: unknown[]) => void;

/** Runs a promise's outcome into an optional callback, `(null, ok)` or `(err)`, as amqplib's callbackWrapper. */
function settle<T>(broker: Broker, p: Promise<T>, cb: Callback<T>): void {
  p.then(
    (ok) => cb && broker.runUserCode(() => cb(null, ok)),
    (err: Error) => cb && broker.runUserCode(() => cb(err)),
  );
}

/** A channel of the callback API: the engine channel underneath, callbacks instead of promises. */
export class CallbackChannel {
  constructor(private readonly broker: Broker, readonly ch: Channel) {}

  /**
   * One RPC as amqplib's callback model makes it: on a closed channel it throws at once; a call that the
   * server fails has its callback run when the close arrives, before the channel's 'error' and 'close'
   * events (recorded: w-failed-call-event-order, w-api-callback-replies).
   */
  private rpc<T>(call: () => Promise<T>, cb: Callback<T>): this {
    if (this.ch.isClosed) throw new IllegalOperationError('Channel closed');
    let failed = false;
    const p = withRpcFailureHook((e) => {
      failed = true;
      return () => { if (cb) this.broker.runUserCode(() => cb(e)); };
    }, call);
    if (failed) p.catch(() => {}); // its callback runs from the hook
    else settle(this.broker, p, cb);
    return this;
  }

  on(event: string, listener: Listener): this { this.ch.on(event, listener); return this; }
  addListener(event: string, listener: Listener): this { return this.on(event, listener); }
  once(event: string, listener: Listener): this { this.ch.once(event, listener); return this; }
  off(event: string, listener: Listener): this { this.ch.off(event, listener); return this; }
  removeListener(event: string, listener: Listener): this { return this.off(event, listener); }
  removeAllListeners(event?: string): this { this.ch.removeAllListeners(event); return this; }
  emit(event: string, ...args: unknown[]): boolean { return this.ch.emit(event, ...args); }

  /** Returns nothing, as amqplib's does (other methods return the channel). */
  close(cb?: Callback<void>): void { this.rpc(() => this.ch.close(), cb); }
  assertQueue(queue?: string, options?: Parameters<Channel['assertQueue']>[1], cb?: Callback<Awaited<ReturnType<Channel['assertQueue']>>>): this {
    return this.rpc(() => this.ch.assertQueue(queue, options), cb);
  }
  checkQueue(queue: string, cb?: Callback<Awaited<ReturnType<Channel['checkQueue']>>>): this { return this.rpc(() => this.ch.checkQueue(queue), cb); }
  deleteQueue(queue: string, options?: Parameters<Channel['deleteQueue']>[1], cb?: Callback<{ messageCount: number }>): this {
    return this.rpc(() => this.ch.deleteQueue(queue, options), cb);
  }
  purgeQueue(queue: string, cb?: Callback<{ messageCount: number }>): this { return this.rpc(() => this.ch.purgeQueue(queue), cb); }
  bindQueue(queue: string, source: string, pattern?: string, args?: Record<string, unknown>, cb?: Callback<object>): this {
    return this.rpc(() => this.ch.bindQueue(queue, source, pattern, args), cb);
  }
  unbindQueue(queue: string, source: string, pattern?: string, args?: Record<string, unknown>, cb?: Callback<object>): this {
    return this.rpc(() => this.ch.unbindQueue(queue, source, pattern, args), cb);
  }
  assertExchange(exchange: string, type: string, options?: Parameters<Channel['assertExchange']>[2], cb?: Callback<{ exchange: string }>): this {
    return this.rpc(() => this.ch.assertExchange(exchange, type, options), cb);
  }
  checkExchange(exchange: string, cb?: Callback<object>): this { return this.rpc(() => this.ch.checkExchange(exchange), cb); }
  deleteExchange(exchange: string, options?: { ifUnused?: boolean }, cb?: Callback<object>): this {
    return this.rpc(() => this.ch.deleteExchange(exchange, options), cb);
  }
  bindExchange(destination: string, source: string, pattern?: string, args?: Record<string, unknown>, cb?: Callback<object>): this {
    return this.rpc(() => this.ch.bindExchange(destination, source, pattern, args), cb);
  }
  unbindExchange(destination: string, source: string, pattern?: string, args?: Record<string, unknown>, cb?: Callback<object>): this {
    return this.rpc(() => this.ch.unbindExchange(destination, source, pattern, args), cb);
  }
  publish(exchange: string, routingKey: string, content: Uint8Array, options?: PublishOptions, cb?: ConfirmCallback): boolean {
    // a plain channel of the callback API takes no publish callback (amqplib ignores a fifth argument there)
    return this.ch.publish(exchange, routingKey, content, options, this.ch.confirm ? cb : undefined);
  }
  sendToQueue(queue: string, content: Uint8Array, options?: PublishOptions, cb?: ConfirmCallback): boolean {
    return this.publish('', queue, content, options, cb);
  }
  consume(queue: string, callback: ConsumeCallback | null | undefined, options?: Parameters<Channel["consume"]>[2], cb?: Callback<{ consumerTag: string }>): this {
    return this.rpc(() => this.ch.consume(queue, callback, options), cb);
  }
  cancel(consumerTag: string, cb?: Callback<{ consumerTag: string }>): this { return this.rpc(() => this.ch.cancel(consumerTag), cb); }
  get(queue: string, options?: { noAck?: boolean }, cb?: Callback<ConsumeMessage | false>): this { return this.rpc(() => this.ch.get(queue, options), cb); }
  ack(message: ConsumeMessage, allUpTo?: boolean): this { this.ch.ack(message, allUpTo); return this; }
  ackAll(): this { this.ch.ackAll(); return this; }
  nack(message: ConsumeMessage, allUpTo?: boolean, requeue?: boolean): this { this.ch.nack(message, allUpTo, requeue); return this; }
  nackAll(requeue?: boolean): this { this.ch.nackAll(requeue); return this; }
  reject(message: ConsumeMessage, requeue?: boolean): this { this.ch.reject(message, requeue); return this; }
  prefetch(count: number, global?: boolean, cb?: Callback<object>): this { return this.rpc(() => this.ch.prefetch(count, global), cb); }
  qos(count: number, global?: boolean, cb?: Callback<object>): this { return this.prefetch(count, global, cb); }
  recover(cb?: Callback<object>): this { return this.rpc(() => this.ch.recover(), cb); }
  /** Confirm channels: `k()` when every publish so far is acked, `k(err)` on a nack or a close. */
  waitForConfirms(k: (err?: Error) => void): void {
    this.ch.waitForConfirms().then(() => this.broker.runUserCode(() => k()), (err: Error) => this.broker.runUserCode(() => k(err)));
  }
}

/** A connection of the callback API (amqplib's CallbackModel): re-emits the connection's events. */
export class CallbackConnection extends Emitter {
  constructor(private readonly broker: Broker, readonly connection: Connection) {
    super();
    for (const ev of ['error', 'close', 'blocked', 'unblocked']) connection.on(ev, (...a: unknown[]) => this.emit(ev, ...a));
  }

  close(cb?: Callback<void>): void {
    settle(this.broker, this.connection.close(), cb);
  }

  updateSecret(newSecret: Uint8Array, reason: string, cb?: Callback<void>): void {
    settle(this.broker, this.connection.updateSecret(newSecret, reason), cb);
  }

  createChannel(options?: object | Callback<CallbackChannel>, cb?: Callback<CallbackChannel>): void {
    this.open(false, typeof options === 'function' ? (options as Callback<CallbackChannel>) : cb);
  }

  createConfirmChannel(options?: object | Callback<CallbackChannel>, cb?: Callback<CallbackChannel>): void {
    this.open(true, typeof options === 'function' ? (options as Callback<CallbackChannel>) : cb);
  }

  private open(confirm: boolean, cb: Callback<CallbackChannel>): void {
    if (!this.connection.isOpen) throw this.connection.closedError(); // amqplib throws at the call
    const p = confirm ? this.connection.createConfirmChannel() : this.connection.createChannel();
    settle(this.broker, p.then((ch) => new CallbackChannel(this.broker, ch)), cb);
  }
}

export interface AmqplibCallbackModule {
  connect(url: string | UrlObject | Callback<CallbackConnection>, options?: object | Callback<CallbackConnection>, cb?: Callback<CallbackConnection>): void;
  credentials: typeof credentials;
  IllegalOperationError: typeof IllegalOperationError;
}

/** amqplib's callback API (`require('amqplib/callback_api')`) on this broker. */
export function amqplibCallbackModule(broker: Broker): AmqplibCallbackModule {
  return {
    connect(url, options, cb) {
      // connect(cb), connect(url, cb), connect(url, options, cb), as amqplib takes them
      let done = cb;
      let u: string | UrlObject | undefined;
      let opts: { credentials?: Credentials } | undefined;
      if (typeof url === 'function') done = url;
      else {
        u = url;
        if (typeof options === 'function') done = options as Callback<CallbackConnection>;
        else opts = options as { credentials?: Credentials } | undefined;
      }
      // a wrong protocol throws at the caller, as amqplib's does
      const p = broker.connect(connectOptionsOf(u, opts));
      settle(broker, p.then((c) => new CallbackConnection(broker, c)), done);
    },
    credentials,
    IllegalOperationError,
  };
}
