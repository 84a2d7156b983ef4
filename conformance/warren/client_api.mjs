// Warren's own cases for what client code sees: Direct Reply-to, confirm events, the error objects amqplib
// builds (code, classId, methodId, message), connection.updateSecret.
import { body, attempt } from './lib.mjs';

const REPLY_TO = 'amq.rabbitmq.reply-to';
/** A reply-to name the server made (`amq.rabbitmq.reply-to.<pid>.<key>`) is random: log its shape only. */
const replyName = (s) => (typeof s === 'string' && s.startsWith(`${REPLY_TO}.`) && s.length > REPLY_TO.length + 1 ? `${REPLY_TO}.*` : s);
/** Everything amqplib puts on an error it hands the application. */
const E = (e) => ({ name: e.name, message: e.message, code: e.code ?? null, classId: e.classId ?? null, methodId: e.methodId ?? null });
const tryE = async (p) => {
  try {
    const r = await (typeof p === 'function' ? p() : p);
    return { ok: true, result: r && typeof r === 'object' ? Object.keys(r).sort() : r ?? null };
  } catch (e) {
    return E(e);
  }
};
/** A channel whose 'error' and 'close' events are logged into `events`. */
async function watched(conn, events, label, confirm = false) {
  const ch = confirm ? await conn.createConfirmChannel() : await conn.createChannel();
  ch.on('error', (e) => events.push({ [label]: 'error', ...E(e) }));
  ch.on('close', () => events.push({ [label]: 'close' }));
  return ch;
}

export const scenarios = [
  {
    name: 'w-reply-to-roundtrip',
    desc: 'Direct Reply-to: a noAck consumer on amq.rabbitmq.reply-to; the request carries a server-made reply-to name; the reply published to it on the default exchange reaches that consumer; no queue exists by either name',
    async run(ch, wait, log, ctx) {
      const q = 'w.rpc.q';
      await ch.assertQueue(q, { durable: false });
      const server = await ctx.conn.createChannel();
      const seen = [];
      await server.consume(q, (m) => {
        seen.push({ body: m.content.toString(), replyTo: replyName(m.properties.replyTo), correlationId: m.properties.correlationId });
        // the second reply is mandatory: routed by name past any queue, is it returned?
        const mandatory = m.content.toString() === 'ping2';
        server.sendToQueue(m.properties.replyTo, body(`re:${m.content.toString()}`), { correlationId: m.properties.correlationId, mandatory });
        server.ack(m);
      }, { consumerTag: 'srv' });
      const returned = [];
      server.on('return', (m) => returned.push({ body: m.content.toString(), replyCode: m.fields.replyCode, routingKey: replyName(m.fields.routingKey) }));
      const client = await ctx.conn.createChannel();
      const replies = [];
      let replyTo = null;
      const ok = await client.consume(REPLY_TO, (m) => {
        replyTo = m.fields.routingKey;
        replies.push({
          body: m.content.toString(), consumerTag: m.fields.consumerTag, deliveryTag: m.fields.deliveryTag, redelivered: m.fields.redelivered,
          exchange: m.fields.exchange, routingKey: replyName(m.fields.routingKey), correlationId: m.properties.correlationId,
        });
      }, { noAck: true, consumerTag: 'replies' });
      log({ consumeOk: ok });
      client.sendToQueue(q, body('ping1'), { replyTo: REPLY_TO, correlationId: 'c1' });
      await wait(200);
      client.sendToQueue(q, body('ping2'), { replyTo: REPLY_TO, correlationId: 'c2' });
      await wait(200);
      log({ seen, replies, returned });
      const probe = await ctx.conn.createChannel();
      log({ checkPseudo: await attempt(probe.checkQueue(REPLY_TO)) });
      const probe2 = await ctx.conn.createChannel();
      const named = await attempt(probe2.checkQueue(replyTo));
      if (named.result) named.result.queue = replyName(named.result.queue);
      log({ checkReplyName: named });
      log({ cancel: await tryE(client.cancel('replies')) });
      await server.close();
      await client.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-reply-to-errors',
    desc: 'Direct Reply-to errors: publishing with replyTo amq.rabbitmq.reply-to before consuming from it, consuming from it with acks, consuming twice, and after a cancel',
    async run(ch, wait, log, ctx) {
      const events = [];
      const a = await watched(ctx.conn, events, 'a');
      a.sendToQueue('w.nowhere', body('x'), { replyTo: REPLY_TO });
      await wait(200);
      log({ publishWithoutConsumer: events.splice(0), after: await tryE(a.checkQueue(REPLY_TO)) });
      const b = await watched(ctx.conn, events, 'b');
      log({ consumeWithAcks: await tryE(b.consume(REPLY_TO, () => {}, { noAck: false })) });
      await wait(100);
      log({ events: events.splice(0) });
      const c = await watched(ctx.conn, events, 'c');
      log({ first: await tryE(c.consume(REPLY_TO, () => {}, { noAck: true })) });
      log({ second: await tryE(c.consume(REPLY_TO, () => {}, { noAck: true })) });
      await wait(100);
      log({ events: events.splice(0) });
      const d = await watched(ctx.conn, events, 'd');
      const { consumerTag } = await d.consume(REPLY_TO, () => {}, { noAck: true });
      await d.cancel(consumerTag);
      d.sendToQueue('w.nowhere', body('x'), { replyTo: REPLY_TO });
      await wait(200);
      log({ publishAfterCancel: events.splice(0) });
      const e = await watched(ctx.conn, events, 'e');
      log({ consumeSuffixed: await tryE(e.consume(`${REPLY_TO}.nope`, () => {}, { noAck: true })) });
      await wait(100);
      log({ events: events.splice(0) });
    },
  },
  {
    name: 'w-reply-to-after-close',
    desc: 'Direct Reply-to: a reply to a channel that has closed is dropped (returned when mandatory); a reply consumer can be set again on a new channel',
    async run(ch, wait, log, ctx) {
      const client = await ctx.conn.createChannel();
      await client.consume(REPLY_TO, () => {}, { noAck: true });
      const q = 'w.rpcclose.q';
      await ch.assertQueue(q, { durable: false });
      client.sendToQueue(q, body('req'), { replyTo: REPLY_TO });
      await wait(100);
      const req = await ch.get(q, { noAck: true });
      const name = req.properties.replyTo;
      await client.close();
      const server = await ctx.conn.createChannel();
      const returned = [];
      server.on('return', (m) => returned.push({ body: m.content.toString(), replyCode: m.fields.replyCode, replyText: m.fields.replyText, routingKey: replyName(m.fields.routingKey) }));
      server.sendToQueue(name, body('late'), {});
      server.sendToQueue(name, body('late-mandatory'), { mandatory: true });
      await wait(200);
      log({ returned, serverOpen: await tryE(server.checkQueue(q)) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-reply-to-confirm',
    desc: 'Direct Reply-to on a confirm channel: a reply published with confirms is acked, and so is one to a reply name nobody consumes',
    async run(ch, wait, log, ctx) {
      const client = await ctx.conn.createChannel();
      const got = [];
      await client.consume(REPLY_TO, (m) => got.push(m.content.toString()), { noAck: true });
      const q = 'w.rpcconf.q';
      await ch.assertQueue(q, { durable: false });
      client.sendToQueue(q, body('req'), { replyTo: REPLY_TO });
      await wait(100);
      const req = await ch.get(q, { noAck: true });
      const server = await ctx.conn.createConfirmChannel();
      const acks = [];
      server.on('ack', (f) => acks.push(f));
      const cbs = [];
      server.sendToQueue(req.properties.replyTo, body('reply'), {}, (e) => cbs.push(e ? e.message : 'ok'));
      await wait(100);
      // a well-formed reply name whose consumer is gone (a malformed one crashes RabbitMQ's channel: not modelled)
      const gone = await ctx.conn.createChannel();
      const { consumerTag } = await gone.consume(REPLY_TO, () => {}, { noAck: true });
      gone.sendToQueue(q, body('req2'), { replyTo: REPLY_TO });
      await wait(100);
      const req2 = await ch.get(q, { noAck: true });
      await gone.cancel(consumerTag);
      server.sendToQueue(req2.properties.replyTo, body('nobody'), {}, (e) => cbs.push(e ? e.message : 'ok'));
      await wait(100);
      log({ got, acks, cbs });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-confirm-events',
    desc: "confirm channel: every confirm is also an 'ack' or 'nack' event with {deliveryTag, multiple}; the publish callback runs before the event",
    async run(ch, wait, log, ctx) {
      const q = 'w.confev.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
      const cc = await ctx.conn.createConfirmChannel();
      const seen = [];
      cc.on('ack', (f) => seen.push({ ack: f }));
      cc.on('nack', (f) => seen.push({ nack: f }));
      for (const [i, rk] of [q, 'w.nowhere', q, q].entries()) {
        cc.publish('', rk, body(`m${i}`), {}, (e) => seen.push({ callback: i, err: e ? e.message : null }));
        await wait(100);
      }
      log({ seen });
      log({ waitForConfirms: await tryE(cc.waitForConfirms()) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-error-objects',
    desc: 'Every server error as amqplib builds it: the rejected call and the channel error event carry code, classId and methodId of the failing method and amqplib\'s message',
    async run(ch, wait, log, ctx) {
      const q = 'w.errobj.q';
      await ch.assertQueue(q, { durable: false });
      ch.sendToQueue(q, body('m'));
      await wait(100);
      const cases = [
        ['queue.declare', (c) => c.assertQueue(q, { durable: true })],
        ['queue.declare passive', (c) => c.checkQueue('w.errobj.missing')],
        ['queue.bind', (c) => c.bindQueue('w.errobj.missing', 'amq.direct', 'k')],
        ['queue.purge', (c) => c.purgeQueue('w.errobj.missing')],
        ['queue.delete', (c) => c.deleteQueue(q, { ifEmpty: true })],
        ['queue.unbind', (c) => c.unbindQueue(q, 'w.errobj.nox', 'k')],
        ['exchange.declare', (c) => c.assertExchange('amq.mine', 'direct')],
        ['exchange.declare passive', (c) => c.checkExchange('w.errobj.nox')],
        ['exchange.delete', (c) => c.deleteExchange('amq.direct')],
        ['exchange.bind', (c) => c.bindExchange('w.errobj.nox', 'amq.direct', 'k')],
        ['exchange.unbind', (c) => c.unbindExchange('amq.fanout', 'w.errobj.nox', 'k')],
        ['basic.consume', (c) => c.consume('w.errobj.missing', () => {})],
        ['basic.get', (c) => c.get('w.errobj.missing')],
      ];
      for (const [label, fn] of cases) {
        const events = [];
        const c = await watched(ctx.conn, events, 'ch');
        const call = await tryE(fn(c));
        await wait(50);
        log({ [label]: { call, events, after: await tryE(c.checkQueue(q)) } });
      }
      const asyncCases = [
        ['basic.publish', (c) => c.publish('w.errobj.nox', 'k', body('x'))],
        ['basic.ack', (c) => c.ack({ fields: { deliveryTag: 7 } })],
        ['basic.nack', (c) => c.nack({ fields: { deliveryTag: 7 } })],
        ['basic.reject', (c) => c.reject({ fields: { deliveryTag: 7 } })],
      ];
      for (const [label, fn] of asyncCases) {
        const events = [];
        const c = await watched(ctx.conn, events, 'ch');
        fn(c);
        await wait(100);
        log({ [label]: { events, after: await tryE(c.checkQueue(q)) } });
      }
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-error-objects-connection',
    desc: 'A connection error as amqplib reports it: the pending call gets "Channel ended", the connection error event has a code but no classId, other channels close without an error',
    async run(ch, wait, log, ctx) {
      const conn = await ctx.connect();
      const events = [];
      conn.on('error', (e) => events.push({ conn: 'error', ...e }));
      conn.on('close', (e) => events.push({ conn: 'close', ...e }));
      const a = await watched(conn, events, 'a');
      await watched(conn, events, 'b');
      const call = await tryE(a.assertExchange('w.errobj.x', 'no-such-type'));
      await wait(100);
      log({ call, events });
    },
  },
  {
    name: 'w-update-secret',
    desc: 'connection.updateSecret with the internal auth backend: the broker answers update-secret-ok and the connection stays usable',
    async run(ch, wait, log, ctx) {
      const conn = await ctx.connect();
      log({ same: await tryE(conn.updateSecret(body('guest'), 'rotate')) });
      const c = await conn.createChannel();
      log({ afterwards: await tryE(c.checkQueue(REPLY_TO)) });
      log({ other: await tryE(conn.updateSecret(body('not-the-password'), 'rotate')) });
      await wait(100);
      const c2 = await conn.createChannel().then(() => 'ok', (e) => E(e));
      log({ channelAfterOther: c2 });
      await conn.close();
    },
  },
];
