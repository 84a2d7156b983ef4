// Warren's own cases: TTLs and dead-lettering (cycles with rejection, CC, routing-key override, the default
// exchange as DLX, expiration forms, x-message-ttl 0).
import { body, info, drain, drainInfo, attempt, plainReply, xdeath } from './lib.mjs';

const deadView = (m) => ({
  body: m.body,
  routingKey: m.routingKey,
  exchange: m.exchange,
  expiration: m.expiration ?? null,
  death: m.headers && m.headers['x-death'] ? m.headers['x-death'].map((d) => ({ reason: d.reason, queue: d.queue, count: d.count, 'routing-keys': d['routing-keys'] })) : null,
  first: m.headers ? { q: m.headers['x-first-death-queue'] ?? null, r: m.headers['x-first-death-reason'] ?? null } : null,
});

export const scenarios = [
  {
    name: 'w-per-message-ttl-behind-longer',
    desc: 'a short per-message TTL behind a long one waits at the head; a queue TTL shorter than the per-message one wins; a per-message TTL shorter than the queue TTL wins',
    async run(ch, wait, log) {
      const q = 'w.pmt.q', dl = 'w.pmt.dl', qt = 'w.pmt.qt';
      await ch.assertQueue(dl, { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      await ch.assertQueue(qt, { durable: false, arguments: { 'x-message-ttl': 300, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      ch.sendToQueue(q, body('long'), { expiration: '1500' });
      ch.sendToQueue(q, body('short'), { expiration: '100' });
      ch.sendToQueue(qt, body('msg-5000'), { expiration: '5000' });
      ch.sendToQueue(qt, body('msg-50'), { expiration: '50' });
      await wait(200);
      log({ at200: { q: (await ch.checkQueue(q)).messageCount, qt: (await ch.checkQueue(qt)).messageCount, dead: (await drainInfo(ch, dl)).map(deadView) } });
      await wait(400);
      log({ at600: { q: (await ch.checkQueue(q)).messageCount, qt: (await ch.checkQueue(qt)).messageCount, dead: (await drainInfo(ch, dl)).map(deadView) } });
      await wait(1200);
      log({ at1800: { q: (await ch.checkQueue(q)).messageCount, dead: (await drainInfo(ch, dl)).map(deadView) } });
      for (const x of [q, qt, dl]) await ch.deleteQueue(x);
    },
  },
  {
    name: 'w-dlx-reject-cycle-counts',
    desc: 'a queue dead-lettering to itself via the default exchange: each rejection re-enters it and the x-death count for (queue, rejected) rises; x-death keeps one entry',
    async run(ch, wait, log) {
      const q = 'w.dlcyc.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': q } });
      ch.sendToQueue(q, body('loop'), { headers: { app: 'w' } });
      await wait(200);
      const seen = [];
      for (let i = 0; i < 4; i++) {
        const m = await ch.get(q);
        seen.push({ redelivered: m.fields.redelivered, death: xdeath(m), first: m.properties.headers['x-first-death-reason'] ?? null, app: m.properties.headers.app });
        ch.reject(m, false);
        await wait(100);
      }
      log({ seen });
      log({ left: (await ch.checkQueue(q)).messageCount });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-dlx-two-queue-cycle',
    desc: 'two queues dead-lettering into each other by rejection: x-death holds one entry per queue, most recent first, each with its own count',
    async run(ch, wait, log) {
      const a = 'w.dl2.a', b = 'w.dl2.b';
      await ch.assertQueue(a, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': b } });
      await ch.assertQueue(b, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': a } });
      ch.sendToQueue(a, body('ping'));
      await wait(200);
      const seen = [];
      let where = a;
      for (let i = 0; i < 5; i++) {
        const m = await ch.get(where);
        if (!m) { seen.push({ where, got: false }); break; }
        seen.push({ where, death: xdeath(m) });
        ch.nack(m, false, false);
        await wait(100);
        where = where === a ? b : a;
      }
      log({ seen });
      await ch.deleteQueue(a);
      await ch.deleteQueue(b);
    },
  },
  {
    name: 'w-dlx-cc-headers',
    desc: 'dead-lettering without x-dead-letter-routing-key re-routes on the original key plus CC; the CC header stays on the message; x-death routing-keys lists both',
    async run(ch, wait, log) {
      const x = 'w.dlcc.x', dlx = 'w.dlcc.dlx', q = 'w.dlcc.q';
      const [dk, dc, dother] = ['w.dlcc.dk', 'w.dlcc.dc', 'w.dlcc.dother'];
      await ch.assertExchange(x, 'direct', { durable: false });
      await ch.assertExchange(dlx, 'direct', { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': dlx } });
      for (const d of [dk, dc, dother]) await ch.assertQueue(d, { durable: false });
      await ch.bindQueue(q, x, 'key');
      await ch.bindQueue(q, x, 'cc');
      await ch.bindQueue(dk, dlx, 'key');
      await ch.bindQueue(dc, dlx, 'cc');
      await ch.bindQueue(dother, dlx, 'other');
      ch.publish(x, 'key', body('m'), { CC: ['cc'] });
      await wait(200);
      log({ inQueue: (await ch.checkQueue(q)).messageCount });
      const m = await ch.get(q);
      log({ got: info(m) });
      ch.reject(m, false);
      await wait(200);
      log({ dk: (await drainInfo(ch, dk)).map(deadView), dc: (await drainInfo(ch, dc)).map(deadView), dother: await drain(ch, dother) });
      for (const d of [q, dk, dc, dother]) await ch.deleteQueue(d);
      await ch.deleteExchange(x);
      await ch.deleteExchange(dlx);
    },
  },
  {
    name: 'w-dlx-routing-key-override',
    desc: 'x-dead-letter-routing-key replaces the routing key (and CC keys) when dead-lettering; x-death records the original keys',
    async run(ch, wait, log) {
      const x = 'w.dlrk.x', dlx = 'w.dlrk.dlx', q = 'w.dlrk.q', over = 'w.dlrk.over', orig = 'w.dlrk.orig';
      await ch.assertExchange(x, 'topic', { durable: false });
      await ch.assertExchange(dlx, 'topic', { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': dlx, 'x-dead-letter-routing-key': 'over.ride' } });
      await ch.assertQueue(over, { durable: false });
      await ch.assertQueue(orig, { durable: false });
      await ch.bindQueue(q, x, 'orig.#');
      await ch.bindQueue(over, dlx, 'over.*');
      await ch.bindQueue(orig, dlx, 'orig.#');
      ch.publish(x, 'orig.key', body('m1'), { CC: ['orig.cc'] });
      ch.publish(x, 'orig.two', body('m2'), { expiration: '50' });
      await wait(300);
      const m = await ch.get(q);
      if (m) ch.reject(m, false);
      await wait(200);
      log({ over: (await drainInfo(ch, over)).map(deadView), orig: await drain(ch, orig), left: (await ch.checkQueue(q)).messageCount });
      for (const d of [q, over, orig]) await ch.deleteQueue(d);
      await ch.deleteExchange(x);
      await ch.deleteExchange(dlx);
    },
  },
  {
    name: 'w-dlx-default-exchange',
    desc: 'x-dead-letter-exchange \'\' with a routing key delivers to the queue of that name; without a routing key it uses the original key (here: the same queue name, so it loops back)',
    async run(ch, wait, log) {
      const q = 'w.dldef.q', target = 'w.dldef.target', q2 = 'w.dldef.q2';
      await ch.assertQueue(target, { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': target } });
      await ch.assertQueue(q2, { durable: false, arguments: { 'x-dead-letter-exchange': '' } });
      ch.sendToQueue(q, body('to-target'));
      ch.sendToQueue(q2, body('back-to-self'));
      await wait(200);
      ch.reject(await ch.get(q), false);
      ch.reject(await ch.get(q2), false);
      await wait(200);
      log({ target: (await drainInfo(ch, target)).map(deadView), q2: (await drainInfo(ch, q2)).map(deadView) });
      for (const d of [q, q2, target]) await ch.deleteQueue(d);
    },
  },
  {
    name: 'w-message-ttl-zero-consumer',
    desc: 'x-message-ttl 0: delivered when a consumer can take it at once, otherwise expired (dead-lettered) immediately',
    async run(ch, wait, log, ctx) {
      const q = 'w.ttl0.q', dl = 'w.ttl0.dl';
      await ch.assertQueue(dl, { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-message-ttl': 0, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      ch.sendToQueue(q, body('nobody-home'));
      await wait(200);
      log({ noConsumer: { q: (await ch.checkQueue(q)).messageCount, dead: (await drainInfo(ch, dl)).map(deadView) } });
      const c = await ctx.conn.createChannel();
      await c.prefetch(1);
      const got = [];
      await c.consume(q, (m) => got.push(m.content.toString()), { consumerTag: 'z' });
      ch.sendToQueue(q, body('taken'));
      ch.sendToQueue(q, body('over-prefetch'));
      await wait(300);
      log({ withConsumer: { got, q: (await ch.checkQueue(q)).messageCount, dead: (await drainInfo(ch, dl)).map(deadView) } });
      await c.close();
      await wait(200);
      log({ afterClose: { q: (await ch.checkQueue(q)).messageCount, dead: (await drainInfo(ch, dl)).map(deadView) } });
      await ch.deleteQueue(q);
      await ch.deleteQueue(dl);
    },
  },
  {
    name: 'w-expiration-forms',
    desc: 'the expiration property is a string of digits: "0", "1000", a large value are accepted and kept; "-1", "abc" and "1.5" are 406 and close the channel',
    async run(ch, wait, log, ctx) {
      const q = 'w.expf.q';
      await ch.assertQueue(q, { durable: false });
      for (const e of ['1000', '99999999', '007']) ch.sendToQueue(q, body(`e${e}`), { expiration: e });
      await wait(200);
      log({ kept: (await drainInfo(ch, q)).map((m) => ({ body: m.body, expiration: m.expiration })) });
      for (const e of ['-1', 'abc', '1.5', '']) {
        const c = await ctx.conn.createChannel();
        c.sendToQueue(q, body(`bad${e}`), { expiration: e });
        log({ expiration: e, r: await attempt(c.checkQueue(q)) });
      }
      log({ left: await drain(ch, q) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-ttl-dead-letter-expiration-moved',
    desc: 'an expired message dead-lettered by per-message TTL loses its expiration (moved to x-death original-expiration) and does not expire again in the DLQ',
    async run(ch, wait, log) {
      const q = 'w.ttlmv.q', dl = 'w.ttlmv.dl';
      await ch.assertQueue(dl, { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      ch.sendToQueue(q, body('m'), { expiration: '100', priority: 2, headers: { keep: 'me' } });
      await wait(700);
      const m = await ch.get(dl, { noAck: true });
      const i = info(m);
      delete i.deliveryTag;
      log({ dead: i });
      await ch.deleteQueue(q);
      await ch.deleteQueue(dl);
    },
  },
  {
    name: 'w-dlx-maxlen-drop-head',
    desc: 'x-max-length with drop-head dead-letters the dropped head with reason maxlen; reject-publish does not dead-letter',
    async run(ch, wait, log) {
      const q = 'w.dlml.q', qr = 'w.dlml.qr', dl = 'w.dlml.dl';
      await ch.assertQueue(dl, { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 2, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      await ch.assertQueue(qr, { durable: false, arguments: { 'x-max-length': 2, 'x-overflow': 'reject-publish', 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      for (const b of ['a', 'b', 'c', 'd']) { ch.sendToQueue(q, body(b)); ch.sendToQueue(qr, body(`r${b}`)); }
      await wait(300);
      log({ q: await drain(ch, q), qr: await drain(ch, qr), dead: (await drainInfo(ch, dl)).map(deadView) });
      for (const d of [q, qr, dl]) await ch.deleteQueue(d);
    },
  },
  {
    name: 'w-priority-ttl-jumps-ahead',
    desc: 'priority queue: a higher-priority message with a per-message TTL that lands ahead of older messages (found by conformance:fuzz); the same with equal priority expires at the head as usual',
    async run(ch, wait, log) {
      const res = {};
      for (const [v, exp, prio] of [['zero', '0', 1], ['short', '100', 1], ['same-prio', '0', 0]]) {
        const q = `w.prittl.${v}`;
        await ch.assertQueue(q, { durable: false, arguments: { 'x-max-priority': 3 } });
        ch.sendToQueue(q, body('old'));
        ch.sendToQueue(q, body('ttl'), { expiration: exp, priority: prio });
        ch.sendToQueue(q, body('new'));
        await wait(400);
        const count = (await ch.checkQueue(q)).messageCount;
        res[v] = { count, drained: (await drainInfo(ch, q)).map((m) => m.body) };
        await ch.deleteQueue(q);
      }
      log(res);
      const q = 'w.prittl.alone';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-priority': 3 } });
      ch.sendToQueue(q, body('ttl-alone'), { expiration: '0', priority: 1 });
      await wait(200);
      log({ alone: { count: (await ch.checkQueue(q)).messageCount, drained: await drain(ch, q) } });
      await ch.deleteQueue(q);
    },
  },
];
