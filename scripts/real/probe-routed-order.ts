// npx tsx scripts/real/probe-routed-order.ts [trials]
//
// How often a real RabbitMQ hands the copies of one fanout publish to three classic queues (consumed on one
// channel) in each order. The order follows the casts to the queue processes (descending names, see
// src/engine/routing/order.ts), but the queue processes run in parallel, so a loaded machine can swap them.
// Set WARREN_RMQ_ERL_ARGS='+S 1:1' to run the node on one scheduler, where the casts' order is kept.
import amqp from 'amqplib';
import { startNode, stopNode, stopOwnedEpmd } from './broker.ts';

const trials = Number(process.argv[2] || 50);
const node = await startNode({ log: (s) => console.log(`broker: ${s}`) });
try {
  const conn = await amqp.connect(`amqp://guest:guest@127.0.0.1:${node.port}`);
  const ch = await conn.createChannel();
  const counts = new Map<string, number>();
  for (let t = 0; t < trials; t++) {
    const names = ['b', 'c', 'a'].map((s) => `probe${t}.${s}`);
    await ch.assertExchange(`probe${t}.x`, 'fanout', { durable: false, autoDelete: true });
    for (const n of names) { await ch.assertQueue(n, { durable: false }); await ch.bindQueue(n, `probe${t}.x`, ''); }
    const got: string[] = [];
    const c = await conn.createChannel();
    const all = new Promise<void>((resolve) => {
      for (const n of names) void c.consume(n, () => { got.push(n.slice(-1)); if (got.length === 3) resolve(); }, { noAck: true });
    });
    await new Promise((r) => setTimeout(r, 50));
    ch.publish(`probe${t}.x`, '', Buffer.from('m'));
    await all;
    await c.close();
    for (const n of names) await ch.deleteQueue(n);
    const k = got.join('');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  console.log(`erl args: ${process.env.WARREN_RMQ_ERL_ARGS || '(default)'}; ${trials} trials:`, Object.fromEntries(counts));
  await conn.close();
} finally {
  await stopNode(node);
  stopOwnedEpmd();
}
