// Where amqplib's client-side order of events meets the broker: the order of a failed call's callback or
// rejection and the channel's 'error' and 'close' events; deliveries sent just before a channel error; a
// consumer callback that throws.
import { body } from './lib.mjs';
import { errorView } from './api_surface.mjs';

const open = (conn, method) => new Promise((resolve, reject) => {
  conn[method]((e, ch) => (e ? reject(e) : resolve(ch)));
});

export const scenarios = [
  {
    name: 'w-failed-call-event-order',
    desc: "a call the server fails (404): the order of the channel's 'error' and 'close' events and the call's rejection (promise API) or callback (callback API)",
    async run(ch0, wait, log, ctx) {
      const seen = [];
      const c = await ctx.conn.createChannel();
      c.on('error', (e) => seen.push(`promise api: error event ${e.code}`));
      c.on('close', () => seen.push('promise api: close event'));
      await c.checkQueue('w.fco.missing').catch((e) => seen.push(`promise api: rejected ${e.code}`));
      await wait(50);
      const conn = await ctx.connectCallback();
      const cb = await open(conn, 'createChannel');
      cb.on('error', (e) => seen.push(`callback api: error event ${e.code}`));
      cb.on('close', () => seen.push('callback api: close event'));
      cb.checkQueue('w.fco.missing', (e) => seen.push(`callback api: callback ${e ? e.code : 'ok'}`));
      await wait(100);
      log({ seen });
    },
  },
  {
    name: 'w-deliveries-before-channel-error',
    desc: 'a consumer on a queue with messages, then at once a call the server fails on the same channel: the deliveries the broker sent before closing the channel still reach the callback',
    async run(ch, wait, log, ctx) {
      const q = 'w.dbce.q';
      await ch.assertQueue(q, { durable: false });
      for (let i = 1; i <= 3; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(100);
      const c = await ctx.conn.createChannel();
      const got = [];
      await c.consume(q, (m) => got.push(m ? m.content.toString() : 'cancelled'));
      const r = await c.checkQueue('w.dbce.missing').then(() => 'ok', (e) => e.code);
      await wait(100);
      log({ got, checkQueue: r, ready: (await ch.checkQueue(q)).messageCount });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-consumer-callback-throws',
    desc: "a consumer callback that throws, on a channel with an 'error' listener: amqplib closes that channel (541 INTERNAL_ERROR, 'Error while processing message') and hands the thrown error to the channel's 'error' event; the connection stays; the broker requeues the message",
    async run(ch, wait, log, ctx) {
      const q = 'w.cct.q';
      await ch.assertQueue(q, { durable: false });
      const conn = await ctx.connect();
      const connEvents = [];
      conn.on('error', (e) => connEvents.push(e));
      conn.on('close', (e) => connEvents.push(e));
      const c = await conn.createChannel();
      const chEvents = [];
      c.on('error', (e) => chEvents.push({ error: errorView(e), same: e && e.message === 'boom in a consumer' }));
      c.on('close', () => chEvents.push('close'));
      let calls = 0;
      await c.consume(q, () => { calls++; throw new Error('boom in a consumer'); });
      ch.sendToQueue(q, body('m1'));
      await wait(300);
      const after = await c.checkQueue(q).then(() => 'ok', (e) => errorView(e));
      const other = await conn.createChannel().then(() => 'ok', (e) => errorView(e));
      log({ calls, chEvents, connEvents, callAfter: after, newChannel: other, queue: await ch.checkQueue(q) });
      await conn.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-consumer-callback-throws-no-listener',
    desc: "a consumer callback that throws, on a channel without an 'error' listener (callback API): the channel's error has nowhere to go, so amqplib fails the whole connection: its 'error' event gets the thrown error, then 'close'",
    async run(ch, wait, log, ctx) {
      const q = 'w.cctn.q';
      await ch.assertQueue(q, { durable: false });
      const conn = await ctx.connectCallback(); // it has an 'error' listener; its channels have none
      const connEvents = [];
      conn.on('error', (e) => connEvents.push({ error: errorView(e) }));
      conn.on('close', (e) => connEvents.push({ close: e ? errorView(e) : null }));
      const c = await open(conn, 'createChannel');
      let calls = 0;
      c.consume(q, () => { calls++; throw new Error('boom in a consumer'); }, {});
      await wait(100);
      ch.sendToQueue(q, body('m1'));
      await wait(300);
      let after;
      try { c.checkQueue(q, () => {}); after = 'ok'; } catch (e) { after = errorView(e); }
      log({ calls, connEvents, callAfter: after, queue: await ch.checkQueue(q) });
      await ch.deleteQueue(q);
    },
  },
];
