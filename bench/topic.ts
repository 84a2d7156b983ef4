// Topic routing cost per message with few and with many bindings (DESIGN.md budget: 10,000
// bindings within 2x of 100). Measured at the router (exchange -> matching bindings -> queues),
// the step whose cost grows with bindings; enqueue and delivery do not depend on the binding count.
import { createBroker } from '../src/engine/index.ts';
import { Message } from '../src/engine/amqp/message.ts';

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

interface PreparedTopic {
  bindings: number;
  /** routes `messages` messages, returns ns per message and the queues reached */
  round(messages: number): { ns: number; matched: number };
  close(): Promise<void>;
}

/**
 * `spread`: the keys the messages carry spread over `keySpace` services (each binding's service
 * is hit); the routed mix is the same shape for every size.
 */
async function prepareTopic(bindings: number, keySpace: number): Promise<PreparedTopic> {
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
    const i = s % keySpace;
    msgs.push(new Message(m + 1, 0, 't', key(i - (i % 4) + (m % 4), m), null, new Uint8Array(0), {}, 0));
  }
  return {
    bindings,
    round(messages) {
      let matched = 0;
      const t0 = process.hrtime.bigint();
      for (let n = 0; n < messages; n++) matched += vh.router.route(x, msgs[n & 4095], false).queues.length;
      return { ns: Number(process.hrtime.bigint() - t0) / messages, matched };
    },
    close: () => conn.close(),
  };
}

/**
 * Routing cost with `small` and with `large` bindings. The rounds alternate between the two
 * (so load on a shared machine hits both alike) and each size keeps its best round.
 * `keys: 'all'` spreads the messages' keys over every binding of each exchange (the whole trie is
 * the working set: the strict reading); `keys: 'same'` routes the small exchange's key mix
 * through both (the extra bindings exist but traffic is where it was).
 */
export async function measureTopic(small = 100, large = 10_000, messages = 200_000, rounds = 7, keys: 'all' | 'same' = 'all'): Promise<[TopicResult, TopicResult]> {
  const sizes = [await prepareTopic(small, small), await prepareTopic(large, keys === 'all' ? large : small)];
  const best = [Infinity, Infinity];
  const matched = [0, 0];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < 2; k++) {
      const { ns, matched: m } = sizes[k].round(messages);
      if (ns < best[k]) best[k] = ns;
      matched[k] = m;
    }
  }
  for (const t of sizes) await t.close();
  return [0, 1].map((k) => ({
    bindings: sizes[k].bindings,
    nsPerMessage: Math.round(best[k] * 10) / 10,
    matchesPerMessage: Math.round((matched[k] / messages) * 100) / 100,
  })) as [TopicResult, TopicResult];
}
