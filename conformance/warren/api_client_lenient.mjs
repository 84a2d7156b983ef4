// What amqplib 2.3.1 lets through on the client side, and what then happens on RabbitMQ 3.10.8:
// a consume without a callback, an exchange without a type, an RPC whose arguments its encoder refuses.
import { body } from './lib.mjs';
import { row, errorView } from './api_surface.mjs';

/** Whether a call on `c` settles within `ms` (amqplib can leave a channel's RPCs waiting forever). */
async function answers(c, q, wait, ms = 500) {
  let answered = null;
  c.checkQueue(q).then(() => { answered = 'answers'; }, (e) => { answered = errorView(e); });
  for (let i = 0; i < ms / 100 && answered === null; i++) await wait(100);
  return answered ?? 'no answer';
}

export const scenarios = [
  {
    name: 'w-api-consume-no-callback',
    desc: "consume(queue) without a callback: amqplib and the broker accept it; the first delivery finds no callback (amqplib: 'Unknown consumer: <tag>'), so amqplib closes the channel with 541 and gives that error to the channel's 'error' event; the message is requeued",
    async run(ch, wait, log, ctx) {
      const q = 'w.api.nocb';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      const events = [];
      c.on('error', (e) => events.push({ error: errorView(e) }));
      c.on('close', () => events.push('close'));
      const consumed = await row('consume without a callback', () => c.consume(q, undefined, { consumerTag: 'w.api.nocb.tag' }));
      const before = await answers(c, q, wait);
      ch.sendToQueue(q, body('m1'));
      await wait(300);
      const m = await ch.get(q);
      log({ consumed, before, events, requeued: m && { content: m.content.toString(), redelivered: m.fields.redelivered } });
      if (m) ch.ack(m);
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-api-exchange-no-type',
    desc: "assertExchange(name) without a type: amqplib's encoder fills in 'direct', so the broker declares a direct exchange (a redeclare as fanout is 406 inequivalent arg 'type'); a null type is refused by the encoder",
    async run(ch, wait, log, ctx) {
      const x = 'w.api.notype';
      const q = 'w.api.notype.q';
      const declared = await row('assertExchange without a type', () => ch.assertExchange(x));
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, x, 'k');
      ch.publish(x, 'k', body('routed'));
      ch.publish(x, 'other', body('not routed'));
      await wait(100);
      const m = await ch.get(q);
      const got = m ? m.content.toString() : false;
      if (m) ch.ack(m);
      const after = await ch.checkQueue(q);
      const c = await ctx.conn.createChannel();
      c.on('error', () => {});
      const fanout = await row('redeclare as fanout', () => c.assertExchange(x, 'fanout'));
      const c2 = await ctx.conn.createChannel();
      const nul = await row('assertExchange with a null type', () => c2.assertExchange(`${x}.null`, null));
      log({ declared, got, left: after.messageCount, fanout, nul });
      await ch.deleteQueue(q);
      await ch.deleteExchange(x);
      await c2.close().catch(() => {});
    },
  },
  {
    name: 'w-api-prefetch-wedge',
    desc: "prefetch('x'): amqplib's encoder refuses the count after the channel took its reply slot, so the call fails and that channel's later calls never get an answer (publishes still go; close works and ends the waiting calls with 'Channel ended, no reply will be forthcoming')",
    async run(ch, wait, log, ctx) {
      const q = 'w.api.wedge';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      const r = await row("prefetch('x')", () => c.prefetch('x'));
      let late = null;
      c.checkQueue(q).then(() => { late = 'answered'; }, (e) => { late = errorView(e); });
      const after = await answers(c, q, wait);
      c.sendToQueue(q, body('still published'));
      await wait(200);
      const m = await ch.get(q);
      const got = m ? m.content.toString() : false;
      if (m) ch.ack(m);
      const closed = await row('close the channel', () => c.close());
      await wait(50);
      const other = await row('a new channel answers', async () => { const c3 = await ctx.conn.createChannel(); await c3.checkQueue(q); await c3.close(); return 'ok'; });
      log({ prefetch: r, after, got, closed, late, other });
      await ch.deleteQueue(q);
    },
  },
];
