import type { Kernel } from '../kernel/kernel';
import type { Timer, TimerTarget } from '../kernel/clock';
import type { ConsumeCallback, Consumer } from '../queues/consumer';

/** Whom a delivery is for: a queue's consumer or a channel's Direct Reply-to consumer. */
interface Subscriber {
  tag: string;
  callback: ConsumeCallback;
}
import { Deque } from '../kernel/deque';
import { Emitter } from '../kernel/emitter';
import { confirmFrames } from './confirm-batch';
import { deliveredProperties, type ConsumeMessage, type Message } from '../amqp/message';

export const OUT_DELIVER = 0;
export const OUT_RETURN = 1;
export const OUT_CONFIRM = 2;
export const OUT_CANCEL = 3;

/** Records per flush before yielding to the event queue (so a same-instant requeue loop is caught as a livelock). */
const FLUSH_BATCH = 10000;

/** A publish callback on a confirm channel: `null` for ack, an Error for nack or channel close. */
export type ConfirmCallback = (err: Error | null, ok?: unknown) => void;

/** Something on its way to the client: a delivery, a return, a confirm or a server cancel. */
class OutRecord {
  constructor(
    readonly due: number,
    readonly kind: number,
    readonly a: unknown,
    readonly b: unknown,
    readonly n: number,
    readonly flag: boolean,
    readonly x: number,
  ) {}
}

/** The channel as the outbox sees it. */
interface OutboxChannel extends Emitter {
  readonly deliveringOpen: boolean;
  consumerThrew(err: unknown): void;
}

/**
 * The server → client direction of a channel: one ordered stream (like frames on a socket) of
 * deliveries, returns, confirms and cancels, each due after its hop latency, flushed by one
 * timer; plus amqplib's confirm bookkeeping (a rolling window of publish callbacks).
 */
export class Outbox implements TimerTarget {
  private queue = new Deque<OutRecord>();
  private timer: Timer | null = null;
  private lastDue = 0;
  private unconfirmed: (ConfirmCallback | false | null)[] = [];
  private lwm = 1;
  private closedWithUnconfirmed = false;

  constructor(private readonly channel: OutboxChannel, private readonly kernel: Kernel) {}

  push(hop: number, kind: number, a: unknown, b: unknown, n: number, flag: boolean, x: number): void {
    const clock = this.kernel.clock;
    let due = clock.now + hop;
    if (due < this.lastDue) due = this.lastDue; // one ordered stream
    this.lastDue = due;
    this.queue.push(new OutRecord(due, kind, a, b, n, flag, x));
    if (!this.timer) this.timer = clock.scheduleAt(due, this, 0);
  }

  clear(): void {
    this.queue.clear();
    this.kernel.clock.cancel(this.timer);
    this.timer = null;
  }

  onTimer(): void {
    this.timer = null;
    const clock = this.kernel.clock;
    for (let n = 0; this.queue.length > 0; n++) {
      const r = this.queue.peek()!;
      if (r.due > clock.now || n >= FLUSH_BATCH) {
        this.timer = clock.scheduleAt(r.due, this, 0);
        return;
      }
      this.queue.shift();
      if (r.kind === OUT_CONFIRM) this.flushConfirms(r);
      else this.handle(r);
      if (!this.channel.deliveringOpen) {
        this.clear();
        return;
      }
    }
  }

  private handle(r: OutRecord): void {
    const b = this.kernel;
    b.userCode++;
    try {
      if (r.kind === OUT_DELIVER) {
        const m = r.a as Message;
        const c = r.b as Subscriber;
        const msg: ConsumeMessage = {
          content: m.content,
          fields: { consumerTag: c.tag, deliveryTag: r.n, redelivered: r.flag, exchange: m.exchange, routingKey: m.routingKey },
          properties: deliveredProperties(m.props, r.x > 0 ? { 'x-delivery-count': r.x } : null),
        };
        try {
          c.callback(msg);
        } catch (err) {
          this.channel.consumerThrew(err);
        }
      } else if (r.kind === OUT_RETURN) {
        const m = r.a as Message;
        this.channel.emit('return', {
          content: m.content,
          fields: { replyCode: r.n, replyText: r.b as string, exchange: m.exchange, routingKey: m.routingKey },
          properties: deliveredProperties(m.props, null),
        });
      } else if (r.kind === OUT_CANCEL) {
        (r.b as Consumer).callback(null);
      }
    } catch (err) {
      b.handlerError(err);
    }
  }

  /** Registers the callback of the next publish on a confirm channel. */
  expectConfirm(cb: ConfirmCallback | false): void {
    this.unconfirmed.push(cb);
  }

  /** The confirms due now, from `first` on, go out as RabbitMQ would send them together (confirm-batch.ts). */
  private flushConfirms(first: OutRecord): void {
    const acked: number[] = [];
    const nacked: number[] = [];
    const now = this.kernel.clock.now;
    for (let r: OutRecord | undefined = first; r; ) {
      (r.flag ? acked : nacked).push(r.n);
      const next = this.queue.peek();
      r = next && next.kind === OUT_CONFIRM && next.due <= now ? this.queue.shift() : undefined;
    }
    const due = new Set([...acked, ...nacked]);
    let smallest = Infinity;
    for (let i = 0; i < this.unconfirmed.length; i++) {
      const tag = this.lwm + i;
      if (this.unconfirmed[i] !== null && !due.has(tag)) {
        smallest = tag;
        break;
      }
    }
    const b = this.kernel;
    for (const f of confirmFrames(acked, nacked, smallest)) {
      b.userCode++;
      try {
        this.confirm(f.deliveryTag, f.multiple, f.ack);
        // amqplib settles the publish callbacks on the frame first, then the application's listeners hear it
        this.channel.emit(f.ack ? 'ack' : 'nack', f.ack ? { deliveryTag: f.deliveryTag, multiple: f.multiple } : { deliveryTag: f.deliveryTag, multiple: f.multiple, requeue: true });
      } catch (err) {
        b.handlerError(err);
      }
    }
  }

  /** amqplib's handleConfirm: settles one publish callback, or (multiple) every one up to the tag. */
  private confirm(tag: number, multiple: boolean, ack: boolean): void {
    const settle = (c: ConfirmCallback | false | null | undefined) => {
      if (c) c(ack ? null : new Error('message nacked'));
    };
    if (multiple) {
      const settled = this.unconfirmed.splice(0, tag - this.lwm + 1);
      this.lwm = tag + 1;
      settled.forEach(settle);
      return;
    }
    let cb: ConfirmCallback | false | null | undefined;
    if (tag === this.lwm) {
      cb = this.unconfirmed.shift();
      this.lwm++;
      while (this.unconfirmed.length && this.unconfirmed[0] === null) {
        this.unconfirmed.shift();
        this.lwm++;
      }
    } else {
      cb = this.unconfirmed[tag - this.lwm];
      this.unconfirmed[tag - this.lwm] = null;
    }
    settle(cb);
  }

  /** amqplib's waitForConfirms: all outstanding publishes acked, or a rejection. */
  waitForConfirms(): Promise<void[]> {
    if (this.closedWithUnconfirmed) return Promise.reject(new Error('channel closed'));
    const awaiting: Promise<void>[] = [];
    const list = this.unconfirmed;
    list.forEach((cb, i) => {
      if (cb === null) return;
      awaiting.push(
        new Promise<void>((resolve, reject) => {
          list[i] = (err) => {
            if (cb) cb(err);
            if (err === null) resolve();
            else reject(err);
          };
        }),
      );
    });
    return Promise.all(awaiting);
  }

  /** The channel closed: every unconfirmed publish callback gets an error. */
  failUnconfirmed(): void {
    const err = new Error('channel closed');
    const pending = this.unconfirmed;
    this.closedWithUnconfirmed = pending.some((cb) => cb !== null);
    this.unconfirmed = [];
    for (const cb of pending) if (cb) cb(err);
  }
}
