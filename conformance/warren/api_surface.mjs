// amqplib's API surface, table by table: every channel and connection method of the promise API with its
// reply shape, every publish option as the receiver sees it, the fields and property keys of a delivered
// and a got message, and the client-side errors (closed channel, closed connection, invalid arguments) with
// their class and message (api_client_errors.mjs). Each row logs what happened, so one recording covers the
// whole table. The callback API's rows are in api_surface_callback.mjs.
import { body } from './lib.mjs';

/** Plain data for whatever a call gave: a reply (server-named names by prefix), a message, or an error. */
export function outcome(r) {
  if (r === undefined) return { returned: 'undefined' };
  if (r === null || typeof r !== 'object') return { returned: r };
  if (r.content && r.fields) return { message: messageView(r) };
  const o = {};
  for (const k of Object.keys(r).sort()) {
    const v = r[k];
    if (typeof v === 'string' && v.startsWith('amq.gen-')) o[k] = `amq.gen-(${v.length})`;
    else if (typeof v === 'string' && v.startsWith('amq.ctag-')) o[k] = 'amq.ctag-*';
    else o[k] = v === undefined ? 'undefined' : v;
  }
  return { reply: o };
}

/** An error as amqplib makes it: class, message, and the AMQP fields it sets. */
export function errorView(e) {
  const o = { thrown: e && e.constructor ? e.constructor.name : typeof e, name: e && e.name, message: e && e.message };
  for (const k of ['code', 'classId', 'methodId']) if (e && e[k] !== undefined) o[k] = e[k];
  return o;
}

/** Runs one row: a call that may return, resolve, throw or reject. */
export async function row(label, fn) {
  if (globalThis.process?.env?.WARREN_DEBUG_ROWS) console.error(`row: ${label}`);
  try {
    let r = fn();
    const isPromise = r && typeof r.then === 'function';
    if (isPromise) r = await r;
    return { call: label, ...(isPromise ? { resolved: outcome(r) } : { sync: outcome(r) }) };
  } catch (e) {
    return { call: label, error: errorView(e) };
  }
}

/** Fields and property keys of a message, values made plain (Buffers as strings, undefined named). */
export function messageView(m) {
  const plainV = (v) => (v === undefined ? 'undefined' : Buffer.isBuffer(v) ? `buffer:${v.toString()}` : v);
  const fields = {};
  for (const k of Object.keys(m.fields).sort()) {
    fields[k] = k === 'consumerTag' && String(m.fields[k]).startsWith('amq.ctag-') ? 'amq.ctag-*' : plainV(m.fields[k]);
  }
  const properties = {};
  for (const k of Object.keys(m.properties).sort()) {
    const v = m.properties[k];
    properties[k] = k === 'headers' && v ? Object.fromEntries(Object.keys(v).sort().map((h) => [h, plainV(v[h])])) : plainV(v);
  }
  return { body: m.content.toString(), contentIsBuffer: Buffer.isBuffer(m.content), fields, properties };
}

const P = 'w.api.';

export const scenarios = [
  {
    name: 'w-api-channel-replies',
    desc: 'amqplib promise API: every channel method once, with the shape of what it returns (replies, booleans, undefined) on RabbitMQ 3.10.8',
    async run(ch, wait, log, ctx) {
      const out = [];
      const add = async (label, fn) => out.push(await row(label, fn));
      await add('assertQueue(name, {durable:false})', () => ch.assertQueue(`${P}q`, { durable: false }));
      await add('assertQueue() server-named', () => ch.assertQueue('', { exclusive: true }));
      await add('assertQueue(name) default options', () => ch.assertQueue(`${P}q2`));
      await add('checkQueue', () => ch.checkQueue(`${P}q`));
      await add('assertExchange(topic)', () => ch.assertExchange(`${P}x`, 'topic', { durable: false }));
      await add('assertExchange(fanout, internal, autoDelete, alternateExchange)', () => ch.assertExchange(`${P}x2`, 'fanout', { durable: false, internal: true, autoDelete: true, alternateExchange: `${P}ae` }));
      await add('checkExchange', () => ch.checkExchange(`${P}x`));
      await add('bindQueue', () => ch.bindQueue(`${P}q`, `${P}x`, 'a.#'));
      await add('bindQueue with args', () => ch.bindQueue(`${P}q`, `${P}x`, 'b', { k: 1 }));
      await add('bindExchange', () => ch.bindExchange(`${P}x2`, `${P}x`, '#'));
      await add('unbindExchange', () => ch.unbindExchange(`${P}x2`, `${P}x`, '#'));
      await add('publish returns', () => ch.publish(`${P}x`, 'a.b', body('m1')));
      await add('sendToQueue returns', () => ch.sendToQueue(`${P}q`, body('m2')));
      await wait(100);
      await add('purgeQueue', () => ch.purgeQueue(`${P}q`));
      ch.sendToQueue(`${P}q`, body('m3'));
      ch.sendToQueue(`${P}q`, body('m4'));
      ch.sendToQueue(`${P}q`, body('m5'));
      await wait(100);
      await add('prefetch(1)', () => ch.prefetch(1));
      await add('prefetch(5, true)', () => ch.prefetch(5, true));
      await add('get(noAck:false)', () => ch.get(`${P}q`));
      await add('get(noAck:true)', () => ch.get(`${P}q`, { noAck: true }));
      await add('recover', () => ch.recover());
      await wait(100);
      let delivered = null;
      await add('consume with consumerTag', () => ch.consume(`${P}q`, (m) => { delivered = m; }, { consumerTag: 'w.api.ctag' }));
      await wait(100);
      out.push({ call: 'delivered message', value: delivered ? messageView(delivered) : null });
      await add('ack returns', () => ch.ack(delivered));
      await add('cancel', () => ch.cancel('w.api.ctag'));
      await add('consume server tag', () => ch.consume(`${P}q`, () => {}, { noAck: true }));
      await add('ackAll returns', () => ch.ackAll());
      await add('nackAll returns', () => ch.nackAll());
      await add('get empty', () => ch.get(`${P}q2`));
      await add('unbindQueue', () => ch.unbindQueue(`${P}q`, `${P}x`, 'a.#'));
      await add('deleteExchange(ifUnused)', () => ch.deleteExchange(`${P}x2`, { ifUnused: true }));
      await add('deleteExchange', () => ch.deleteExchange(`${P}x`));
      await add('deleteQueue', () => ch.deleteQueue(`${P}q`));
      await add('deleteQueue(ifUnused, ifEmpty)', () => ch.deleteQueue(`${P}q2`, { ifUnused: true, ifEmpty: true }));
      await add('close', () => ch.close());
      log({ rows: out });
    },
  },
  {
    name: 'w-api-publish-options',
    desc: 'amqplib promise API: every publish option and how it reaches a consumer and basic.get (fields and property keys, undefined ones included)',
    async run(ch, wait, log) {
      const q = `${P}opts`;
      await ch.assertQueue(q, { durable: false });
      const rows = [
        ['no options', {}],
        ['contentType, contentEncoding', { contentType: 'text/plain', contentEncoding: 'utf-8' }],
        ['headers', { headers: { s: 'v', n: 1, big: 100000, neg: -3, f: 1.5, b: true, arr: [1, 'a'], nested: { k: 'v' } } }],
        ['persistent', { persistent: true }],
        ['deliveryMode 1', { deliveryMode: 1 }],
        ['deliveryMode true', { deliveryMode: true }],
        ['priority', { priority: 3 }],
        ['correlationId, replyTo', { correlationId: 'c1', replyTo: 'somewhere' }],
        ['expiration number', { expiration: 60000 }],
        ['expiration string', { expiration: '60000' }],
        ['messageId, timestamp, type, appId', { messageId: 'id1', timestamp: 1700000000, type: 't', appId: 'app' }],
        ['userId matching', { userId: 'guest' }],
        ['CC and BCC', { CC: 'w.api.nowhere', BCC: ['w.api.nowhere2'] }],
        ['mandatory false', { mandatory: false }],
      ];
      const out = [];
      for (const [label, opts] of rows) {
        ch.sendToQueue(q, body(label), opts);
        await wait(50);
        const m = await ch.get(q, { noAck: true });
        out.push({ options: label, got: m ? messageView(m) : false });
      }
      let delivered = null;
      await ch.consume(q, (m) => { delivered = m; }, { noAck: true, consumerTag: 'w.api.opts' });
      ch.sendToQueue(q, body('consumed'), { persistent: true, headers: { h: 'x' } });
      await wait(100);
      out.push({ options: 'delivered to a consumer', got: delivered ? messageView(delivered) : null });
      log({ rows: out });
      await ch.deleteQueue(q);
    },
  },
];
