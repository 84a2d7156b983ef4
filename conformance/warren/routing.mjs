// Warren's own cases: routing edge cases (alternate exchanges, exchange-to-exchange graphs, headers -with-x,
// topic '#' in the middle, binding idempotence, unroutable and missing destinations).
import { body, info, drain, attempt, plainReply, counts } from './lib.mjs';

const returned = (ch) => {
  const out = [];
  ch.on('return', (m) => out.push(info(m)));
  return out;
};

export const scenarios = [
  {
    name: 'w-alternate-exchange-chain',
    desc: 'alternate exchanges chain: X (direct) -> AE1 (direct) -> AE2 (fanout); each stage routes what it can; a message reaches one queue only',
    async run(ch, wait, log) {
      const x = 'w.aec.x', ae1 = 'w.aec.ae1', ae2 = 'w.aec.ae2';
      const [qx, q1, q2] = ['w.aec.qx', 'w.aec.q1', 'w.aec.q2'];
      await ch.assertExchange(ae2, 'fanout', { durable: false });
      await ch.assertExchange(ae1, 'direct', { durable: false, alternateExchange: ae2 });
      await ch.assertExchange(x, 'direct', { durable: false, alternateExchange: ae1 });
      for (const q of [qx, q1, q2]) await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(qx, x, 'k');
      await ch.bindQueue(q1, ae1, 'k1');
      await ch.bindQueue(q2, ae2, '');
      const ret = returned(ch);
      for (const k of ['k', 'k1', 'zzz']) ch.publish(x, k, body(k), { mandatory: true });
      await wait(300);
      log({ qx: await drain(ch, qx), q1: await drain(ch, q1), q2: await drain(ch, q2), returned: ret });
      for (const q of [qx, q1, q2]) await ch.deleteQueue(q);
      for (const e of [x, ae1, ae2]) await ch.deleteExchange(e);
    },
  },
  {
    name: 'w-alternate-exchange-mandatory',
    desc: 'mandatory publish routed by an alternate exchange is not returned; if the alternate exchange routes nowhere, or does not exist, it is returned (312 NO_ROUTE)',
    async run(ch, wait, log) {
      const x = 'w.aem.x', ae = 'w.aem.ae', xmiss = 'w.aem.xmiss', q = 'w.aem.q';
      await ch.assertExchange(ae, 'topic', { durable: false });
      await ch.assertExchange(x, 'direct', { durable: false, alternateExchange: ae });
      await ch.assertExchange(xmiss, 'direct', { durable: false, alternateExchange: 'w.aem.nowhere' });
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, ae, 'caught.#');
      const ret = returned(ch);
      ch.publish(x, 'caught.one', body('1'), { mandatory: true });
      ch.publish(x, 'lost', body('2'), { mandatory: true });
      ch.publish(xmiss, 'any', body('3'), { mandatory: true });
      ch.publish(x, 'lost', body('4')); // not mandatory: silently dropped
      await wait(300);
      log({ q: await drain(ch, q), returned: ret });
      await ch.deleteQueue(q);
      for (const e of [x, ae, xmiss]) await ch.deleteExchange(e);
    },
  },
  {
    name: 'w-alternate-exchange-internal',
    desc: 'an internal exchange works as an alternate exchange although clients cannot publish to it (403)',
    async run(ch, wait, log, ctx) {
      const x = 'w.aei.x', ae = 'w.aei.ae', q = 'w.aei.q';
      await ch.assertExchange(ae, 'fanout', { durable: false, internal: true });
      await ch.assertExchange(x, 'direct', { durable: false, alternateExchange: ae });
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, ae, '');
      ch.publish(x, 'nomatch', body('via-ae'));
      await wait(300);
      log({ q: await drain(ch, q) });
      const c = await ctx.conn.createChannel();
      c.publish(ae, '', body('direct'));
      log({ direct: await attempt(c.checkQueue(q)) });
      await ch.deleteQueue(q);
      await ch.deleteExchange(x);
      await ch.deleteExchange(ae);
    },
  },
  {
    name: 'w-e2e-topic-direct-cycle',
    desc: 'exchange-to-exchange cycle mixing topic and direct: each queue gets a message at most once, whatever the number of paths',
    async run(ch, wait, log) {
      const t = 'w.e2e.t', d = 'w.e2e.d', f = 'w.e2e.f';
      const [qa, qb, qc] = ['w.e2e.qa', 'w.e2e.qb', 'w.e2e.qc'];
      await ch.assertExchange(t, 'topic', { durable: false });
      await ch.assertExchange(d, 'direct', { durable: false });
      await ch.assertExchange(f, 'fanout', { durable: false });
      for (const q of [qa, qb, qc]) await ch.assertQueue(q, { durable: false });
      await ch.bindExchange(d, t, 'a.*');      // t -> d
      await ch.bindExchange(t, d, 'a.b');      // d -> t (cycle)
      await ch.bindExchange(f, d, 'a.b');      // d -> f
      await ch.bindExchange(t, f, '');         // f -> t (cycle)
      await ch.bindQueue(qa, t, '#');
      await ch.bindQueue(qb, d, 'a.b');
      await ch.bindQueue(qb, t, 'a.#');        // second path to qb
      await ch.bindQueue(qc, f, '');
      for (const k of ['a.b', 'a.c', 'x']) ch.publish(t, k, body(`t:${k}`));
      ch.publish(d, 'a.b', body('d:a.b'));
      ch.publish(f, 'whatever', body('f:whatever'));
      await wait(300);
      log({ qa: await drain(ch, qa), qb: await drain(ch, qb), qc: await drain(ch, qc) });
      for (const q of [qa, qb, qc]) await ch.deleteQueue(q);
      for (const e of [t, d, f]) await ch.deleteExchange(e);
    },
  },
  {
    name: 'w-e2e-unbind-and-delete-destination',
    desc: 'unbindExchange stops the flow; deleting a destination exchange removes bindings to it; binding to a missing exchange is 404',
    async run(ch, wait, log, ctx) {
      const src = 'w.e2eu.src', dst = 'w.e2eu.dst', q = 'w.e2eu.q';
      await ch.assertExchange(src, 'fanout', { durable: false });
      await ch.assertExchange(dst, 'fanout', { durable: false });
      await ch.assertQueue(q, { durable: false });
      await ch.bindExchange(dst, src, '');
      await ch.bindQueue(q, dst, '');
      ch.publish(src, '', body('1'));
      await wait(200);
      await ch.unbindExchange(dst, src, '');
      ch.publish(src, '', body('2'));
      await wait(200);
      log({ afterUnbind: await drain(ch, q) });
      await ch.bindExchange(dst, src, '');
      await ch.deleteExchange(dst);
      await ch.assertExchange(dst, 'fanout', { durable: false });
      await ch.bindQueue(q, dst, '');
      ch.publish(src, '', body('3'));
      await wait(200);
      log({ afterRecreate: await drain(ch, q) });
      const c = await ctx.conn.createChannel();
      log({ bindMissing: await attempt(c.bindExchange('w.e2eu.none', src, '')) });
      await ch.deleteQueue(q);
      await ch.deleteExchange(src);
      await ch.deleteExchange(dst);
    },
  },
  {
    name: 'w-headers-with-x',
    desc: 'headers exchange: all/any ignore x- headers; all-with-x and any-with-x match them too',
    async run(ch, wait, log) {
      const x = 'w.hx.x';
      await ch.assertExchange(x, 'headers', { durable: false });
      const binds = {
        all: { 'x-match': 'all', 'x-tag': 'v', kind: 'k' },
        any: { 'x-match': 'any', 'x-tag': 'v', kind: 'k' },
        allx: { 'x-match': 'all-with-x', 'x-tag': 'v', kind: 'k' },
        anyx: { 'x-match': 'any-with-x', 'x-tag': 'v' },
      };
      for (const [n, args] of Object.entries(binds)) {
        await ch.assertQueue(`w.hx.${n}`, { durable: false });
        await ch.bindQueue(`w.hx.${n}`, x, '', args);
      }
      const msgs = {
        kOnly: { kind: 'k' },
        xOnly: { 'x-tag': 'v' },
        both: { kind: 'k', 'x-tag': 'v' },
        xWrong: { kind: 'k', 'x-tag': 'w' },
        none: {},
      };
      for (const [b, headers] of Object.entries(msgs)) ch.publish(x, '', body(b), { headers });
      await wait(300);
      const o = {};
      for (const n of Object.keys(binds)) o[n] = await drain(ch, `w.hx.${n}`);
      log(o);
      for (const n of Object.keys(binds)) await ch.deleteQueue(`w.hx.${n}`);
      await ch.deleteExchange(x);
    },
  },
  {
    name: 'w-headers-empty-and-unbind-args',
    desc: 'headers bindings: all with no headers matches everything, any with none matches nothing; unbinding needs the same arguments (else a no-op)',
    async run(ch, wait, log) {
      const x = 'w.hu.x', qa = 'w.hu.all', qn = 'w.hu.any', qu = 'w.hu.unb';
      await ch.assertExchange(x, 'headers', { durable: false });
      for (const q of [qa, qn, qu]) await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(qa, x, '', { 'x-match': 'all' });
      await ch.bindQueue(qn, x, '', { 'x-match': 'any' });
      await ch.bindQueue(qu, x, '', { 'x-match': 'all', a: 1 });
      await ch.bindQueue(qu, x, '', { 'x-match': 'all', b: 2 });
      ch.publish(x, '', body('h-a'), { headers: { a: 1 } });
      ch.publish(x, '', body('h-b'), { headers: { b: 2 } });
      ch.publish(x, '', body('h-none'));
      await wait(200);
      log({ before: await counts(ch, [qa, qn, qu]), unb: await drain(ch, qu) });
      await ch.unbindQueue(qu, x, '', { 'x-match': 'all', a: 2 }); // no such binding: no-op
      await ch.unbindQueue(qu, x, '', { b: 2, 'x-match': 'all' });  // same table, other key order
      ch.publish(x, '', body('h-a2'), { headers: { a: 1 } });
      ch.publish(x, '', body('h-b2'), { headers: { b: 2 } });
      await wait(200);
      log({ afterUnbind: await drain(ch, qu) });
      for (const q of [qa, qn, qu]) await ch.deleteQueue(q);
      await ch.deleteExchange(x);
    },
  },
  {
    name: 'w-topic-hash-middle',
    desc: 'topic patterns with # in the middle and at both ends: a.#.z, #.b.#, *.#.*, #.#',
    async run(ch, wait, log) {
      const x = 'w.thm.x';
      await ch.assertExchange(x, 'topic', { durable: false });
      const pats = ['a.#.z', '#.b.#', '*.#.*', '#.#', 'a.*.#.z'];
      for (const [i, p] of pats.entries()) {
        await ch.assertQueue(`w.thm.q${i}`, { durable: false });
        await ch.bindQueue(`w.thm.q${i}`, x, p);
      }
      const keys = ['a.z', 'a.b.z', 'a.b.c.z', 'a.b', 'b', 'z.a.z', 'a', '', 'a..z', '.b.'];
      for (const k of keys) ch.publish(x, k, body(k === '' ? '(empty)' : k));
      await wait(300);
      const o = {};
      for (const [i, p] of pats.entries()) o[p] = await drain(ch, `w.thm.q${i}`);
      log(o);
      for (const i of pats.keys()) await ch.deleteQueue(`w.thm.q${i}`);
      await ch.deleteExchange(x);
    },
  },
  {
    name: 'w-bind-twice-idempotent',
    desc: 'binding the same queue with the same key twice is one binding: one copy per message, and one unbind removes it',
    async run(ch, wait, log) {
      const x = 'w.b2.x', q = 'w.b2.q';
      await ch.assertExchange(x, 'direct', { durable: false });
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, x, 'k');
      await ch.bindQueue(q, x, 'k');
      await ch.bindQueue(q, x, 'j');
      ch.publish(x, 'k', body('k1'));
      await wait(200);
      log({ afterDoubleBind: await drain(ch, q) });
      await ch.unbindQueue(q, x, 'k');
      ch.publish(x, 'k', body('k2'));
      ch.publish(x, 'j', body('j2'));
      await wait(200);
      log({ afterOneUnbind: await drain(ch, q) });
      log({ unbindAgain: await attempt(ch.unbindQueue(q, x, 'k')) });
      await ch.deleteQueue(q);
      await ch.deleteExchange(x);
    },
  },
  {
    name: 'w-direct-empty-key',
    desc: 'direct exchange: a binding with the empty key matches only the empty routing key; the default exchange with the empty key routes nowhere',
    async run(ch, wait, log) {
      const x = 'w.dek.x', q = 'w.dek.q';
      await ch.assertExchange(x, 'direct', { durable: false });
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, x, '');
      const ret = returned(ch);
      ch.publish(x, '', body('empty'), { mandatory: true });
      ch.publish(x, 'x', body('x'), { mandatory: true });
      ch.publish('', '', body('default-empty'), { mandatory: true });
      await wait(300);
      log({ q: await drain(ch, q), returned: ret });
      await ch.deleteQueue(q);
      await ch.deleteExchange(x);
    },
  },
  {
    name: 'w-send-to-missing-queue',
    desc: 'sendToQueue to a queue that does not exist is dropped silently; with mandatory it is returned 312 NO_ROUTE; the channel stays open',
    async run(ch, wait, log) {
      const ret = returned(ch);
      ch.sendToQueue('w.missing.q', body('lost'));
      ch.sendToQueue('w.missing.q', body('back'), { mandatory: true });
      await wait(300);
      log({ returned: ret });
      log({ channelOpen: await attempt(ch.assertQueue('w.missing.probe', { durable: false })) });
      await ch.deleteQueue('w.missing.probe');
    },
  },
  {
    name: 'w-publish-missing-exchange',
    desc: 'publishing to a missing exchange closes the channel with 404 NOT_FOUND; the pending call gets the error, later calls get Channel closed; other channels are unaffected',
    async run(ch, wait, log, ctx) {
      const c = await ctx.conn.createChannel();
      const errs = [];
      c.on('error', (e) => errs.push(e.code));
      c.publish('w.nope.x', 'k', body('x'));
      log({ pending: await attempt(c.assertQueue('w.pme.q', { durable: false })) });
      log({ later: await attempt(c.assertQueue('w.pme.q', { durable: false })) });
      log({ errorEvents: errs });
      log({ otherChannel: await attempt(ch.checkExchange('amq.direct')) });
      log({ publishAfterClose: await attempt(async () => c.publish('', 'w.pme.q', body('y'))) });
    },
  },
  {
    name: 'w-mandatory-multi-queue',
    desc: 'mandatory publish that reaches at least one queue is not returned; fanout to zero queues is returned with the original exchange and key',
    async run(ch, wait, log) {
      const f = 'w.mmq.f', d = 'w.mmq.d', q = 'w.mmq.q';
      await ch.assertExchange(f, 'fanout', { durable: false });
      await ch.assertExchange(d, 'direct', { durable: false });
      await ch.assertQueue(q, { durable: false });
      await ch.bindQueue(q, d, 'a');
      const ret = returned(ch);
      ch.publish(f, 'k1', body('fanout-empty'), { mandatory: true, headers: { h: 1 }, priority: 3 });
      ch.publish(d, 'a', body('ok'), { mandatory: true, CC: ['nobody'] });
      ch.publish(d, 'nobody', body('cc-rescues'), { mandatory: true, CC: ['a'] });
      await wait(300);
      log({ q: await drain(ch, q), returned: ret });
      await ch.deleteQueue(q);
      await ch.deleteExchange(f);
      await ch.deleteExchange(d);
    },
  },
];
