// The end-to-end engine workload (DESIGN.md budget: >= 1,000,000 msg/s, and >= 40x a real RabbitMQ):
// one producer -> a direct exchange -> 4 queues -> 4 consumers (one channel each, prefetch 100,
// manual ack), the same shape as bench/real-broker.ts runs on RabbitMQ. Virtual hop latencies are
// 0 (headless). The producer publishes in batches and lets the broker run between them; the clock
// stops when every message has been acked by its consumer.
import { createBroker, type ConsumeMessage } from '../src/engine/index.ts';

export interface EngineE2EOptions {
  messages?: number;
  /** detailed trace events on (a ring of `traceLimit`) or off (counters only) */
  trace?: boolean;
  queues?: number;
  prefetch?: number;
  bodyBytes?: number;
  /** publishes between two runs of the event queue */
  batch?: number;
}

export interface EngineE2EResult {
  msgsPerSec: number;
  messages: number;
  seconds: number;
  trace: boolean;
}

export async function measureEngineE2E(opts: EngineE2EOptions = {}): Promise<EngineE2EResult> {
  const messages = opts.messages ?? 1_000_000;
  const nq = opts.queues ?? 4;
  const trace = opts.trace ?? false;
  const batch = opts.batch ?? 2_000;
  const broker = createBroker({ seed: 1, trace });
  const conn = await broker.connect();
  const setup = await conn.createChannel();
  await setup.assertExchange('bench.x', 'direct', { durable: false });
  const keys: string[] = [];
  let acked = 0;
  for (let i = 0; i < nq; i++) {
    const q = `bench.q${i}`;
    await setup.assertQueue(q, { durable: false, exclusive: true });
    await setup.bindQueue(q, 'bench.x', `k${i}`);
    keys.push(`k${i}`);
    const ch = await conn.createChannel();
    await ch.prefetch(opts.prefetch ?? 100);
    await ch.consume(q, (m: ConsumeMessage | null) => {
      if (!m) return;
      ch.ack(m);
      acked++;
    }, { noAck: false });
  }
  const pub = await conn.createChannel();
  const content = new Uint8Array(opts.bodyBytes ?? 16).fill(120);
  const t0 = process.hrtime.bigint();
  for (let sent = 0; sent < messages; ) {
    const n = Math.min(batch, messages - sent);
    for (let i = 0; i < n; i++, sent++) pub.publish('bench.x', keys[sent % nq], content);
    await broker.advance(0);
  }
  await broker.runUntilIdle();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (acked !== messages) throw new Error(`engine e2e: ${acked} of ${messages} acked`);
  await conn.close();
  return { msgsPerSec: Math.round(messages / seconds), messages, seconds, trace };
}
