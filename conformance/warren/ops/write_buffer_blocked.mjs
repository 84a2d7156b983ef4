// amqplib's write buffer while a memory alarm blocks the connection: RabbitMQ stops reading a publishing
// connection, but a burst this size still fits in the sockets' buffers, so publish's booleans and 'drain'
// are as without an alarm; the messages wait until the alarm clears.
import { body, record, until } from './lib.mjs';

const WM = 0.4;

export const scenarios = [
  {
    name: 'w-publish-write-buffer-blocked',
    desc: "3000 publishes in one synchronous loop under a memory alarm (vm_memory_high_watermark 0): 'blocked' comes, publish returns false from the same frame as without an alarm and 'drain' still follows; nothing reaches the queue until the alarm clears, then 'unblocked' and every message",
    async run(ch, wait, log, ctx) {
      const q = 'w.wbb.q';
      await ch.assertQueue(q, { durable: false });
      const pub = await ctx.connect();
      const ev = record(pub, ['blocked', 'unblocked']);
      const c = await pub.createChannel();
      let drains = 0;
      c.on('drain', () => { drains++; });
      try {
        await ctx.admin.setMemoryHighWatermark(0);
        await wait(1000);
        const r = [];
        for (let i = 0; i < 3000; i++) r.push(c.sendToQueue(q, body('m')));
        await until(wait, () => ev.some((e) => e.event === 'blocked'), { tries: 30 });
        await wait(1000);
        log({ firstFalse: r.indexOf(false), falses: r.filter((x) => !x).length, drains, events: ev.slice(), queued: (await ch.checkQueue(q)).messageCount });
      } finally {
        await ctx.admin.setMemoryHighWatermark(WM);
      }
      await until(wait, () => ev.some((e) => e.event === 'unblocked'), { tries: 50 });
      await until(wait, async () => (await ch.checkQueue(q)).messageCount === 3000, { tries: 50 });
      log({ afterClear: { drains, events: ev.slice(), queued: (await ch.checkQueue(q)).messageCount } });
      await ch.deleteQueue(q);
    },
  },
];
