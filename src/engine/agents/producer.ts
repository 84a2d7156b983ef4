/**
 * A canvas producer: publishes at a rate (or on demand) to one exchange, choosing each
 * routing key from a fixed key, a list cycled or picked at random, or a template.
 */
import { relocatable } from '../kernel/copy';
import { utf8, type AgentChannel, type AgentHost, type AgentMessage, type AgentPublishOptions } from './host';

export type RoutingKeyMode =
  | { mode: 'fixed'; key: string }
  | { mode: 'cycle'; keys: string[] }
  | { mode: 'random'; keys: string[] }
  | { mode: 'template'; template: string; keys?: string[] };

export interface ProducerOptions {
  name: string;
  exchange: string;
  routingKey: RoutingKeyMode;
  /** Body template; `{n}` is the message number (from 1), `{key}` the routing key. */
  body: string;
  properties: {
    persistent?: boolean;
    expiration?: number;
    priority?: number;
    headers?: Record<string, unknown>;
    replyTo?: string;
    correlationId?: string;
    contentType?: string;
  };
  /** Messages per virtual second; 0: manual sends only. */
  rate: number;
  /** Stop after this many messages; 0: no limit. */
  limit: number;
  mandatory: boolean;
  /** The channel is a confirm channel: count acks and nacks. */
  confirm: boolean;
}

export interface ProducerCounters {
  published: number;
  confirmed: number;
  nacked: number;
  returned: number;
  /** Replies received over Direct Reply-to. */
  replies: number;
}

/** RabbitMQ's Direct Reply-to pseudo-queue: a producer whose reply-to names it consumes from it on its own channel. */
const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export class ProducerAgent {
  readonly counters: ProducerCounters = { published: 0, confirmed: 0, nacked: 0, returned: 0, replies: 0 };
  private timer = -1;
  private readonly onSendDue = relocatable(this, this.sendDue);
  private running = false;
  private cursor = 0;
  /** Virtual time of the next scheduled send; absolute, so fractional intervals do not drift. */
  private nextDue = 0;

  constructor(
    private readonly host: AgentHost,
    private readonly channel: AgentChannel,
    readonly options: ProducerOptions,
  ) {
    // callbacks the engine keeps are relocatable, so that a checkpoint of the run can copy them
    channel.on('return', relocatable(this, this.onReturn));
    // Direct Reply-to: the replies come back to this channel's noAck consumer on the pseudo-queue
    if (options.properties.replyTo === DIRECT_REPLY_TO) {
      void channel.consume(DIRECT_REPLY_TO, relocatable(this, this.onReply), { noAck: true });
    }
  }

  private onReturn(): void {
    this.counters.returned++;
  }

  private onReply(msg: AgentMessage | null): void {
    if (msg) this.counters.replies++;
  }

  private onConfirm(err: unknown): void {
    if (err) this.counters.nacked++;
    else this.counters.confirmed++;
  }

  /** Start publishing at the configured rate (no-op for manual producers). */
  start(): void {
    if (this.running || this.options.rate <= 0) return;
    this.running = true;
    this.nextDue = this.host.now();
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer >= 0) this.host.cancelTimer(this.timer);
    this.timer = -1;
  }

  /**
   * New settings at this instant (a live edit): the next send follows them; a rate change starts
   * its spacing from now. The channel stays, so `confirm` cannot change here.
   */
  reconfigure(options: ProducerOptions): void {
    const running = this.running;
    this.stop();
    Object.assign(this.options, options);
    if (running) this.start();
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Publish one message now; `overrides` replace the configured properties for this one. */
  send(overrides?: Partial<ProducerOptions['properties']> & { routingKey?: string; body?: string }): boolean {
    const { limit } = this.options;
    if (limit > 0 && this.counters.published >= limit) return false;
    const n = this.counters.published + 1;
    const key = overrides?.routingKey ?? this.nextKey(n);
    const props = { ...this.options.properties, ...overrides };
    const fill = (s: string) => s.replaceAll('{n}', String(n)).replaceAll('{key}', key);
    const options: AgentPublishOptions = {};
    if (props.persistent) options.persistent = true;
    if (props.expiration !== undefined) options.expiration = String(props.expiration);
    if (props.priority !== undefined) options.priority = props.priority;
    if (props.headers && Object.keys(props.headers).length) options.headers = { ...props.headers };
    if (props.replyTo) options.replyTo = props.replyTo;
    if (props.correlationId) options.correlationId = fill(props.correlationId);
    else if (props.replyTo) options.correlationId = `${this.options.name}-${n}`;
    if (props.contentType) options.contentType = props.contentType;
    if (this.options.mandatory) options.mandatory = true;
    this.counters.published++;
    const body = utf8(fill(overrides?.body ?? this.options.body));
    if (this.options.confirm) {
      return this.channel.publish(this.options.exchange, key, body, options, relocatable(this, this.onConfirm));
    }
    return this.channel.publish(this.options.exchange, key, body, options);
  }

  private nextKey(n: number): string {
    const rk = this.options.routingKey;
    switch (rk.mode) {
      case 'fixed':
        return rk.key;
      case 'cycle':
        return rk.keys[this.cursor++ % rk.keys.length];
      case 'random':
        return rk.keys[Math.floor(this.host.random() * rk.keys.length)];
      case 'template': {
        const key = rk.keys?.length ? rk.keys[this.cursor++ % rk.keys.length] : '';
        return rk.template.replaceAll('{n}', String(n)).replaceAll('{key}', key);
      }
    }
  }

  private schedule(): void {
    this.nextDue += 1000 / this.options.rate;
    const delay = Math.max(0, Math.round(this.nextDue) - this.host.now());
    this.timer = this.host.setTimer(delay, this.onSendDue);
  }

  private sendDue(): void {
    this.timer = -1;
    if (!this.running) return;
    const limit = this.options.limit;
    this.send();
    if (limit > 0 && this.counters.published >= limit) {
      this.running = false;
      return;
    }
    this.schedule();
  }
}
