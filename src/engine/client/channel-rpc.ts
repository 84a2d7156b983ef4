import type { Kernel } from '../kernel/kernel';
import type { ChannelConnection, ClientHost } from './ports';
import { Emitter } from '../kernel/emitter';
import { AmqpError, CHANNEL_ENDED, channelClosedByServer, IllegalOperationError, operationFailed } from '../amqp/errors';
import type { PermKind } from '../server/auth';
import type { Counters } from '../kernel/stats';
import * as V from '../amqp/validate';

/** Channel states. */
export const OPEN = 0;
export const CLOSING = 1; // closed by the server; the client has not been told yet
export const CLOSED = 2;

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
 * The lowest layer of a Channel (channel.ts): its state, its identity and counters, permission checks,
 * and how a method runs: an RPC with amqplib's reply and error behaviour, or a method without a reply.
 */
export abstract class ChannelRpc extends Emitter {
  protected state = OPEN;
  protected closeError: AmqpError | null = null;
  protected closeFrameTaken = false;
  /**
   * amqplib takes the channel's reply slot before encoding an RPC; when its encoder refuses an argument
   * (prefetch('x')) the slot is never freed, so every later RPC on the channel waits forever, until the
   * channel closes ('Channel ended, no reply will be forthcoming'). Recorded: w-api-prefetch-wedge.
   */
  protected wedged = false;
  protected stranded: ((e: Error) => void)[] = [];
  readonly counters: Counters;
  /** @internal permission checks that passed (cached per channel, as RabbitMQ does). */
  permCache: Set<string> | null = null;
  /** @internal the exchange the last permitted publish went to (skips the check on the hot path). */
  writeOk: string | null = null;

  /** @internal use `connection.createChannel()` */
  constructor(readonly connection: ChannelConnection, readonly id: number, readonly number: number, readonly confirm: boolean) {
    super();
    this.counters = this.kernel.metrics.counters(this.kernel.metrics.channels, String(id));
  }

  protected get broker(): ClientHost {
    return this.connection.broker;
  }

  protected get kernel(): Kernel {
    return this.connection.broker.kernel;
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
  protected beforeCloseEvents: (() => void)[] = [];

  // ---------------------------------------------------------------- RPC plumbing

  protected rpc<T>(method: string, op: () => T | Promise<T>): Promise<T> {
    this.kernel.activity++;
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
  protected beginAsync(): boolean {
    this.kernel.activity++;
    if (this.state === CLOSED) throw new IllegalOperationError('Channel closed');
    return this.state === OPEN;
  }

  /** An error in a method without a reply closes the channel; the client hears of it next. */
  protected asyncFailure(e: unknown, method: string): void {
    if (!(e instanceof AmqpError)) throw e;
    e.during(method);
    if (e.isConnectionError) this.connection.serverClose(e);
    else this.serverClose(e, false);
  }

  protected get vhost() {
    return this.connection.vhost;
  }

  /** @internal The server closes the channel with an error; `fromRpc` when the failing call already got the reply. */
  abstract serverClose(e: AmqpError, fromRpc: boolean): void;
}
