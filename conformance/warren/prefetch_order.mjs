// Which consumer a queue tries next when consumers at their prefetch limit ack and become ready again.
import { body } from './lib.mjs';

async function consumers(ctx, q, specs) {
  const got = {};
  const held = {};
  for (const [name, prefetch, noAck] of specs) {
    const c = await ctx.conn.createChannel();
    if (prefetch) await c.prefetch(prefetch);
    got[name] = [];
    held[name] = [];
    await c.consume(q, (m) => {
      if (m === null) return; // cancelled when the queue is deleted at the end
      got[name].push(m.content.toString());
      if (!noAck) held[name].push([c, m]);
    }, { consumerTag: name, noAck: !!noAck });
  }
  const ack = (name) => { const [c, m] = held[name].shift(); c.ack(m); };
  return { got, ack };
}

export const scenarios = [
  {
    name: 'w-prefetch-unblock-order',
    desc: 'three consumers with prefetch 2, all at their limit: the third acks, then the first; new messages go to the third first (a consumer that becomes ready again joins the back of the line)',
    async run(ch, wait, log, ctx) {
      const q = 'w.pfo.q';
      await ch.assertQueue(q, { durable: false });
      const { got, ack } = await consumers(ctx, q, [['c1', 2], ['c2', 2], ['c3', 2]]);
      for (let i = 1; i <= 6; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(200);
      log({ first: JSON.parse(JSON.stringify(got)) });
      ack('c3');
      await wait(100);
      ack('c1');
      await wait(100);
      ch.sendToQueue(q, body('m7'));
      ch.sendToQueue(q, body('m8'));
      await wait(200);
      ack('c2');
      await wait(100);
      ack('c3');
      await wait(100);
      ack('c1');
      await wait(100);
      for (let i = 9; i <= 11; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(200);
      log({ then: got });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-prefetch-unblock-order-mixed',
    desc: 'a noAck consumer between two consumers with prefetch 1: after the first acks, which consumer gets the next messages, in what order',
    async run(ch, wait, log, ctx) {
      const q = 'w.pfom.q';
      await ch.assertQueue(q, { durable: false });
      const { got, ack } = await consumers(ctx, q, [['c1', 1], ['free', 0, true], ['c3', 1]]);
      for (let i = 1; i <= 3; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(200);
      log({ first: JSON.parse(JSON.stringify(got)) });
      ack('c1');
      await wait(100);
      for (let i = 4; i <= 7; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(200);
      log({ afterAck: JSON.parse(JSON.stringify(got)) });
      ack('c3');
      await wait(100);
      ack('c1');
      await wait(100);
      for (let i = 8; i <= 11; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(200);
      log({ then: got });
      await ch.deleteQueue(q);
    },
  },
];
