// amqplib's promise API, client side: calls on a closed channel, a closed connection, invalid arguments.
// Each row says whether the call threw or rejected, with the error's class and message (see api_surface.mjs).
import { body } from './lib.mjs';
import { row, errorView } from './api_surface.mjs';

const P = 'w.api.';

export const scenarios = [
  {
    name: 'w-api-client-errors',
    desc: 'amqplib promise API, client side: calls on a closed channel and a closed connection, a second close, invalid arguments: which throw, which reject, with what class and message',
    async run(ch, wait, log, ctx) {
      const out = [];
      const add = async (label, fn) => out.push(await row(label, fn));
      const q = `${P}ce`;
      await ch.assertQueue(q, { durable: false });
      ch.sendToQueue(q, body('m'));
      await wait(50);
      const m = await ch.get(q);
      // invalid arguments, each on a fresh channel; then whether that channel still answers a call
      // (amqplib encodes an RPC after taking the reply slot: an encoding error can leave the channel waiting)
      const invalid = [
        ['publish(string content)', (c) => c.publish('', q, 'not a buffer')],
        ['sendToQueue(null content)', (c) => c.sendToQueue(q, null)],
        ['publish with a non-numeric priority', (c) => c.publish('', q, body('p'), { priority: 'high' })],
      ];
      // consume() without a callback, assertExchange() without a type and prefetch('x') (which leaves that
      // channel waiting forever) have cases of their own: api_client_lenient.mjs.
      for (const [label, fn] of invalid) {
        const c = await ctx.conn.createChannel();
        const r = await row(label, () => fn(c));
        let answered = null;
        c.checkQueue(q).then(() => { answered = 'answers'; }, (e) => { answered = errorView(e); });
        for (let i = 0; i < 5 && answered === null; i++) await wait(100);
        out.push({ ...r, channelAfter: answered ?? 'no answer' });
      }
      // a closed channel
      const c2 = await ctx.conn.createChannel();
      await c2.close();
      await add('close twice', () => c2.close());
      await add('publish on a closed channel', () => c2.publish('', q, body('x')));
      await add('sendToQueue on a closed channel', () => c2.sendToQueue(q, body('x')));
      await add('assertQueue on a closed channel', () => c2.assertQueue(q, { durable: false }));
      await add('get on a closed channel', () => c2.get(q));
      await add('consume on a closed channel', () => c2.consume(q, () => {}));
      await add('ack on a closed channel', () => c2.ack(m));
      await add('nack on a closed channel', () => c2.nack(m));
      await add('prefetch on a closed channel', () => c2.prefetch(1));
      // a channel closed by the server
      const c3 = await ctx.conn.createChannel();
      c3.on('error', () => {});
      await add('checkQueue missing (server 404)', () => c3.checkQueue(`${P}missing`));
      await add('publish after a server close', () => c3.publish('', q, body('x')));
      await add('checkQueue after a server close', () => c3.checkQueue(q));
      // a confirm channel that is closed
      const cc = await ctx.conn.createConfirmChannel();
      await cc.close();
      const cb = [];
      await add('confirm publish on a closed channel', () => cc.publish('', q, body('x'), {}, (e) => cb.push(e ? errorView(e) : null)));
      await add('waitForConfirms on a closed channel', () => cc.waitForConfirms());
      await wait(50);
      out.push({ call: 'confirm publish callback', value: cb });
      // a closed connection
      const conn2 = await ctx.connect();
      const c4 = await conn2.createChannel();
      await conn2.close();
      await add('createChannel on a closed connection', () => conn2.createChannel());
      await add('close a closed connection', () => conn2.close());
      await add('assertQueue on a channel of a closed connection', () => c4.assertQueue(q, { durable: false }));
      await add('publish on a channel of a closed connection', () => c4.publish('', q, body('x')));
      log({ rows: out });
      ch.ack(m);
    },
  },
];
