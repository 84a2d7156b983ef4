import type { ClientHost } from './ports';
import { Channel } from './channel';
import { Emitter } from '../kernel/emitter';
import { connectionClosedByServer, IllegalOperationError, type AmqpError } from '../amqp/errors';
import type { Queue } from '../queues/queue';
import type { VHost } from '../server/vhost';

/**
 * A client connection: it belongs to a user, a vhost and a node. Mirrors amqplib's
 * ChannelModel: `createChannel()`, `createConfirmChannel()`, `close()`, and the events
 * `close`, `error`, `blocked`, `unblocked`.
 */
export class Connection extends Emitter {
  readonly channels = new Map<number, Channel>();
  /** Exclusive queues this connection owns (deleted when it closes). */
  readonly exclusiveQueues = new Set<Queue>();
  private closed = false;
  private closeReason: string | null = null;
  private nextChannelNumber = 1;

  /** @internal use `broker.connect()` */
  constructor(
    /** The broker, as connections and channels see it (ports.ts). */
    readonly broker: ClientHost,
    readonly id: number,
    readonly user: string,
    readonly vhost: VHost,
    readonly node: string,
  ) {
    super();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** @internal What amqplib says to a call on this connection once it has closed. */
  closedError(): IllegalOperationError {
    return new IllegalOperationError(`Connection closed (${this.closeReason ?? 'by client'})`);
  }

  createChannel(): Promise<Channel> {
    return this.openChannel(false);
  }

  createConfirmChannel(): Promise<Channel> {
    return this.openChannel(true);
  }

  private openChannel(confirm: boolean): Promise<Channel> {
    this.broker.kernel.activity++;
    if (this.closed) return Promise.reject(new IllegalOperationError(`Connection closed (${this.closeReason ?? 'by client'})`));
    let n = this.nextChannelNumber;
    while (this.channels.has(n)) n++;
    this.nextChannelNumber = n + 1 > 2047 ? 1 : n + 1;
    const ch = new Channel(this, this.broker.kernel.nextChannelId(), n, confirm);
    this.channels.set(n, ch);
    this.broker.kernel.trace.emit({ type: 'channel-opened', channel: ch.id, connection: this.id, confirm });
    return Promise.resolve(ch);
  }

  /**
   * connection.update-secret: RabbitMQ's internal auth backend accepts any new secret (recorded:
   * w-update-secret), so this resolves while the connection is open.
   */
  updateSecret(newSecret: Uint8Array, reason: string): Promise<void> {
    this.broker.kernel.activity++;
    if (this.closed) return Promise.reject(new IllegalOperationError(`Connection closed (${this.closeReason ?? 'by client'})`));
    if (!(newSecret instanceof Uint8Array) || typeof reason !== 'string') return Promise.reject(new TypeError('updateSecret(newSecret: Buffer, reason: string)'));
    return Promise.resolve();
  }

  /** Closes every channel (requeueing their unacked messages) and deletes this connection's exclusive queues. */
  close(): Promise<void> {
    this.broker.kernel.activity++;
    if (this.closed) return Promise.reject(new IllegalOperationError(`Connection closed (${this.closeReason ?? 'by client'})`));
    this.shutdown(null);
    return Promise.resolve();
  }

  /** @internal A connection-level error (503, 530...): every channel ends, `error` then `close` are emitted. */
  serverClose(e: AmqpError): void {
    if (this.closed) return;
    const err = connectionClosedByServer(e);
    this.broker.kernel.trace.emit({ type: 'connection-error', connection: this.id, code: e.code, text: e.text });
    this.shutdown(err, e.code === 320 || e.code === 200);
  }

  /**
   * @internal amqplib fails the connection on the client side (an error event nobody listened for, thrown in
   * its frame loop): the socket just ends. The connection's 'error' gets the error (with no listener there
   * either, it is thrown: the program's uncaught error), each channel's 'close', then the connection's 'close'.
   */
  clientFailed(err: Error & { code?: number }): void {
    if (this.closed) {
      this.broker.kernel.handlerError(err);
      return;
    }
    if (!this.heard('error')) this.broker.kernel.handlerError(err);
    this.broker.kernel.trace.emit({ type: 'connection-error', connection: this.id, code: err.code ?? 541, text: err.message });
    this.shutdown(err);
  }

  private shutdown(err: (Error & { code?: number }) | null, quiet = false): void {
    this.closed = true;
    this.closeReason = err ? `Error: ${err.message}` : null;
    // amqplib reports a server's connection.close as: the connection's 'error', each channel's 'close', the connection's 'close'
    const channelsClosed = [...this.channels.values()].map((ch) => ch.connectionClosed());
    for (const q of [...this.exclusiveQueues]) this.vhost.removeQueue(q, 'exclusive-owner-closed');
    this.broker.connectionClosed(this);
    this.broker.kernel.trace.emit({ type: 'connection-closed', connection: this.id, code: err?.code ?? null, text: err ? err.message : null });
    const notify = () => {
      if (err && !quiet) this.emit('error', err);
      for (const done of channelsClosed) done();
      if (err) this.emit('close', err);
      else this.emit('close');
    };
    // a close the client asked for is reported at once; one the server forces arrives like a frame, next
    if (err) this.broker.kernel.defer(notify);
    else this.broker.kernel.runUserCode(notify);
  }
}
