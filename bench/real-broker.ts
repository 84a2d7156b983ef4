// The end-to-end workload on a real RabbitMQ, for comparison with the engine (DESIGN.md budgets: the engine
// must do at least 40x a real broker measured in the same run).
//
// One producer -> a direct exchange -> 4 queues -> 4 consumers (one channel each, prefetch 100, manual ack),
// through amqplib on loopback. The producer round-robins the routing key over the 4 queues and respects
// amqplib's write buffer ('drain'); the clock stops when every message has been acked by its consumer.
//
//   import { measureRealBroker } from './real-broker.ts';
//   const r = await measureRealBroker({ messages: 100_000 });   // { msgsPerSec, ... } or null
//
// Which broker: opts.url, else $AMQP_URL, else the node of scripts/rabbitmq/broker.sh if it is running, else
// (opts.start !== false and RabbitMQ installed) a private node started for the measurement and stopped
// afterwards. Resolves null when no broker can be reached. Run alone: `npx tsx bench/real-broker.ts [messages]`.
import amqp from 'amqplib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { attachScriptNode, portOpen, rabbitInstalled, startNode, stopNode, stopOwnedEpmd, type RabbitNode } from '../scripts/real/broker.ts';

export interface RealBrokerOptions {
  /** messages to push through (default 100,000) */
  messages?: number;
  /** body size in bytes (default 16) */
  bodyBytes?: number;
  /** prefetch per consumer (default 100) */
  prefetch?: number;
  /** queues = consumers (default 4) */
  queues?: number;
  /** messages sent first and not timed (default 5,000) */
  warmup?: number;
  /** amqp:// URL of a broker to use */
  url?: string;
  /** start a private node when none is reachable (default true) */
  start?: boolean;
  log?: (s: string) => void;
}

export interface RealBrokerResult {
  msgsPerSec: number;
  messages: number;
  seconds: number;
  broker: string;
}

async function canConnect(url: string): Promise<boolean> {
  try {
    const c = await amqp.connect(url);
    c.on('error', () => {});
    await c.close();
    return true;
  } catch {
    return false;
  }
}

/** One run of the workload on `url`: `count` messages, resolves the elapsed seconds. */
async function workload(url: string, count: number, o: Required<Pick<RealBrokerOptions, 'bodyBytes' | 'prefetch' | 'queues'>>, tag: string): Promise<number> {
  const conn = await amqp.connect(url);
  conn.on('error', () => {});
  const pubConn = await amqp.connect(url); // producer on its own connection, as an application would
  pubConn.on('error', () => {});
  try {
    const setup = await conn.createChannel();
    const x = `warren.bench.${tag}.x`;
    await setup.assertExchange(x, 'direct', { durable: false, autoDelete: false });
    const queues: string[] = [];
    for (let i = 0; i < o.queues; i++) {
      const q = `warren.bench.${tag}.q${i}`;
      await setup.assertQueue(q, { durable: false, exclusive: true });
      await setup.purgeQueue(q);
      await setup.bindQueue(q, x, `k${i}`);
      queues.push(q);
    }
    let acked = 0;
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => { resolveDone = r; });
    for (const q of queues) {
      const ch = await conn.createChannel();
      await ch.prefetch(o.prefetch);
      await ch.consume(q, (m) => {
        if (!m) return;
        ch.ack(m);
        if (++acked === count) resolveDone();
      }, { noAck: false });
    }
    const pub = await pubConn.createChannel();
    const content = Buffer.alloc(o.bodyBytes, 120);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      if (!pub.publish(x, `k${i % o.queues}`, content)) await new Promise((r) => pub.once('drain', r));
    }
    await done;
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    await setup.deleteExchange(x);
    return secs;
  } finally {
    try { await pubConn.close(); } catch { /* closed */ }
    try { await conn.close(); } catch { /* closed */ }
  }
}

export async function measureRealBroker(opts: RealBrokerOptions = {}): Promise<RealBrokerResult | null> {
  const log = opts.log ?? (() => {});
  const o = { bodyBytes: opts.bodyBytes ?? 16, prefetch: opts.prefetch ?? 100, queues: opts.queues ?? 4 };
  const messages = opts.messages ?? 100_000;
  const warmup = opts.warmup ?? 5_000;
  let url = opts.url ?? process.env.AMQP_URL ?? null;
  let started: RabbitNode | null = null;
  try {
    if (url && !(await canConnect(url))) { log(`real broker: ${url} is not reachable`); return null; }
    if (!url) {
      const node = await attachScriptNode();
      if (node) url = `amqp://guest:guest@127.0.0.1:${node.port}`;
      else if (await portOpen(5672) && await canConnect('amqp://guest:guest@127.0.0.1:5672')) url = 'amqp://guest:guest@127.0.0.1:5672';
    }
    if (!url) {
      if (opts.start === false || !rabbitInstalled()) {
        log(rabbitInstalled() ? 'real broker: none running' : 'real broker: RabbitMQ not installed (apt-get install -y rabbitmq-server)');
        return null;
      }
      started = await startNode({ log });
      url = `amqp://guest:guest@127.0.0.1:${started.port}`;
    }
    const tag = `${process.pid}`;
    if (warmup > 0) await workload(url, warmup, o, tag);
    const seconds = await workload(url, messages, o, tag);
    const msgsPerSec = Math.round(messages / seconds);
    const broker = url.replace(/\/\/[^@]*@/, '//');
    log(`real broker (${broker}): ${messages} messages in ${seconds.toFixed(2)} s = ${msgsPerSec} msg/s`);
    return { msgsPerSec, messages, seconds, broker };
  } catch (e) {
    log(`real broker: ${(e as Error).message}`);
    return null;
  } finally {
    if (started) { await stopNode(started); stopOwnedEpmd(); }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] || 100_000);
  measureRealBroker({ messages: n, log: (s) => console.log(s) }).then((r) => {
    console.log(JSON.stringify(r));
    process.exitCode = r ? 0 : 1;
  });
}
