// Topic routing cost per message with few and with many bindings (DESIGN.md budget: 10,000
// bindings within 2x of 100). Measured at the router (exchange -> matching bindings -> queues),
// the step whose cost grows with bindings; enqueue and delivery do not depend on the binding count.
import { createBroker } from '../src/engine/index.ts';
import { Message } from '../src/engine/message.ts';

export interface TopicResult {
  bindings: number;
  nsPerMessage: number;
  /** average queues a message reached (the same shape for every size) */
  matchesPerMessage: number;
}

/** Binding patterns for index i: a mix of '*', '#' and literal words, ~1-2 matches per key. */
function pattern(i: number): string {
  switch (i % 4) {
    case 0: return `svc${i}.*.error`;
    case 1: return `svc${i}.#`;
    case 2: return `*.svc${i}.*`;
    default: return `region${i % 10}.svc${i}.info`;
  }
}

function key(i: number, r: number): string {
  switch (r % 4) {
    case 0: return `svc${i}.eu.error`;
    case 1: return `svc${i}.us.deep.path.info`;
    case 2: return `eu.svc${i}.warn`;
    default: return `region${i % 10}.svc${i}.info`;
  }
}

export async function measureTopic(bindings: number, messages = 200_000, rounds = 5): Promise<TopicResult> {
  const broker = createBroker({ seed: 1, trace: false });
  const conn = await broker.connect();
  const ch = await conn.createChannel();
  await ch.assertExchange('t', 'topic', { durable: false });
  const queues = Math.min(100, bindings);
  for (let q = 0; q < queues; q++) await ch.assertQueue(`tq${q}`, { durable: false });
  for (let i = 0; i < bindings; i++) await ch.bindQueue(`tq${i % queues}`, 't', pattern(i));
  // the same few catch-all bindings in every size
  for (const p of ['#.error', '*.*.critical', 'audit.#']) await ch.bindQueue('tq0', 't', p);
  const vh = broker.vhosts.get('/')!;
  const x = vh.exchanges.get('t')!;
  // keys spread over every binding, from a fixed LCG so each size routes the same mix
  const msgs: Message[] = [];
  let s = 12345;
  for (let m = 0; m < 4096; m++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const i = s % bindings;
    msgs.push(new Message(m + 1, 0, 't', key(i - (i % 4) + (m % 4), m), null, new Uint8Array(0), {}, 0));
  }
  let best = Infinity;
  let matched = 0;
  for (let r = 0; r < rounds; r++) {
    matched = 0;
    const t0 = process.hrtime.bigint();
    for (let n = 0; n < messages; n++) matched += vh.router.route(x, msgs[n & 4095], false).queues.length;
    const ns = Number(process.hrtime.bigint() - t0) / messages;
    if (ns < best) best = ns;
  }
  await conn.close();
  return { bindings, nsPerMessage: Math.round(best * 10) / 10, matchesPerMessage: Math.round((matched / messages) * 100) / 100 };
}
