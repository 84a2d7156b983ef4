// Warren's own cases: consumers, acknowledgements, delivery tags, single active consumer, priorities.
import { body, info, drain, drainInfo, attempt, plainReply } from './lib.mjs';

const brief = (m) => { const i = info(m); return { body: i.body, deliveryTag: i.deliveryTag, redelivered: i.redelivered }; };
const noTag = (m) => { const i = info(m); if (i) { delete i.deliveryTag; delete i.messageCount; } return i; };

export const scenarios = [
  {
    name: 'w-priority-requeue-order',
    desc: 'x-max-priority queue: nack/reject with requeue puts messages back in priority order, redelivered; a message without priority sorts as 0',
    async run(ch, wait, log) {
      const q = 'w.prireq.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-max-priority': 10 } });
      ch.sendToQueue(q, body('none'));
      for (const [b, p] of [['p1', 1], ['p5', 5], ['p9', 9], ['p0', 0], ['p5b', 5]]) ch.sendToQueue(q, body(b), { priority: p });
      await wait(200);
      const a = await ch.get(q);
      const b = await ch.get(q);
      const c = await ch.get(q);
      log({ got: [a, b, c].map(noTag) });
      ch.nack(c, false, true);
      ch.reject(a, true);
      ch.nack(b, false, true);
      await wait(200);
      log({ afterRequeue: await drainInfo(ch, q) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-single-active-consumer',
    desc: 'x-single-active-consumer: only the first consumer receives; the second is idle even when the first has unacked messages at its prefetch limit',
    async run(ch, wait, log, ctx) {
      const q = 'w.sac.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-single-active-consumer': true } });
      const c1 = await ctx.conn.createChannel();
      const c2 = await ctx.conn.createChannel();
      await c1.prefetch(2);
      await c2.prefetch(2);
      const got1 = [], got2 = [];
      await c1.consume(q, (m) => got1.push(m), { consumerTag: 'first' });
      await c2.consume(q, (m) => got2.push(m), { consumerTag: 'second' });
      for (let i = 1; i <= 5; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(300);
      log({ first: got1.map(brief), second: got2.map(brief), check: plainReply(await ch.checkQueue(q)) });
      c1.ack(got1[0]);
      await wait(300);
      log({ afterAck: { first: got1.map((m) => m.content.toString()), second: got2.map((m) => m.content.toString()) } });
      await c1.close();
      await c2.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-sac-failover-on-cancel',
    desc: 'single active consumer: cancelling the active consumer activates the next one; the cancelled one keeps its unacked messages until its channel closes, then they go to the new active consumer',
    async run(ch, wait, log, ctx) {
      const q = 'w.sacfo.q';
      await ch.assertQueue(q, { durable: false, arguments: { 'x-single-active-consumer': true } });
      const c1 = await ctx.conn.createChannel();
      const c2 = await ctx.conn.createChannel();
      await c1.prefetch(2);
      const got1 = [], got2 = [];
      await c1.consume(q, (m) => got1.push(m), { consumerTag: 'a' });
      await c2.consume(q, (m) => { got2.push(m); }, { consumerTag: 'b', noAck: true });
      for (let i = 1; i <= 4; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(300);
      log({ beforeCancel: { a: got1.map(brief), b: got2.map(brief) } });
      await c1.cancel('a');
      await wait(300);
      log({ afterCancel: { a: got1.map((m) => m.content.toString()), b: got2.map(brief) }, check: plainReply(await ch.checkQueue(q)) });
      ch.sendToQueue(q, body('m5'));
      await wait(300);
      log({ afterPublish: got2.map((m) => m.content.toString()) });
      await c1.close();
      await wait(300);
      log({ afterCloseOfA: got2.map(brief) });
      await c2.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-consumer-priority-prefetch',
    desc: 'consumer priorities with prefetch: the high-priority consumer fills its window first, the rest go to the lower one; an ack lets the high one take the next message',
    async run(ch, wait, log, ctx) {
      const q = 'w.cprio.q';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      await c.prefetch(2);
      const low = [], high = [];
      await c.consume(q, (m) => low.push(m), { consumerTag: 'low', priority: 1 });
      await c.consume(q, (m) => high.push(m), { consumerTag: 'high', priority: 10 });
      for (let i = 1; i <= 6; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(300);
      log({ high: high.map((m) => m.content.toString()), low: low.map((m) => m.content.toString()), ready: (await ch.checkQueue(q)).messageCount });
      c.ack(high[0]);
      await wait(300);
      log({ afterHighAck: { high: high.map((m) => m.content.toString()), low: low.map((m) => m.content.toString()) } });
      c.ack(low[1], true);
      await wait(300);
      log({ afterLowAck: { high: high.map((m) => m.content.toString()), low: low.map((m) => m.content.toString()) }, ready: (await ch.checkQueue(q)).messageCount });
      await c.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-recover-get',
    desc: 'basic.recover requeues unacked basic.get messages: they come back redelivered, in order, with new delivery tags; the old tags are then unknown',
    async run(ch, wait, log, ctx) {
      const q = 'w.recover.q';
      await ch.assertQueue(q, { durable: false });
      for (const b of ['a', 'b', 'c']) ch.sendToQueue(q, body(b));
      await wait(200);
      const c = await ctx.conn.createChannel();
      const m1 = await c.get(q);
      const m2 = await c.get(q);
      log({ got: [m1, m2].map(brief) });
      log({ recover: await attempt(c.recover()) });
      await wait(200);
      log({ check: plainReply(await ch.checkQueue(q)) });
      const again = [await c.get(q), await c.get(q), await c.get(q)];
      log({ again: again.map(brief) });
      c.ack(m1); // tag 1 was recovered: unknown now
      log({ afterStaleAck: await attempt(c.checkQueue(q)) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-recover-consumer',
    desc: 'basic.recover on a channel with a consumer redelivers its unacked messages to it (redelivered, new tags); acked ones are not redelivered',
    async run(ch, wait, log, ctx) {
      const q = 'w.recoverc.q';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      const got = [];
      await c.consume(q, (m) => got.push(m), { consumerTag: 'rc' });
      for (const b of ['a', 'b', 'c']) ch.sendToQueue(q, body(b));
      await wait(300);
      c.ack(got[1]);
      await c.recover();
      await wait(300);
      log({ deliveries: got.map(brief) });
      for (const m of got.slice(3)) c.ack(m);
      await wait(200);
      log({ check: plainReply(await ch.checkQueue(q)) });
      await c.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-nack-multiple',
    desc: 'nack with multiple=true requeues every unacked message up to the tag (back in original order) and leaves later ones unacked',
    async run(ch, wait, log) {
      const q = 'w.nackm.q';
      await ch.assertQueue(q, { durable: false });
      for (const b of ['a', 'b', 'c', 'd', 'e']) ch.sendToQueue(q, body(b));
      await wait(200);
      const ms = [];
      for (let i = 0; i < 4; i++) ms.push(await ch.get(q));
      ch.nack(ms[2], true, true);
      await wait(200);
      log({ readyAfterNack: (await ch.checkQueue(q)).messageCount });
      ch.ack(ms[3]);
      log({ queue: await drainInfo(ch, q) });
      log({ afterRepeatedNack: await attempt(async () => { ch.nack(ms[0], false, true); return ch.checkQueue(q); }) });
    },
  },
  {
    name: 'w-nack-multiple-drop',
    desc: 'nack multiple with requeue=false drops (or dead-letters) every unacked message up to the tag, in order',
    async run(ch, wait, log) {
      const q = 'w.nackmd.q', dl = 'w.nackmd.dl';
      await ch.assertQueue(dl, { durable: false });
      await ch.assertQueue(q, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dl } });
      for (const b of ['a', 'b', 'c', 'd']) ch.sendToQueue(q, body(b));
      await wait(200);
      const ms = [];
      for (let i = 0; i < 3; i++) ms.push(await ch.get(q));
      ch.nack(ms[1], true, false);
      await wait(200);
      log({ source: plainReply(await ch.checkQueue(q)), dead: (await drainInfo(ch, dl)).map((m) => ({ body: m.body, reason: m.headers['x-death'][0].reason, count: m.headers['x-death'][0].count })) });
      ch.ack(ms[2]);
      log({ rest: await drain(ch, q) });
      await ch.deleteQueue(q);
      await ch.deleteQueue(dl);
    },
  },
  {
    name: 'w-get-message-count',
    desc: 'basic.get reports the number of ready messages left (not counting unacked ones); get on an empty queue gives false; get ignores prefetch',
    async run(ch, wait, log) {
      const q = 'w.getmc.q';
      await ch.assertQueue(q, { durable: false });
      await ch.prefetch(1);
      for (const b of ['a', 'b', 'c']) ch.sendToQueue(q, body(b));
      await wait(200);
      const g = [];
      for (let i = 0; i < 4; i++) g.push(info(await ch.get(q)));
      log({ gets: g });
      log({ check: plainReply(await ch.checkQueue(q)) });
      await ch.nackAll(true);
      await wait(200);
      log({ afterNackAll: plainReply(await ch.checkQueue(q)), first: info(await ch.get(q, { noAck: true })) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-get-redelivered-after-requeue',
    desc: 'a message got with basic.get, then requeued (reject, or channel close), comes back with redelivered=true on the next get',
    async run(ch, wait, log, ctx) {
      const q = 'w.getredel.q';
      await ch.assertQueue(q, { durable: false });
      ch.sendToQueue(q, body('x'));
      ch.sendToQueue(q, body('y'));
      await wait(200);
      const m = await ch.get(q);
      log({ first: info(m) });
      ch.reject(m, true);
      const again = await ch.get(q);
      log({ second: info(again) });
      ch.ack(again);
      const c = await ctx.conn.createChannel();
      log({ onOther: info(await c.get(q)) });
      await c.close();
      log({ afterClose: info(await ch.get(q, { noAck: true })) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-cancel-on-queue-delete',
    desc: 'deleting a queue with a consumer cancels the consumer: amqplib calls its callback with null; deleteQueue reports the ready count only',
    async run(ch, wait, log, ctx) {
      const q = 'w.cancdel.q';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      await c.prefetch(1);
      const seen = [];
      await c.consume(q, (m) => seen.push(m === null ? null : m.content.toString()), { consumerTag: 'victim' });
      for (const b of ['a', 'b', 'c']) ch.sendToQueue(q, body(b));
      await wait(300);
      log({ delete: plainReply(await ch.deleteQueue(q)) });
      await wait(300);
      log({ seen });
      log({ channelStillUsable: await attempt(c.assertQueue('w.cancdel.other', { durable: false })) });
      log({ cancelAfter: await attempt(c.cancel('victim')) });
      await c.deleteQueue('w.cancdel.other');
      await c.close();
    },
  },
  {
    name: 'w-purge-with-consumers',
    desc: 'purge removes ready messages only; messages unacked by a consumer survive the purge and come back on channel close',
    async run(ch, wait, log, ctx) {
      const q = 'w.purgec.q';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      await c.prefetch(2);
      const got = [];
      await c.consume(q, (m) => got.push(m.content.toString()), { consumerTag: 'pc' });
      for (const b of ['a', 'b', 'c', 'd', 'e']) ch.sendToQueue(q, body(b));
      await wait(300);
      log({ purge: plainReply(await ch.purgeQueue(q)), got });
      ch.sendToQueue(q, body('f'));
      await wait(200);
      log({ afterPublish: got, check: plainReply(await ch.checkQueue(q)) });
      await c.close();
      await wait(200);
      log({ afterClose: await drainInfo(ch, q) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-qos-zero-after-nonzero',
    desc: 'prefetch is fixed when a consumer starts: prefetch(0) after prefetch(1) does not lift the limit of an existing consumer, but a new consumer is unlimited',
    async run(ch, wait, log, ctx) {
      const q1 = 'w.qos0.a', q2 = 'w.qos0.b';
      await ch.assertQueue(q1, { durable: false });
      await ch.assertQueue(q2, { durable: false });
      const c = await ctx.conn.createChannel();
      await c.prefetch(1);
      const got1 = [], got2 = [];
      await c.consume(q1, (m) => got1.push(m.content.toString()), { consumerTag: 'old' });
      for (const b of ['a', 'b', 'c']) { ch.sendToQueue(q1, body(b)); ch.sendToQueue(q2, body(b)); }
      await wait(300);
      log({ old: got1 });
      await c.prefetch(0);
      await wait(300);
      log({ oldAfterQos0: got1 });
      await c.consume(q2, (m) => got2.push(m.content.toString()), { consumerTag: 'new' });
      await wait(300);
      log({ new: got2, ready: { a: (await ch.checkQueue(q1)).messageCount, b: (await ch.checkQueue(q2)).messageCount } });
      await c.close();
      await ch.deleteQueue(q1);
      await ch.deleteQueue(q2);
    },
  },
  {
    name: 'w-ack-multiple-after-nack',
    desc: 'ack multiple skips a tag already nacked; acking that tag again afterwards is 406 unknown delivery tag and closes the channel',
    async run(ch, wait, log) {
      const q = 'w.ackmn.q';
      await ch.assertQueue(q, { durable: false });
      for (const b of ['a', 'b', 'c', 'd']) ch.sendToQueue(q, body(b));
      await wait(200);
      const ms = [];
      for (let i = 0; i < 4; i++) ms.push(await ch.get(q));
      ch.nack(ms[1], false, false);
      ch.ack(ms[3], true);
      log({ afterMultiAck: plainReply(await ch.checkQueue(q)) });
      ch.ack(ms[1]);
      log({ staleAck: await attempt(ch.checkQueue(q)) });
      log({ afterClose: await attempt(ch.checkQueue(q)) });
    },
  },
  {
    name: 'w-delivery-tags-per-channel',
    desc: 'delivery tags count per channel from 1, shared by get and consume on that channel; a new channel starts again at 1',
    async run(ch, wait, log, ctx) {
      const q = 'w.tags.q';
      await ch.assertQueue(q, { durable: false });
      for (let i = 1; i <= 6; i++) ch.sendToQueue(q, body(`m${i}`));
      await wait(200);
      const a = await ctx.conn.createChannel();
      const b = await ctx.conn.createChannel();
      const tags = { a: [], b: [] };
      tags.a.push(brief(await a.get(q, { noAck: true })));
      tags.b.push(brief(await b.get(q)));
      tags.a.push(brief(await a.get(q)));
      const got = [];
      await a.consume(q, (m) => got.push(brief(m)), { consumerTag: 'ta', noAck: true });
      await wait(300);
      log({ tags, consumed: got });
      await a.cancel('ta');
      await b.close(); // its unacked m2 goes back to the queue
      const c = await ctx.conn.createChannel();
      await wait(200);
      log({ newChannel: brief(await c.get(q, { noAck: true })) });
      ch.sendToQueue(q, body('m7'));
      await wait(200);
      log({ nextOnA: brief(await a.get(q, { noAck: true })) });
      await a.close();
      await c.close();
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-consumer-tag-reuse',
    desc: 'consuming twice with the same consumer tag on one channel is a connection error (530 NOT_ALLOWED); cancelling an unknown tag is fine',
    async run(ch, wait, log, ctx) {
      const q = 'w.ctag.q';
      await ch.assertQueue(q, { durable: false });
      const c2 = await ctx.connect();
      const x = await c2.createChannel();
      log({ cancelUnknown: await attempt(x.cancel('nobody')) });
      log({ first: await attempt(x.consume(q, () => {}, { consumerTag: 'dup' })) });
      log({ second: await attempt(x.consume(q, () => {}, { consumerTag: 'dup' })) });
      log({ check: plainReply(await ch.checkQueue(q)) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-noack-close-no-requeue',
    desc: 'messages delivered to a noAck consumer are gone: closing its channel requeues nothing; a consumer without prefetch limit takes everything',
    async run(ch, wait, log, ctx) {
      const q = 'w.noack.q';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      await c.prefetch(1); // ignored for noAck consumers
      const got = [];
      await c.consume(q, (m) => got.push(m.content.toString()), { noAck: true, consumerTag: 'na' });
      for (const b of ['a', 'b', 'c']) ch.sendToQueue(q, body(b));
      await wait(300);
      await c.close();
      log({ got, after: plainReply(await ch.checkQueue(q)) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-double-ack',
    desc: 'acking the same delivery twice: 406 PRECONDITION_FAILED unknown delivery tag, the channel closes, later calls get Channel closed',
    async run(ch, wait, log, ctx) {
      const q = 'w.dack.q';
      await ch.assertQueue(q, { durable: false });
      ch.sendToQueue(q, body('a'));
      await wait(200);
      const c = await ctx.conn.createChannel();
      const m = await c.get(q);
      c.ack(m);
      c.ack(m);
      log({ next: await attempt(c.checkQueue(q)) });
      log({ later: await attempt(c.checkQueue(q)) });
      log({ check: plainReply(await ch.checkQueue(q)) });
      await ch.deleteQueue(q);
    },
  },
  {
    name: 'w-get-competes-with-consumer',
    desc: 'basic.get on a queue whose consumer is at its prefetch limit takes the next ready message',
    async run(ch, wait, log, ctx) {
      const q = 'w.getcomp.q';
      await ch.assertQueue(q, { durable: false });
      const c = await ctx.conn.createChannel();
      await c.prefetch(1);
      const got = [];
      await c.consume(q, (m) => got.push(m), { consumerTag: 'gc' });
      for (const b of ['a', 'b', 'c']) ch.sendToQueue(q, body(b));
      await wait(300);
      log({ consumer: got.map((m) => m.content.toString()), get: info(await ch.get(q, { noAck: true })) });
      c.ack(got[0]);
      await wait(300);
      log({ consumerAfterAck: got.map((m) => m.content.toString()), check: plainReply(await ch.checkQueue(q)) });
      await c.close();
      await ch.deleteQueue(q);
    },
  },
];
