// Warren's own cases: queue lifecycles (x-expires, exclusive, auto-delete, server-named, delete conditions),
// quorum queues on one node, queue argument validation.
import { body, info, drainInfo, attempt, plainReply } from './lib.mjs';

const exists = async (ctx, q) => {
  const c = await ctx.conn.createChannel();
  const r = await attempt(c.checkQueue(q));
  if (r.ok) await c.close();
  return r.ok ? plainReply(r.result) : r;
};

export const scenarios = [
  {
    name: 'w-queue-expires-idle',
    desc: 'x-expires: an unused queue is deleted after the idle time (with its messages); a passive declare resets the timer',
    async run(ch, wait, log, ctx) {
      const q = 'w.xexp.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-expires': 600 } });
      ch.sendToQueue(q, body('a'));
      await wait(400);
      log({ at400: await exists(ctx, q) }); // the passive declare counts as use
      await wait(400);
      log({ at800: await exists(ctx, q) });
      await wait(1000);
      log({ at1800: await exists(ctx, q) });
    },
  },
  {
    name: 'w-queue-expires-consumer',
    desc: 'x-expires: a queue with a consumer does not expire; once the consumer is cancelled it expires after the idle time',
    async run(ch, wait, log, ctx) {
      const q = 'w.xexpc.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-expires': 400 } });
      const c = await ctx.conn.createChannel();
      await c.consume(q, () => {}, { consumerTag: 'keep', noAck: true });
      await wait(1000);
      log({ withConsumer: await exists(ctx, q) });
      await c.cancel('keep');
      await wait(1200);
      log({ afterCancel: await exists(ctx, q) });
      await c.close();
    },
  },
  {
    name: 'w-expires-arg-validation',
    desc: 'x-expires must be a positive integer: 0 and negative values are 406 PRECONDITION_FAILED; x-message-ttl must be non-negative',
    async run(ch, wait, log, ctx) {
      for (const [name, args] of [
        ['w.xexpv.zero', { 'x-expires': 0 }],
        ['w.xexpv.neg', { 'x-expires': -5 }],
        ['w.xexpv.ttlneg', { 'x-message-ttl': -1 }],
        ['w.xexpv.str', { 'x-expires': 'soon' }],
        ['w.xexpv.maxlenneg', { 'x-max-length': -1 }],
      ]) {
        const c = await ctx.conn.createChannel();
        const r = await attempt(c.assertQueue(name, { durable: false, arguments: args }));
        log({ name, r });
        if (r.ok) { await c.deleteQueue(name); await c.close(); }
      }
    },
  },
  {
    name: 'w-exclusive-lifecycle',
    desc: 'an exclusive queue goes with its connection (not with its channel); its name is free again afterwards',
    async run(ch, wait, log, ctx) {
      const q = 'w.excl.q';
      const c2 = await ctx.connect();
      const x = await c2.createChannel();
      await x.assertQueue(q, { exclusive: true });
      x.sendToQueue(q, body('a'));
      await x.close();
      log({ afterChannelClose: await exists(ctx, q) }); // 405 from another connection: it still exists
      const y = await c2.createChannel();
      log({ ownerSeesIt: plainReply(await y.checkQueue(q)) });
      await c2.close();
      await wait(200);
      log({ afterConnectionClose: await exists(ctx, q) });
      log({ redeclare: plainReply(await ch.assertQueue(q, { durable: false })) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-auto-delete-lifecycle',
    desc: 'auto-delete queue: not deleted before its first consumer; kept while one of two consumers remains; deleted when the last consumer is cancelled',
    async run(ch, wait, log, ctx) {
      const q = 'w.autodel.q';
      await ch.assertQueue(q, { durable: false, autoDelete: true });
      ch.sendToQueue(q, body('a'));
      await wait(300);
      log({ noConsumerYet: await exists(ctx, q) });
      const c = await ctx.conn.createChannel();
      await c.consume(q, () => {}, { consumerTag: 'one', noAck: true });
      await c.consume(q, () => {}, { consumerTag: 'two', noAck: true });
      await c.cancel('one');
      await wait(200);
      log({ oneLeft: await exists(ctx, q) });
      await c.cancel('two');
      await wait(200);
      log({ noneLeft: await exists(ctx, q) });
      await c.close();
    },
  },
  {
    name: 'w-auto-delete-channel-close',
    desc: 'auto-delete queue whose only consumer\'s channel closes is deleted; unacked messages are lost with it',
    async run(ch, wait, log, ctx) {
      const q = 'w.autodelc.q';
      await ch.assertQueue(q, { durable: false, autoDelete: true });
      const c = await ctx.conn.createChannel();
      const got = [];
      await c.consume(q, (m) => got.push(m.content.toString()), { consumerTag: 'c' });
      ch.sendToQueue(q, body('a'));
      ch.sendToQueue(q, body('b'));
      await wait(300);
      await c.close();
      await wait(200);
      log({ got, after: await exists(ctx, q) });
      log({ redeclare: plainReply(await ch.assertQueue(q, { durable: false, autoDelete: true })) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-server-named-queue',
    desc: 'assertQueue(\'\') gives an amq.gen- name; declaring with that name again is allowed; an amq.-prefixed client name is 403',
    async run(ch, wait, log, ctx) {
      const r = await ch.assertQueue('', { exclusive: true });
      log({ prefix: r.queue.slice(0, 8), length: r.queue.length, messageCount: r.messageCount, consumerCount: r.consumerCount });
      const gen = (x) => (x && x.text ? { ...x, text: x.text.split(r.queue).join('amq.gen-*') } : x);
      const c0 = await ctx.conn.createChannel();
      log({ redeclareByName: gen(await attempt(c0.assertQueue(r.queue, { exclusive: true }))) });
      const passive = await ch.checkQueue(r.queue);
      log({ passiveByName: passive.queue === r.queue });
      const r2 = await ch.assertQueue('', { exclusive: true });
      log({ different: r2.queue !== r.queue });
      ch.sendToQueue(r.queue, body('hi'));
      await wait(200);
      const m = info(await ch.get(r.queue, { noAck: true }));
      log({ routedByDefaultExchange: m.body, routingKeyIsName: m.routingKey === r.queue });
      const c = await ctx.conn.createChannel();
      log({ reserved: await attempt(c.assertQueue('amq.mine', { durable: false })) });
      await ch.deleteQueue(r.queue);
      await ch.deleteQueue(r2.queue);
    },
  },
  {
    name: 'w-delete-queue-conditions',
    desc: 'deleteQueue ifEmpty on a queue with messages and ifUnused on a queue with a consumer are 406 and close the channel; unacked messages do not count for ifEmpty',
    async run(ch, wait, log, ctx) {
      const q = 'w.delcond.q';
      await ch.assertQueue(q, { durable: false });
      ch.sendToQueue(q, body('a'));
      await wait(200);
      const c1 = await ctx.conn.createChannel();
      log({ ifEmpty: await attempt(c1.deleteQueue(q, { ifEmpty: true })) });
      const holder = await ctx.conn.createChannel();
      const m = await holder.get(q); // now unacked: the queue has no ready message
      const c2 = await ctx.conn.createChannel();
      await holder.consume(q, () => {}, { consumerTag: 'h' });
      log({ ifUnused: await attempt(c2.deleteQueue(q, { ifUnused: true })) });
      await holder.cancel('h');
      const c3 = await ctx.conn.createChannel();
      log({ ifEmptyWithUnacked: await attempt(c3.deleteQueue(q, { ifEmpty: true })) });
      log({ ackAfterDelete: await attempt(async () => { holder.ack(m); return holder.assertQueue('w.delcond.probe', { durable: false }); }) });
      log({ gone: await exists(ctx, q) });
      await ch.deleteQueue('w.delcond.probe');
    },
  },
  {
    name: 'w-quorum-delivery-limit',
    desc: 'quorum queue with x-delivery-limit 2: x-delivery-count counts returns; after 3 deliveries the next requeue dead-letters it with reason delivery_limit',
    async run(ch, wait, log) {
      const q = 'w.qdl.q', dl = 'w.qdl.dead';
      await ch.assertQueue(dl, { durable: true });
      await ch.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 2, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      ch.sendToQueue(q, body('poison'));
      ch.sendToQueue(q, body('fine'));
      await wait(300);
      const seen = [];
      for (let i = 0; i < 4; i++) {
        const m = await ch.get(q);
        if (!m) { seen.push(false); continue; }
        const i2 = info(m);
        delete i2.deliveryTag;
        seen.push(i2);
        if (m.content.toString() === 'poison') ch.nack(m, false, true); else ch.ack(m);
        await wait(200);
      }
      log({ seen });
      await wait(300);
      log({ queue: (await ch.checkQueue(q)).messageCount });
      const dead = await drainInfo(ch, dl);
      log({ dead: dead.map((m) => ({ body: m.body, death: m.headers['x-death'], first: m.headers['x-first-death-reason'] })) });
      await ch.deleteQueue(q);
      await ch.deleteQueue(dl);
    },
  },
  {
    name: 'w-quorum-delivery-limit-consumer',
    desc: 'quorum queue, delivery limit 1, no DLX: a consumer that always nacks with requeue sees the message twice (x-delivery-count absent, then 1), then it is dropped',
    async run(ch, wait, log, ctx) {
      const q = 'w.qdlc.q';
      await ch.assertQueue(q, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 1 } });
      const c = await ctx.conn.createChannel();
      const seen = [];
      await c.consume(q, (m) => {
        seen.push({ body: m.content.toString(), redelivered: m.fields.redelivered, count: (m.properties.headers || {})['x-delivery-count'] ?? null });
        c.nack(m, false, true);
      }, { consumerTag: 'nacker' });
      ch.sendToQueue(q, body('x'));
      await wait(1000);
      log({ seen, left: (await ch.checkQueue(q)).messageCount });
      await c.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-quorum-arg-validation',
    desc: 'quorum queues must be durable and non-exclusive and refuse x-max-priority; errors are 406 with RabbitMQ\'s texts',
    async run(ch, wait, log, ctx) {
      for (const [name, opts] of [
        ['w.qv.transient', { durable: false, arguments: { 'x-queue-type': 'quorum' } }],
        ['w.qv.exclusive', { durable: true, exclusive: true, arguments: { 'x-queue-type': 'quorum' } }],
        ['w.qv.autodel', { durable: true, autoDelete: true, arguments: { 'x-queue-type': 'quorum' } }],
        ['w.qv.prio', { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-max-priority': 5 } }],
        ['w.qv.bogus', { durable: true, arguments: { 'x-queue-type': 'bogus' } }],
      ]) {
        const c = await ctx.conn.createChannel();
        const r = await attempt(c.assertQueue(name, opts));
        log({ name, r });
        if (r.ok) { await c.deleteQueue(name); await c.close(); }
      }
      await ch.assertQueue('w.qv.ok', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
      log({ redeclareAsClassic: await attempt(ch.assertQueue('w.qv.ok', { durable: true })) });
      const c = await ctx.conn.createChannel();
      await c.deleteQueue('w.qv.ok');
    },
  },
];
