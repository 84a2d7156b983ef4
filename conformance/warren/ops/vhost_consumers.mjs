// What a consumer sees when the vhost of its queue is deleted under it.
import { body } from './lib.mjs';

export const scenarios = [
  {
    name: 'w-vhost-deleted-consumer',
    desc: 'deleting a vhost with a consumer on one of its queues: what the consume callback receives, and the channel and connection events, in order',
    async run(ch, wait, log, ctx) {
      const A = ctx.admin, vh = 'w.vhdel';
      try {
        await A.addVhost(vh);
        await A.setPermissions('guest', vh, '.*', '.*', '.*');
        const conn = await ctx.connect({ vhost: vh });
        const events = [];
        // the text says the vhost 'is deleted' or 'is down', depending on a race inside RabbitMQ: code only
        conn.on('error', (e) => events.push({ conn: 'error', code: e.code }));
        conn.on('close', (e) => events.push({ conn: 'close', code: e.code }));
        const c = await conn.createChannel();
        c.on('error', (e) => events.push({ channel: 'error', code: e.code ?? null, message: e.message }));
        c.on('close', () => events.push({ channel: 'close' }));
        await c.assertQueue('w.vhdel.q', { durable: false });
        await c.assertQueue('w.vhdel.durable', { durable: true });
        await c.consume('w.vhdel.q', (m) => events.push({ consumer: 'transient', got: m === null ? null : m.content.toString() }), { consumerTag: 't' });
        await c.consume('w.vhdel.durable', (m) => events.push({ consumer: 'durable', got: m === null ? null : m.content.toString() }), { consumerTag: 'd' });
        c.sendToQueue('w.vhdel.q', body('m1'));
        await wait(200);
        log({ before: events.splice(0) });
        await A.deleteVhost(vh);
        await wait(1000);
        log({ after: events.splice(0) });
      } finally {
        await A.deleteVhost(vh).catch(() => {});
      }
    },
  },
];
