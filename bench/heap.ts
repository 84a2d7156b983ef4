// Memory figures, run in a child process with --expose-gc (bench/run.ts spawns it):
//   node --expose-gc --import tsx bench/heap.ts queued [N]   heap bytes per queued message
//   node --expose-gc --import tsx bench/heap.ts hour         one virtual hour at 1,000 msg/s: speed and heap samples
// DESIGN.md budgets: at most 500 bytes of heap per queued message; heap flat over one virtual hour at 1,000 msg/s.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createBroker } from '../src/engine/index.ts';
import { ConsumerAgent } from '../src/engine/agents/consumer.ts';
import { ProducerAgent } from '../src/engine/agents/producer.ts';
import { agentChannel, brokerHost } from '../src/engine/testing/host.ts';

const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

export interface QueuedResult {
  messages: number;
  /** one shared 16-byte body: what the engine itself keeps per message */
  bytesPerMessage: number;
  /** a distinct 16-byte body per message, as from a real publisher */
  bytesPerMessageOwnBody: number;
}

async function queuedOnce(n: number, ownBodies: boolean): Promise<number> {
  const broker = createBroker({ seed: 1, trace: false });
  const conn = await broker.connect();
  const ch = await conn.createChannel();
  await ch.assertQueue('held', { durable: false });
  await broker.advance(0);
  const shared = new Uint8Array(16).fill(120);
  const before = heapUsed();
  for (let i = 0; i < n; i++) {
    ch.sendToQueue('held', ownBodies ? new Uint8Array(16).fill(120) : shared);
    if ((i & 0xffff) === 0) await broker.advance(0);
  }
  await broker.advance(0);
  const after = heapUsed();
  const { messageCount } = await ch.checkQueue('held');
  if (messageCount !== n) throw new Error(`queued ${messageCount} of ${n}`);
  await conn.close();
  return (after - before) / n;
}

export async function measureQueued(n = 1_000_000): Promise<QueuedResult> {
  const shared = await queuedOnce(n, false);
  const own = await queuedOnce(n, true);
  return { messages: n, bytesPerMessage: Math.round(shared), bytesPerMessageOwnBody: Math.round(own) };
}

export interface HourResult {
  virtualSeconds: number;
  wallSeconds: number;
  /** virtual seconds per wall second */
  speed: number;
  messages: number;
  heapStart: number;
  heapMid: number;
  heapEnd: number;
  /** heap after each virtual 5 minutes */
  samples: { virtualMin: number; heap: number }[];
  trace: boolean;
}

/**
 * One virtual hour at 1,000 msg/s: a ProducerAgent (rate 1000) -> direct exchange -> queue -> two
 * ConsumerAgents (prefetch 10, 1 ms processing, manual ack), trace on with its default ring
 * (as the app runs it). Advanced a virtual minute at a time.
 */
export async function measureHour(trace = true): Promise<HourResult> {
  const broker = createBroker({ seed: 1, trace });
  const host = brokerHost(broker);
  const conn = await broker.connect();
  const setup = await conn.createChannel();
  await setup.assertExchange('orders', 'direct', { durable: false });
  await setup.assertQueue('work', { durable: false });
  await setup.bindQueue('work', 'orders', 'new');
  const consumers: ConsumerAgent[] = [];
  for (let i = 0; i < 2; i++) {
    const ch = await conn.createChannel();
    const c = new ConsumerAgent(host, agentChannel(ch), {
      name: `C${i}`, queue: 'work', prefetch: 10, ackMode: 'manual', processing: { dist: 'fixed', ms: 1 },
      failure: { action: 'none', probability: 0 }, exclusive: false, rpcServer: false,
    });
    await c.start();
    consumers.push(c);
  }
  const pch = await conn.createChannel();
  const producer = new ProducerAgent(host, agentChannel(pch), {
    name: 'P', exchange: 'orders', routingKey: { mode: 'fixed', key: 'new' }, body: 'order {n}', properties: {},
    rate: 1000, limit: 0, mandatory: false, confirm: false,
  });
  producer.start();
  await broker.advance(1000); // warm up one virtual second
  const samples: { virtualMin: number; heap: number }[] = [{ virtualMin: 0, heap: heapUsed() }];
  let wall = 0;
  for (let min = 1; min <= 60; min++) {
    const t0 = process.hrtime.bigint();
    await broker.advance(60_000);
    wall += Number(process.hrtime.bigint() - t0) / 1e9;
    if (min % 5 === 0) samples.push({ virtualMin: min, heap: heapUsed() });
  }
  producer.stop();
  const messages = consumers.reduce((n, c) => n + c.counters.acked, 0);
  await conn.close();
  return {
    virtualSeconds: 3600, wallSeconds: Math.round(wall * 100) / 100, speed: Math.round(3600 / wall), messages,
    heapStart: samples[0].heap, heapMid: samples[6].heap, heapEnd: samples[samples.length - 1].heap, samples, trace,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  const run = mode === 'queued' ? measureQueued(Number(process.argv[3] || 1_000_000)) : mode === 'hour' ? measureHour(process.argv[3] !== 'trace-off') : null;
  if (!run) {
    console.error('usage: node --expose-gc --import tsx bench/heap.ts queued [N] | hour [trace-off]');
    process.exit(2);
  }
  run.then((r) => console.log(JSON.stringify(r)), (e) => {
    console.error(e);
    process.exit(1);
  });
}
