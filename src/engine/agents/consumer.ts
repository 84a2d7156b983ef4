/**
 * A canvas consumer: consumes one queue with a prefetch, processes one message at a time for a
 * (fixed or seeded-random) processing time, then acks, or fails by its failure policy.
 * As an RPC server it replies to each message's reply-to with the same correlation id.
 */
import { relocatable } from '../kernel/copy';
import { fromUtf8, utf8, type AgentChannel, type AgentHost, type AgentMessage } from './host';

export type ProcessingTime =
  | { dist: 'fixed'; ms: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'exponential'; mean: number };

export interface ConsumerOptions {
  name: string;
  queue: string;
  /** 0: unlimited, as in AMQP. */
  prefetch: number;
  ackMode: 'manual' | 'auto';
  processing: ProcessingTime;
  failure: { action: 'none' | 'nack-requeue' | 'nack-discard' | 'reject'; probability: number };
  priority?: number;
  exclusive: boolean;
  rpcServer: boolean;
}

export interface ConsumerCounters {
  delivered: number;
  redelivered: number;
  acked: number;
  nacked: number;
  rejected: number;
  replied: number;
}

export type ConsumerState = 'idle' | 'busy' | 'paused' | 'stopped';

export class ConsumerAgent {
  readonly counters: ConsumerCounters = { delivered: 0, redelivered: 0, acked: 0, nacked: 0, rejected: 0, replied: 0 };
  /** Delivered and not yet processed, in arrival order; the head is being processed. */
  private readonly buffer: AgentMessage[] = [];
  private consumerTag: string | null = null;
  private timer = -1;
  private readonly onProcessed = relocatable(this, this.processed);
  private paused = false;

  constructor(
    private readonly host: AgentHost,
    private readonly channel: AgentChannel,
    readonly options: ConsumerOptions,
  ) {}

  get state(): ConsumerState {
    if (this.paused) return 'paused';
    if (this.consumerTag === null) return 'stopped';
    return this.buffer.length ? 'busy' : 'idle';
  }

  /** Messages held by this consumer (being processed or waiting in its local buffer). */
  get held(): number {
    return this.buffer.length;
  }

  async start(): Promise<void> {
    if (this.consumerTag !== null) return;
    this.paused = false;
    const o = this.options;
    if (o.prefetch > 0) await this.channel.prefetch(o.prefetch);
    const args: Record<string, unknown> = {};
    if (o.priority !== undefined) args['x-priority'] = o.priority;
    const reply = await this.channel.consume(o.queue, relocatable(this, this.onDelivery), {
      noAck: o.ackMode === 'auto',
      exclusive: o.exclusive,
      consumerTag: `${o.name}`,
      ...(Object.keys(args).length ? { arguments: args } : {}),
    });
    this.consumerTag = reply.consumerTag;
  }

  /**
   * Stop taking new deliveries (basic.cancel). As in RabbitMQ, deliveries not yet acked stay
   * unacked; this consumer keeps processing and acking what it already holds.
   */
  async pause(): Promise<void> {
    this.paused = true;
    const tag = this.consumerTag;
    this.consumerTag = null;
    if (tag !== null) await this.channel.cancel(tag);
  }

  async resume(): Promise<void> {
    if (!this.paused) return;
    await this.start();
  }

  /**
   * New settings at this instant (a live edit); processing and failure apply from the next message.
   * RabbitMQ applies a basic.qos to consumers started after it, so a new prefetch is what a client
   * would do: basic.qos, then cancel and consume again (what it holds unacked stays its to ack).
   */
  async reconfigure(options: ConsumerOptions): Promise<void> {
    const prefetch = options.prefetch !== this.options.prefetch;
    Object.assign(this.options, options);
    if (!prefetch) return;
    await this.channel.prefetch(options.prefetch);
    const tag = this.consumerTag;
    if (tag === null) return; // paused or stopped: consuming again takes the new prefetch
    this.consumerTag = null;
    await this.channel.cancel(tag);
    await this.start();
  }

  /** The connection went away: everything held is requeued by the broker, not by us. */
  dropHeld(): void {
    this.buffer.length = 0;
    if (this.timer >= 0) this.host.cancelTimer(this.timer);
    this.timer = -1;
    this.consumerTag = null;
  }

  private onDelivery(msg: AgentMessage | null): void {
    if (msg === null) {
      // The broker cancelled us (queue deleted).
      this.consumerTag = null;
      return;
    }
    this.counters.delivered++;
    if (msg.fields.redelivered) this.counters.redelivered++;
    this.buffer.push(msg);
    if (this.buffer.length === 1) this.processHead();
  }

  private processHead(): void {
    const msg = this.buffer[0];
    if (!msg) return;
    this.timer = this.host.setTimer(this.processingTime(), this.onProcessed);
  }

  /** The head of the buffer is processed. */
  private processed(): void {
    this.timer = -1;
    this.finish(this.buffer[0]);
    this.buffer.shift();
    this.processHead();
  }

  private finish(msg: AgentMessage): void {
    const o = this.options;
    if (o.rpcServer && msg.properties.replyTo) {
      const reply = `reply to ${fromUtf8(msg.content)}`;
      this.channel.publish('', msg.properties.replyTo, utf8(reply), { correlationId: msg.properties.correlationId });
      this.counters.replied++;
    }
    if (o.ackMode === 'auto') return;
    const fails = o.failure.action !== 'none' && o.failure.probability > 0 && this.host.random() < o.failure.probability;
    if (!fails) {
      this.channel.ack(msg);
      this.counters.acked++;
      return;
    }
    switch (o.failure.action) {
      case 'nack-requeue':
        this.channel.nack(msg, false, true);
        this.counters.nacked++;
        break;
      case 'nack-discard':
        this.channel.nack(msg, false, false);
        this.counters.nacked++;
        break;
      case 'reject':
        this.channel.reject(msg, false);
        this.counters.rejected++;
        break;
    }
  }

  private processingTime(): number {
    const p = this.options.processing;
    switch (p.dist) {
      case 'fixed':
        return p.ms;
      case 'uniform':
        return p.min + Math.round(this.host.random() * Math.max(0, p.max - p.min));
      case 'exponential':
        return Math.round(-Math.log(1 - this.host.random()) * p.mean);
    }
  }
}
