/**
 * Test support (not shipped): a random scenario as plain data (a topology and a sequence of client
 * operations) and a runner that plays it on a fresh broker through the public channel API,
 * collecting the trace. Generators are in `arbitraries.ts`, the checks in `model.ts`.
 *
 * The runner only issues operations that a correct client could issue (it acks only deliveries it
 * holds, never reuses a tag), so any channel error it meets is unexpected and reported.
 */
import { createBroker, type Latency } from '../broker';
import type { Channel } from '../client/channel';
import type { ConsumeMessage } from '../amqp/message';
import type { BrokerSnapshot } from '../views/snapshot';
import type { StatsSnapshot } from '../kernel/stats';
import type { TraceEvent } from '../kernel/trace';

export type ExchangeKind = 'direct' | 'fanout' | 'topic' | 'headers';

export interface ExchangeSpec {
  name: string;
  type: ExchangeKind;
  /** Name of another exchange of the topology used as alternate-exchange. */
  alternate?: string;
}

export interface QueueSpec {
  name: string;
  messageTtl?: number;
  maxLength?: number;
  maxLengthBytes?: number;
  overflow?: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  /** A topology exchange, '' (the default exchange) or a name that does not exist. */
  dlx?: string;
  dlrk?: string;
  maxPriority?: number;
}

export interface BindingSpec {
  /** queue ← exchange, or exchange ← exchange (e2e). */
  kind: 'queue' | 'exchange';
  source: string;
  destination: string;
  key: string;
  args?: Record<string, unknown>;
}

export interface Topology {
  latency: Latency;
  exchanges: ExchangeSpec[];
  queues: QueueSpec[];
  bindings: BindingSpec[];
  /** Client channels (slots); a closed one is replaced by a fresh channel of the same kind. */
  channels: { confirm: boolean }[];
}

/** Indices (`ch`, `q`, `x`, `i`) are taken modulo the current number of candidates. */
export type Op =
  | { op: 'publish'; ch: number; x: number; key: string; priority?: number; expiration?: string; headers?: Record<string, string>; mandatory: boolean; cc?: string; size: number }
  | { op: 'consume'; ch: number; q: number; noAck: boolean }
  | { op: 'prefetch'; ch: number; count: number; global: boolean }
  | { op: 'get'; ch: number; q: number; noAck: boolean }
  | { op: 'ack' | 'nack' | 'reject'; ch: number; i: number; multiple: boolean; requeue: boolean }
  | { op: 'ackAll' | 'nackAll'; ch: number; requeue: boolean }
  | { op: 'cancel'; ch: number; i: number }
  | { op: 'close'; ch: number }
  | { op: 'recover'; ch: number }
  | { op: 'purge'; q: number }
  | { op: 'advance'; ms: number };

export interface Scenario {
  seed: number;
  topology: Topology;
  ops: Op[];
}

/** Facts the runner writes into the event stream, in order with the trace, for the checks. */
export type Marker =
  | { type: 'x-prefetch'; channel: number; count: number; global: boolean }
  /** Written before each publish: the trace does not carry the priority. */
  | { type: 'x-publish'; channel: number; priority: number }
  | { type: 'x-phase'; phase: 'ops' | 'end' | 'closed' };

export type RunEvent = TraceEvent | Marker;

export interface RunResult {
  events: RunEvent[];
  /** After the operations and a long advance (channels still open). */
  endSnapshot: BrokerSnapshot;
  /** After every client channel was closed (everything unacked requeued). */
  closedSnapshot: BrokerSnapshot;
  stats: StatsSnapshot;
  /** Errors the client saw (channel errors, rejected calls): none are expected. */
  errors: string[];
  /** Publisher confirms the client received: channel id → publish seq → ack. */
  confirms: Map<number, Map<number, boolean>>;
  returns: number;
}

interface Slot {
  ch: Channel;
  confirm: boolean;
  /** Deliveries held (delivered, not acked by us), in tag order. */
  held: ConsumeMessage[];
  consumers: string[];
  /** Deliveries with a lower tag were requeued by basic.recover: ignore them if they still arrive. */
  staleBelow: number;
  published: number;
}

const enc = new TextEncoder();

export async function runScenario(sc: Scenario, options: { trace?: boolean } = {}): Promise<RunResult> {
  const broker = createBroker({ seed: sc.seed, latency: sc.topology.latency, traceLimit: 1000, trace: options.trace ?? true });
  const events: RunEvent[] = [];
  broker.onTrace((e) => events.push(e));
  const errors: string[] = [];
  const confirms = new Map<number, Map<number, boolean>>();
  let returns = 0;
  const conn = await broker.connect();
  conn.on('error', (e: unknown) => errors.push(`connection: ${String(e)}`));
  const setup = await conn.createChannel();
  const t = sc.topology;
  for (const x of t.exchanges) {
    await setup.assertExchange(x.name, x.type, { durable: false, ...(x.alternate ? { alternateExchange: x.alternate } : {}) });
  }
  for (const q of t.queues) {
    const args: Record<string, unknown> = {};
    if (q.messageTtl !== undefined) args['x-message-ttl'] = q.messageTtl;
    if (q.maxLength !== undefined) args['x-max-length'] = q.maxLength;
    if (q.maxLengthBytes !== undefined) args['x-max-length-bytes'] = q.maxLengthBytes;
    if (q.overflow !== undefined) args['x-overflow'] = q.overflow;
    if (q.dlx !== undefined) args['x-dead-letter-exchange'] = q.dlx;
    if (q.dlx !== undefined && q.dlrk !== undefined) args['x-dead-letter-routing-key'] = q.dlrk;
    if (q.maxPriority !== undefined) args['x-max-priority'] = q.maxPriority;
    await setup.assertQueue(q.name, { durable: false, arguments: args });
  }
  for (const b of t.bindings) {
    if (b.kind === 'queue') await setup.bindQueue(b.destination, b.source, b.key, b.args);
    else await setup.bindExchange(b.destination, b.source, b.key, b.args);
  }

  const slots: Slot[] = [];
  const open = async (confirm: boolean): Promise<Slot> => {
    const ch = confirm ? await conn.createConfirmChannel() : await conn.createChannel();
    const slot: Slot = { ch, confirm, held: [], consumers: [], staleBelow: 0, published: 0 };
    ch.on('error', (e: unknown) => errors.push(`channel ${ch.id}: ${String(e)}`));
    ch.on('return', () => returns++);
    return slot;
  };
  for (const c of t.channels) slots.push(await open(c.confirm));
  events.push({ type: 'x-phase', phase: 'ops' });

  const onMessage = (slot: Slot, ch: Channel, noAck: boolean) => (m: ConsumeMessage | null) => {
    if (!m || noAck || slot.ch !== ch) return;
    const tag = m.fields.deliveryTag!;
    if (tag < slot.staleBelow) return;
    insertByTag(slot.held, m);
  };
  const lastDeliveredTag = (channel: number): number => {
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i];
      if (e.type === 'delivered' && e.channel === channel) return e.deliveryTag;
    }
    return 0;
  };
  const queueName = (i: number) => t.queues[i % t.queues.length].name;
  const exchangeName = (i: number) => {
    const names = ['', ...t.exchanges.map((x) => x.name)];
    return names[i % names.length];
  };

  for (const op of sc.ops) {
    const slot = 'ch' in op ? slots[op.ch % slots.length] : null;
    try {
      switch (op.op) {
        case 'publish': {
          const s = slot!;
          const x = exchangeName(op.x);
          const key = x === '' ? queueName(op.key.length) : op.key;
          const opts: Record<string, unknown> = { mandatory: op.mandatory };
          if (op.priority !== undefined) opts.priority = op.priority;
          if (op.expiration !== undefined) opts.expiration = op.expiration;
          if (op.headers) opts.headers = op.headers;
          if (op.cc !== undefined) opts.CC = op.cc;
          const body = enc.encode('m'.repeat(op.size));
          events.push({ type: 'x-publish', channel: s.ch.id, priority: op.priority ?? 0 });
          if (s.confirm) {
            const chId = s.ch.id;
            const seq = ++s.published; // publish seq on a confirm channel: 1, 2, 3...
            s.ch.publish(x, key, body, opts, (err) => {
              let m = confirms.get(chId);
              if (!m) confirms.set(chId, (m = new Map()));
              if (m.has(seq)) errors.push(`confirm ${chId}/${seq} twice`);
              m.set(seq, err === null);
            });
          } else s.ch.publish(x, key, body, opts);
          break;
        }
        case 'consume': {
          const s = slot!;
          const ch = s.ch;
          const r = await ch.consume(queueName(op.q), onMessage(s, ch, op.noAck), { noAck: op.noAck });
          if (s.ch === ch) s.consumers.push(r.consumerTag);
          break;
        }
        case 'prefetch':
          events.push({ type: 'x-prefetch', channel: slot!.ch.id, count: op.count, global: op.global });
          await slot!.ch.prefetch(op.count, op.global);
          break;
        case 'get': {
          const s = slot!;
          const m = await s.ch.get(queueName(op.q), { noAck: op.noAck });
          if (m && !op.noAck) insertByTag(s.held, m);
          break;
        }
        case 'ack':
        case 'nack':
        case 'reject': {
          const s = slot!;
          if (s.held.length === 0) break;
          const m = s.held[op.i % s.held.length];
          const tag = m.fields.deliveryTag!;
          if (op.op === 'ack') s.ch.ack(m, op.multiple);
          else if (op.op === 'nack') s.ch.nack(m, op.multiple, op.requeue);
          else s.ch.reject(m, op.requeue);
          if (op.multiple && op.op !== 'reject') settleUpTo(s, tag);
          else s.held = s.held.filter((x) => x !== m);
          break;
        }
        case 'ackAll':
        case 'nackAll': {
          const s = slot!;
          if (t.latency.ack > 0) {
            // with an ack latency, "all" is decided when the ack arrives, after deliveries we
            // may not have seen yet: ack up to the last delivery we hold instead
            const last = s.held[s.held.length - 1];
            if (!last) break;
            if (op.op === 'ackAll') s.ch.ack(last, true);
            else s.ch.nack(last, true, op.requeue);
            settleUpTo(s, last.fields.deliveryTag!);
            break;
          }
          if (op.op === 'ackAll') s.ch.ackAll();
          else s.ch.nackAll(op.requeue);
          // deliveries still on their way to us are settled too: ignore them when they arrive
          settleUpTo(s, lastDeliveredTag(s.ch.id));
          break;
        }
        case 'cancel': {
          const s = slot!;
          if (s.consumers.length === 0) break;
          const [tag] = s.consumers.splice(op.i % s.consumers.length, 1);
          await s.ch.cancel(tag);
          break;
        }
        case 'recover': {
          const s = slot!;
          // acks still travelling would name tags that recover makes unknown (a client race): let them land
          if (t.latency.ack > 0) await broker.advance(t.latency.ack);
          await s.ch.recover();
          settleUpTo(s, lastDeliveredTag(s.ch.id));
          break;
        }
        case 'close': {
          const i = op.ch % slots.length;
          await slots[i].ch.close();
          slots[i] = await open(slots[i].confirm);
          break;
        }
        case 'purge':
          await setup.purgeQueue(queueName(op.q));
          break;
        case 'advance':
          await broker.advance(op.ms);
          break;
      }
    } catch (e) {
      errors.push(`${op.op}: ${String(e)}`);
    }
  }
  await broker.advance(60_000);
  events.push({ type: 'x-phase', phase: 'end' });
  const endSnapshot = broker.snapshot();
  for (const s of slots) await s.ch.close().catch((e: unknown) => errors.push(`final close: ${String(e)}`));
  await broker.advance(60_000);
  events.push({ type: 'x-phase', phase: 'closed' });
  const closedSnapshot = broker.snapshot();
  return { events, endSnapshot, closedSnapshot, stats: broker.stats(), errors, confirms, returns };
}

/** Every delivery up to `tag` is settled (multiple ack, ackAll, recover): drop it, and ignore it if it still arrives. */
function settleUpTo(s: Slot, tag: number): void {
  s.held = s.held.filter((m) => m.fields.deliveryTag! > tag);
  if (tag + 1 > s.staleBelow) s.staleBelow = tag + 1;
}

function insertByTag(held: ConsumeMessage[], m: ConsumeMessage): void {
  const tag = m.fields.deliveryTag!;
  let i = held.length;
  while (i > 0 && held[i - 1].fields.deliveryTag! > tag) i--;
  held.splice(i, 0, m);
}
