// In which order the copies of one message routed to several queues reach consumers that share a channel
// (the channel numbers deliveries as they arrive, so the delivery tags show the order). Queue names are
// chosen so that their sorted order differs from declaration, binding and consume order.
import { body } from './lib.mjs';

/** Consumes every queue on channel `c` (in the order given) and returns the arrival log. */
async function consumeAll(c, queues, prefix) {
  const got = [];
  for (const q of queues) {
    await c.consume(q, (m) => {
      if (m === null) return;
      got.push([q.slice(prefix.length), m.fields.deliveryTag, m.content.toString()]);
    }, { noAck: true });
  }
  return got;
}

async function declare(ch, names, opts = () => ({ durable: false })) {
  for (const n of names) await ch.assertQueue(n, opts(n));
}

async function cleanup(ch, names) {
  for (const n of names) await ch.deleteQueue(n);
}

export const scenarios = [
  {
    name: 'w-routed-order-fanout',
    desc: 'a fanout exchange routes to three classic queues; consumers of all three on one channel receive the copies in descending order of queue name, whatever the order of declaration, binding or consume',
    async run(ch, wait, log, ctx) {
      const P = 'w.rof.';
      const names = ['b', 'c', 'a'].map((s) => P + s); // declared b, c, a
      await declare(ch, names);
      await ch.assertExchange('w.rof.x', 'fanout', { durable: false });
      for (const s of ['c', 'a', 'b']) await ch.bindQueue(P + s, 'w.rof.x', ''); // bound c, a, b
      const c = await ctx.conn.createChannel();
      const got = await consumeAll(c, ['a', 'c', 'b'].map((s) => P + s), P); // consumed a, c, b
      ch.publish('w.rof.x', '', body('m1'));
      ch.publish('w.rof.x', '', body('m2'));
      await wait(200);
      log({ got });
      await cleanup(ch, names);
      await ch.deleteExchange('w.rof.x');
    },
  },
  {
    name: 'w-routed-order-default-cc',
    desc: 'the default exchange with CC keys: a routing key and two CC keys naming three queues; the copies arrive in descending order of queue name',
    async run(ch, wait, log, ctx) {
      const P = 'w.rocc.';
      const names = ['m', 'z', 'a'].map((s) => P + s);
      await declare(ch, names);
      const c = await ctx.conn.createChannel();
      const got = await consumeAll(c, names, P);
      ch.publish('', P + 'm', body('m1'), { CC: [P + 'a', P + 'z'] });
      ch.publish('', P + 'a', body('m2'), { CC: [P + 'z', P + 'm'] });
      await wait(200);
      log({ got });
      await cleanup(ch, names);
    },
  },
  {
    name: 'w-routed-order-names',
    desc: 'names compared byte by byte: upper case before lower case, a prefix before its extensions, digits before letters; copies arrive from the greatest name to the least',
    async run(ch, wait, log, ctx) {
      const P = 'w.ron.';
      const names = ['a', 'Z', 'aa', '9', 'ab', 'B'].map((s) => P + s);
      await declare(ch, names);
      await ch.assertExchange('w.ron.x', 'topic', { durable: false });
      for (const n of [...names].reverse()) await ch.bindQueue(n, 'w.ron.x', '#');
      const c = await ctx.conn.createChannel();
      const got = await consumeAll(c, names, P);
      ch.publish('w.ron.x', 'k', body('m1'));
      await wait(200);
      log({ got });
      await cleanup(ch, names);
      await ch.deleteExchange('w.ron.x');
    },
  },
  {
    name: 'w-routed-order-exchange-chain',
    desc: 'copies reached through an exchange-to-exchange binding and an alternate exchange are ordered with the others: all queues of one publish in descending order of name',
    async run(ch, wait, log, ctx) {
      const P = 'w.roe.';
      const names = ['a', 'b', 'c', 'd'].map((s) => P + s);
      await declare(ch, names);
      await ch.assertExchange('w.roe.ae', 'fanout', { durable: false });
      await ch.assertExchange('w.roe.x', 'direct', { durable: false, alternateExchange: 'w.roe.ae' });
      await ch.assertExchange('w.roe.y', 'fanout', { durable: false });
      await ch.bindQueue(P + 'a', 'w.roe.x', 'k');
      await ch.bindExchange('w.roe.y', 'w.roe.x', 'k');
      await ch.bindQueue(P + 'c', 'w.roe.y', '');
      await ch.bindQueue(P + 'd', 'w.roe.x', 'k');
      await ch.bindQueue(P + 'b', 'w.roe.ae', '');
      await ch.bindQueue(P + 'd', 'w.roe.ae', '');
      const c = await ctx.conn.createChannel();
      const got = await consumeAll(c, names, P);
      ch.publish('w.roe.x', 'k', body('m1')); // a, c (via y), d
      ch.publish('w.roe.x', 'other', body('m2')); // b, d (via the alternate exchange)
      await wait(200);
      log({ got });
      await cleanup(ch, names);
      for (const x of ['w.roe.x', 'w.roe.y', 'w.roe.ae']) await ch.deleteExchange(x);
    },
  },
  {
    name: 'w-routed-order-dead-letter',
    desc: 'a message dead-lettered (rejected) to a fanout exchange bound to three queues: the copies arrive in descending order of queue name',
    async run(ch, wait, log, ctx) {
      const P = 'w.rod.';
      const names = ['k', 'b', 'x'].map((s) => P + s);
      await ch.assertExchange('w.rod.dlx', 'fanout', { durable: false });
      await declare(ch, names);
      for (const n of names) await ch.bindQueue(n, 'w.rod.dlx', '');
      await ch.assertQueue('w.rod.src', { durable: false, arguments: { 'x-dead-letter-exchange': 'w.rod.dlx' } });
      const c = await ctx.conn.createChannel();
      const got = await consumeAll(c, names, P);
      ch.sendToQueue('w.rod.src', body('m1'));
      const m = await ch.get('w.rod.src');
      ch.reject(m, false);
      await wait(200);
      log({ got });
      await cleanup(ch, [...names, 'w.rod.src']);
      await ch.deleteExchange('w.rod.dlx');
    },
  },
  {
    name: 'w-routed-order-confirm-channel',
    desc: 'the same order when the publisher uses a confirm channel and the consumers share its channel',
    async run(ch, wait, log, ctx) {
      const P = 'w.rocf.';
      const names = ['p', 'q', 'r'].map((s) => P + s);
      await declare(ch, names);
      await ch.assertExchange('w.rocf.x', 'fanout', { durable: false });
      for (const n of names) await ch.bindQueue(n, 'w.rocf.x', '');
      const c = await ctx.conn.createConfirmChannel();
      const got = await consumeAll(c, names, P);
      c.publish('w.rocf.x', '', body('m1'));
      await c.waitForConfirms();
      await wait(200);
      log({ got });
      await cleanup(ch, names);
      await ch.deleteExchange('w.rocf.x');
    },
  },
  {
    name: 'w-routed-order-quorum-mixed',
    desc: 'three classic queues and a quorum queue bound to one fanout exchange, consumed on one channel: the classic copies first (descending names), the quorum copy (after its Raft commit) last',
    async run(ch, wait, log, ctx) {
      const P = 'w.roqm.';
      const names = ['a', 'b', 'c', 'd'].map((s) => P + s);
      const quorum = (n) => n.endsWith('b');
      await declare(ch, names, (n) => (quorum(n) ? { durable: true, arguments: { 'x-queue-type': 'quorum' } } : { durable: false }));
      await ch.assertExchange('w.roqm.x', 'fanout', { durable: false });
      for (const n of names) await ch.bindQueue(n, 'w.roqm.x', '');
      const c = await ctx.conn.createChannel();
      const got = await consumeAll(c, names, P);
      ch.publish('w.roqm.x', '', body('m1'));
      await wait(300);
      ch.publish('w.roqm.x', '', body('m2'));
      await wait(300);
      log({ got });
      await cleanup(ch, names);
      await ch.deleteExchange('w.roqm.x');
    },
  },
];
