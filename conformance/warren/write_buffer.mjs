// amqplib's per-channel write buffer: `publish` returns false once the channel's buffer holds its high-water
// mark of frames (1024 objects by default) and 'drain' follows when amqplib's muxer has taken them. A burst of
// publishes in one synchronous loop shows where that happens, and that every message still arrives.
import { body } from './lib.mjs';

export const scenarios = [
  {
    name: 'w-publish-write-buffer',
    desc: "3000 publishes in one synchronous loop on one channel: amqplib's publish returns true until its write buffer is full, then false; 'drain' comes once after the loop; a later burst starts afresh; every message arrives",
    async run(ch, wait, log, ctx) {
      const q = 'w.wb.q';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      let drains = 0;
      c.on('drain', () => { drains++; });
      const burst = (n) => { const r = []; for (let i = 0; i < n; i++) r.push(c.sendToQueue(q, body('m'))); return r; };
      const first = burst(3000);
      const drainsInLoop = drains;
      await wait(1000);
      const second = burst(10);
      await wait(500);
      log({
        firstFalse: first.indexOf(false),
        falses: first.filter((x) => !x).length,
        drainsInLoop,
        drains,
        second,
        messageCount: (await ch.checkQueue(q)).messageCount,
      });
      await ch.deleteQueue(q);
    },
  },
];
