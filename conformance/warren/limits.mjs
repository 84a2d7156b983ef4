// Warren's own cases: length limits with priorities and bytes, publisher confirms under overflow.
import { body, drain, drainInfo, attempt, plainReply } from './lib.mjs';

const confirmed = (cch, ex, rk, content, opts = {}) => new Promise((resolve) => {
  cch.publish(ex, rk, content, opts, (e) => resolve(e ? 'nack' : 'ack'));
});

export const scenarios = [
  {
    name: 'w-maxlen-priority-drop-head',
    desc: 'x-max-length on a priority queue: drop-head drops from the head (the highest priority first), keeping lower-priority newcomers',
    async run(ch, wait, log) {
      const q = 'w.mlp.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 3, 'x-max-priority': 5 } });
      for (const [b, p] of [['p1', 1], ['p5', 5], ['p3', 3], ['p0', 0], ['p4', 4], ['p2', 2]]) ch.sendToQueue(q, body(b), { priority: p });
      await wait(300);
      log({ left: (await drainInfo(ch, q)).map((m) => m.body) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-maxlen-priority-reject-publish',
    desc: 'x-max-length with reject-publish on a priority queue: a full queue nacks even a higher-priority message',
    async run(ch, wait, log, ctx) {
      const q = 'w.mlpr.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 2, 'x-max-priority': 5, 'x-overflow': 'reject-publish' } });
      const cch = await ctx.conn.createConfirmChannel();
      const r = [];
      for (const [b, p] of [['p1', 1], ['p2', 2], ['p5', 5]]) r.push(await confirmed(cch, '', q, body(b), { priority: p }));
      log({ confirms: r, left: (await drainInfo(ch, q)).map((m) => m.body) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-maxlen-bytes-reject-publish',
    desc: 'x-max-length-bytes with reject-publish: bodies count towards the limit; the publish that would exceed it is nacked; after a get there is room again',
    async run(ch, wait, log, ctx) {
      const q = 'w.mlb.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length-bytes': 10, 'x-overflow': 'reject-publish' } });
      const cch = await ctx.conn.createConfirmChannel();
      const r = [];
      for (const b of ['aaaa', 'bbbb', 'cc', 'd']) r.push([b, await confirmed(cch, '', q, body(b))]);
      log({ confirms: r, check: plainReply(await ch.checkQueue(q)) });
      await ch.get(q, { noAck: true });
      r.length = 0;
      for (const b of ['eeee', 'ff']) r.push([b, await confirmed(cch, '', q, body(b))]);
      log({ afterGet: r, left: await drain(ch, q) });
      log({ tooBigAlone: await confirmed(cch, '', q, body('x'.repeat(11))), left: await drain(ch, q) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-maxlen-bytes-drop-head',
    desc: 'x-max-length-bytes with drop-head drops old messages until the new one fits',
    async run(ch, wait, log) {
      const q = 'w.mlbd.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length-bytes': 10 } });
      for (const b of ['aaaa', 'bbbb', 'cc', 'ddddd', 'e']) ch.sendToQueue(q, body(b));
      await wait(300);
      log({ left: await drain(ch, q) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-confirms-reject-publish',
    desc: 'publisher confirms under reject-publish: acks until full, nacks after; waitForConfirms rejects; delivery tags of confirms are sequential',
    async run(ch, wait, log, ctx) {
      const q = 'w.crp.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 2, 'x-overflow': 'reject-publish' } });
      const cch = await ctx.conn.createConfirmChannel();
      const res = [];
      for (let i = 1; i <= 4; i++) cch.sendToQueue(q, body(`m${i}`), {}, (e) => res.push([i, e ? 'nack' : 'ack']));
      log({ wait: await attempt(cch.waitForConfirms()) });
      log({ confirms: res.sort((a, b) => a[0] - b[0]) });
      await ch.get(q, { noAck: true });
      const res2 = [];
      cch.sendToQueue(q, body('m5'), {}, (e) => res2.push(e ? 'nack' : 'ack'));
      log({ wait2ok: (await attempt(cch.waitForConfirms())).ok === true, res2, left: await drain(ch, q) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-confirms-unroutable-and-mixed',
    desc: 'confirms: a publish to a missing exchange gets an error callback (channel closed 404), unroutable messages are acked; a message to a full reject-publish queue and a normal queue is nacked but delivered to the normal one',
    async run(ch, wait, log, ctx) {
      const x = 'w.cum.x', full = 'w.cum.full', ok = 'w.cum.ok';
      await ch.assertExchange(x, 'fanout', { durable: false });
      await ch.assertQueue(full, { durable: false, arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' } });
      await ch.assertQueue(ok, { durable: false });
      const cch = await ctx.conn.createConfirmChannel();
      const r = { missingExchange: await confirmed(cch, 'w.cum.x-missing', '', body('u')) };
      const c2 = await ctx.conn.createConfirmChannel();
      await ch.assertExchange('w.cum.empty', 'fanout', { durable: false });
      r.emptyFanout = await confirmed(c2, 'w.cum.empty', '', body('e'));
      await ch.bindQueue(full, x, '');
      await ch.bindQueue(ok, x, '');
      r.mixed = await confirmed(c2, x, '', body('mixed'));
      log({ r, ok: await drain(ch, ok), full: (await ch.checkQueue(full)).messageCount });
      await ch.deleteQueue(full);
      await ch.deleteQueue(ok);
      await ch.deleteExchange(x);
      await ch.deleteExchange('w.cum.empty');
    },
  },
  {
    name: 'w-maxlen-requeue-over-limit',
    desc: 'x-max-length counts ready messages: gets make room, publishes fill it again, then a requeue pushes the queue over the limit and the head is dropped',
    async run(ch, wait, log) {
      const q = 'w.mlrq.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 2 } });
      ch.sendToQueue(q, body('a'));
      ch.sendToQueue(q, body('b'));
      await wait(200);
      const a = await ch.get(q);
      const b = await ch.get(q);
      ch.sendToQueue(q, body('c'));
      ch.sendToQueue(q, body('d'));
      await wait(200);
      log({ readyBeforeRequeue: (await ch.checkQueue(q)).messageCount });
      ch.nack(b, false, true);
      ch.nack(a, false, true);
      await wait(200);
      log({ left: (await drainInfo(ch, q)).map((m) => ({ body: m.body, redelivered: m.redelivered })) });
      await ch.deleteQueue(q);
    },
  },
];
