// amqplib's callback API (`amqplib/callback_api`), table by table as api_surface.mjs does for the promise
// API: every channel method with what it returns at once and what its callback receives, and the
// client-side errors of a closed channel and connection. Runs on ctx.connectCallback().
import { body } from './lib.mjs';
import { outcome, errorView } from './api_surface.mjs';

/** What a call returns at once (the channel itself, a boolean...) and what its callback gets. */
async function cbRow(wait, label, fn) {
  let called = null;
  const cb = (e, ok) => { called = e ? { err: errorView(e) } : { ok: outcome(ok) }; };
  let now;
  try {
    const r = fn(cb);
    now = r && typeof r === 'object' && typeof r.assertQueue === 'function' ? 'the channel' : outcome(r);
  } catch (e) {
    return { call: label, threw: errorView(e) };
  }
  for (let i = 0; i < 10 && !called; i++) await wait(20);
  return { call: label, returns: now, callback: called ?? 'not called' };
}

const open = (conn, method) => new Promise((resolve, reject) => {
  conn[method]((e, ch) => (e ? reject(e) : resolve(ch)));
});

const P = 'w.apicb.';

export const scenarios = [
  {
    name: 'w-api-callback-replies',
    desc: 'amqplib callback API: every channel method once: what it returns and what its callback receives, on RabbitMQ 3.10.8',
    async run(ch0, wait, log, ctx) {
      const conn = await ctx.connectCallback();
      const ch = await open(conn, 'createChannel');
      ch.on('error', () => {});
      const out = [];
      const add = async (label, fn) => out.push(await cbRow(wait, label, fn));
      await add('assertQueue', (cb) => ch.assertQueue(`${P}q`, { durable: false }, cb));
      await add('assertQueue server-named', (cb) => ch.assertQueue('', { exclusive: true }, cb));
      await add('checkQueue', (cb) => ch.checkQueue(`${P}q`, cb));
      await add('assertExchange', (cb) => ch.assertExchange(`${P}x`, 'direct', { durable: false }, cb));
      await add('checkExchange', (cb) => ch.checkExchange(`${P}x`, cb));
      await add('bindQueue', (cb) => ch.bindQueue(`${P}q`, `${P}x`, 'k', {}, cb));
      await add('bindExchange', (cb) => ch.bindExchange(`${P}x`, 'amq.direct', 'k', {}, cb));
      await add('unbindExchange', (cb) => ch.unbindExchange(`${P}x`, 'amq.direct', 'k', {}, cb));
      await add('publish', () => ch.publish(`${P}x`, 'k', body('m1')));
      await add('sendToQueue', () => ch.sendToQueue(`${P}q`, body('m2')));
      await wait(100);
      await add('prefetch', (cb) => ch.prefetch(1, false, cb));
      await add('get', (cb) => ch.get(`${P}q`, {}, cb));
      await add('recover', (cb) => ch.recover(cb));
      let delivered = null;
      await add('consume', (cb) => ch.consume(`${P}q`, (m) => { delivered = delivered ?? m; }, { consumerTag: 'w.apicb.c' }, cb));
      await wait(100);
      await add('ack', () => ch.ack(delivered));
      await add('ackAll', () => ch.ackAll());
      await add('nackAll', () => ch.nackAll());
      await add('cancel', (cb) => ch.cancel('w.apicb.c', cb));
      await add('purgeQueue', (cb) => ch.purgeQueue(`${P}q`, cb));
      await add('checkQueue missing (404)', (cb) => ch.checkQueue(`${P}missing`, cb));
      await add('publish after the 404', () => ch.publish('', `${P}q`, body('x')));
      await add('checkQueue after the 404', (cb) => ch.checkQueue(`${P}q`, cb));
      await add('close after the 404', (cb) => ch.close(cb));
      const c2 = await open(conn, 'createChannel');
      await add('unbindQueue', (cb) => c2.unbindQueue(`${P}q`, `${P}x`, 'k', {}, cb));
      await add('deleteExchange', (cb) => c2.deleteExchange(`${P}x`, {}, cb));
      await add('deleteQueue', (cb) => c2.deleteQueue(`${P}q`, {}, cb));
      await add('close', (cb) => c2.close(cb));
      await add('close twice', (cb) => c2.close(cb));
      await add('publish on a closed channel', () => c2.publish('', `${P}q`, body('x')));
      await add('assertQueue on a closed channel', (cb) => c2.assertQueue(`${P}q`, {}, cb));
      const cc = await open(conn, 'createConfirmChannel');
      await add('confirm publish', (cb) => cc.publish('', `${P}nowhere`, body('c'), {}, cb));
      await add('waitForConfirms', (cb) => cc.waitForConfirms(cb));
      await add('close the connection', (cb) => conn.close(cb));
      await add('createChannel on a closed connection', (cb) => conn.createChannel(cb));
      log({ rows: out });
    },
  },
];
