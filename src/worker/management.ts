/**
 * The management UI's Overview, Publish message and Get messages, run on the simulated broker the
 * way the management plugin runs them on RabbitMQ: on a connection of its own, through AMQP.
 * - publish (rabbit_mgmt_wm_exchange_publish): a confirm channel, `mandatory`; routed unless returned;
 * - get (rabbit_mgmt_wm_queue_get in 3.10.8): `count` × basic.get (no-ack for "Automatic ack"); for
 *   "Reject requeue true/false" each got message is rejected with that requeue flag; then the channel
 *   closes, which requeues what is still unacked: so "Nack message requeue true" sends no nack at
 *   all, its messages go back when the channel closes (redelivered from then on).
 * They take virtual time like any client's calls, so an answer comes when the run moves on.
 */
import type { Broker, Channel, ConsumeMessage, CountersSnapshot, PublishOptions } from '../engine';
import { ignoreError } from './build';
import type { GotMessage, ManagementOp, ManagementResult, MessageRates, Overview, PublishProperties } from './management-protocol';

/** What the management views need from the running simulation. */
export interface ManagementLink {
  readonly broker: Broker;
  /** The canvas node of an exchange or queue, for the message layer (null: not on the canvas). */
  nodeOf(kind: 'exchange' | 'queue', vhost: string, name: string): string | null;
  /** Draw this channel's messages as if they came from, or went to, this node. */
  mapChannel(channel: number, node: string | null): void;
}

/** The rates' window in virtual ms (the management UI's default sample interval is 5 s). */
const RATE_WINDOW_MS = 5000;
/** The management plugin's answer when a publish is nacked. */
const NACKED = 'Unable to publish message. Check queue limits.';

const errorText = (e: unknown): string => {
  const text = e instanceof Error ? e.message : String(e);
  return /with message "([^"]*)"/.exec(text)?.[1] ?? text;
};

export class Management {
  private samples: { t: number; c: CountersSnapshot }[] = [];

  constructor(private readonly sim: ManagementLink) {}

  /** Runs one operation; its answer goes to `answer` when the broker has answered. */
  async run(op: ManagementOp): Promise<ManagementResult> {
    try {
      switch (op.op) {
        case 'overview':
          return { op: 'overview', overview: this.overview() };
        case 'publish':
          return { op: 'publish', routed: await this.publish(op) };
        case 'get':
          return { op: 'get', messages: await this.get(op) };
      }
    } catch (e) {
      return { op: op.op, error: errorText(e) };
    }
  }

  private async publish(op: Extract<ManagementOp, { op: 'publish' }>): Promise<boolean> {
    const conn = await this.sim.broker.connect({ vhost: op.vhost });
    conn.on('error', ignoreError);
    try {
      const ch = await conn.createConfirmChannel();
      // The message starts at its exchange; through the default exchange, at its queue.
      this.sim.mapChannel(ch.id, op.exchange ? this.sim.nodeOf('exchange', op.vhost, op.exchange) : this.sim.nodeOf('queue', op.vhost, op.routingKey));
      let returned = false;
      let refused: Error | null = null;
      ch.on('return', () => (returned = true));
      const content = op.payloadEncoding === 'base64' ? base64Bytes(op.payload) : new TextEncoder().encode(op.payload);
      const settled = await new Promise<'ack' | 'nack' | 'closed'>((resolve) => {
        ch.on('error', (e: unknown) => {
          refused = e instanceof Error ? e : new Error(String(e));
          resolve('closed');
        });
        ch.on('close', () => resolve('closed'));
        ch.publish(op.exchange, op.routingKey, content, { ...publishOptions(op.properties), mandatory: true }, (err) => resolve(!err ? 'ack' : err.message === 'message nacked' ? 'nack' : 'closed'));
      });
      await ch.close().catch(() => {});
      // A refused publish (no such exchange, access refused) closes the channel: say why.
      if (settled === 'closed') throw refused ?? new Error('The channel closed before the broker confirmed the message.');
      if (settled === 'nack') throw new Error(NACKED);
      return !returned;
    } finally {
      await conn.close().catch(() => {});
    }
  }

  private async get(op: Extract<ManagementOp, { op: 'get' }>): Promise<GotMessage[]> {
    const conn = await this.sim.broker.connect({ vhost: op.vhost });
    conn.on('error', ignoreError);
    try {
      const ch: Channel = await conn.createChannel();
      let failure: unknown = null;
      ch.on('error', (e: unknown) => (failure = e));
      this.sim.mapChannel(ch.id, this.sim.nodeOf('queue', op.vhost, op.queue));
      const noAck = op.ackmode === 'ack_requeue_false';
      const got: ConsumeMessage[] = [];
      for (let i = 0; i < Math.max(0, Math.floor(op.count)); i++) {
        const m = await ch.get(op.queue, { noAck });
        if (!m) break;
        got.push(m);
      }
      if (failure) throw failure;
      // "Reject requeue false" drops or dead-letters them (reason rejected).
      const reject = op.ackmode === 'reject_requeue_true' || op.ackmode === 'reject_requeue_false';
      if (reject && got.length) {
        for (const m of got) ch.reject(m, op.ackmode === 'reject_requeue_true');
        // RabbitMQ takes a channel's frames in order, so the close comes after the rejects; here they
        // travel for the ack hop, and the close waits for them rather than requeueing what they settle.
        await new Promise<void>((resolve) => this.sim.broker.setTimer(this.sim.broker.latency.ack, resolve));
      }
      await ch.close().catch(() => {});
      return got.map((m) => gotMessage(m, op.encoding));
    } finally {
      await conn.close().catch(() => {});
    }
  }

  /** Totals now, rates over the last RATE_WINDOW_MS of virtual time (from the samples this keeps). */
  overview(): Overview {
    const b = this.sim.broker;
    const t = b.now();
    const snap = b.snapshot();
    const c = b.stats().total;
    this.samples.push({ t, c });
    while (this.samples.length > 2 && this.samples[1].t <= t - RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const res = b.admin.resources();
    let ready = 0;
    let unacked = 0;
    let consumers = 0;
    for (const q of snap.queues) {
      ready += q.ready;
      unacked += q.unacked;
      consumers += q.consumers.length;
    }
    return {
      t,
      totals: { connections: snap.connections.length, channels: snap.channels.length, exchanges: snap.exchanges.length, queues: snap.queues.length, consumers },
      messages: { ready, unacked, total: ready + unacked },
      rates: rates(first.c, c, t - first.t),
      nodes: b.nodes.map((name) => ({
        name,
        running: b.admin.nodes().find((n) => n.name === name)?.running ?? true,
        memory: { used: res.memory.used, limit: res.memory.limit },
        disk: { free: res.disk.free, limit: res.disk.limit },
        alarms: res.alarms,
      })),
    };
  }
}

function rates(a: CountersSnapshot, b: CountersSnapshot, ms: number): MessageRates {
  const per = (f: (c: CountersSnapshot) => number) => (ms > 0 ? Math.round(((f(b) - f(a)) * 1000 * 10) / ms) / 10 : 0);
  return {
    publish: per((c) => c.published),
    confirm: per((c) => c.confirmed),
    deliver: per((c) => c.delivered - c.got),
    get: per((c) => c.got),
    ack: per((c) => c.acked),
    redeliver: per((c) => c.redelivered),
    return: per((c) => c.returned),
  };
}

/** The publish form's properties as the channel's publish options. */
function publishOptions(p: PublishProperties): PublishOptions {
  const o: PublishOptions = {};
  if (p.delivery_mode) o.deliveryMode = p.delivery_mode;
  if (p.content_type) o.contentType = p.content_type;
  if (p.content_encoding) o.contentEncoding = p.content_encoding;
  if (p.priority !== undefined) o.priority = p.priority;
  if (p.correlation_id) o.correlationId = p.correlation_id;
  if (p.reply_to) o.replyTo = p.reply_to;
  if (p.expiration !== undefined && p.expiration !== '') o.expiration = p.expiration;
  if (p.message_id) o.messageId = p.message_id;
  if (p.timestamp !== undefined) o.timestamp = p.timestamp;
  if (p.type) o.type = p.type;
  if (p.user_id) o.userId = p.user_id;
  if (p.app_id) o.appId = p.app_id;
  if (p.headers && Object.keys(p.headers).length) o.headers = p.headers;
  return o;
}

const SNAKE: Record<string, string> = {
  contentType: 'content_type',
  contentEncoding: 'content_encoding',
  deliveryMode: 'delivery_mode',
  correlationId: 'correlation_id',
  replyTo: 'reply_to',
  messageId: 'message_id',
  userId: 'user_id',
  appId: 'app_id',
  clusterId: 'cluster_id',
};

/** A got message as the API shows it: only the properties that are set, by their AMQP names. */
function gotMessage(m: ConsumeMessage, encoding: 'auto' | 'base64'): GotMessage {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.properties)) if (v !== undefined) properties[SNAKE[k] ?? k] = v;
  let payload: string | null = null;
  if (encoding === 'auto') {
    try {
      payload = new TextDecoder('utf-8', { fatal: true }).decode(m.content);
    } catch {
      payload = null;
    }
  }
  return {
    payload_bytes: m.content.byteLength,
    redelivered: !!m.fields.redelivered,
    exchange: m.fields.exchange,
    routing_key: m.fields.routingKey,
    message_count: m.fields.messageCount ?? 0,
    properties,
    payload: payload ?? bytesBase64(m.content),
    payload_encoding: payload === null ? 'base64' : 'string',
  };
}

function base64Bytes(text: string): Uint8Array {
  const bin = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

function bytesBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const x of bytes) bin += String.fromCharCode(x);
  return btoa(bin);
}
