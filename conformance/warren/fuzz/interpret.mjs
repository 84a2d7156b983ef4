// Interpreter of fuzz scripts (scripts/real/fuzz.ts generates them): turns a plain-data script -- a topology
// and a sequence of channel operations -- into a conformance scenario `{name, desc, run(ch, wait, log, ctx)}`.
// Every reference in a script is an index taken modulo what exists when it runs, so any sub-sequence of a
// valid script is valid too (that is what lets the fuzzer shrink a divergence to a minimal script).
//
// Script shape:
//   { exchanges: [{ type, ae? }],                       ae: index of another exchange (alternate-exchange)
//     queues: [{ maxLength?, maxLengthBytes?, overflow?, maxPriority?, messageTtl?, dlx?: { ex, rk? }, sac?, quorum?, deliveryLimit? }],
//                                                       dlx.ex: -1 = default exchange, else an exchange index;
//                                                       dlx.rk: a queue index (its name is the routing key)
//     bindings: [{ src, toQueue, dest, key, hdr? }],    hdr: { match: 'all'|'any'|'all-with-x'|'any-with-x', h: 1|2,
//                                                       k?: 'x-h' } for headers (binds header k, default 'h', to h)
//     ops: [ { op: 'publish', ex, key, q?, props: { priority?, expiration?, h?, xh?, mandatory?, cc? } }   ex -1: default;
//                                                       h / xh: the headers `h` / `x-h`
//          | { op: 'confirmPublish', ex, key, q?, props, frames? }   frames: also log the channel's 'ack' / 'nack'
//                                                       events ({deliveryTag, multiple}) since the last confirm
//          | { op: 'get', q, noAck } | { op: 'check', q } | { op: 'purge', q }
//          | { op: 'ack' | 'nack' | 'reject', h, i, multiple?, requeue? }   holder h, i-th unacked message
//          | { op: 'consume', q, prefetch, noAck, priority?, same?, global? }    same: on the previous consumer's
//                                                       channel if open; global: prefetch(n, true)
//          | { op: 'cancel', c } | { op: 'close', c } | { op: 'recover', h } | { op: 'unbind', b }  b: a binding index
//          | { op: 'deleteQueue', q, ifEmpty?, ifUnused? } | { op: 'wait', ms }
//          | { op: 'rpc', q, consumeFirst, noAck, cancel?, mandatory? } ],
//     api?: 'callback' }                                 the whole script on amqplib's callback API
//                                                       (ctx.connectCallback), main channel included   Direct Reply-to: on the rpc channel,
//                                                       consume amq.rabbitmq.reply-to (noAck as given) unless it
//                                                       already does (cancel: stop consuming first), send a request
//                                                       to queue q with replyTo; the main channel gets one message
//                                                       from q and, if it has a reply-to, answers it (mandatory?)
import { body, info, attempt, err } from '../lib.mjs';
import { promiseConnection } from './callback-style.mjs';

const SETTLE_MS = 30; // after every operation, so asynchronous deliveries land before the next one

const view = (m) => {
  if (!m) return m === false ? false : null;
  const i = info(m);
  delete i.exchange; // same information as the script; keeps logs short
  return i;
};

export function scriptScenario(script, { name = 'fuzz', desc = 'generated script', prefix = 'fz.' } = {}) {
  return { name, desc, run: (ch, wait, log, ctx) => runScript(script, prefix, ch, wait, log, ctx) };
}

export async function runScript(script, P, ch0, wait, log, ctx) {
  const X = (i) => `${P}x${i}`;
  const Q = (i) => `${P}q${i}`;
  const nx = script.exchanges.length;
  const nq = script.queues.length;
  const exName = (i) => (i < 0 || nx === 0 ? '' : X(i % nx));
  const qName = (i) => Q(((i % nq) + nq) % nq);
  const returned = [];
  const main = { ch: ch0, unacked: [], open: true, label: 'main' };
  const watch = (h) => {
    h.ch.on('close', () => { h.open = false; });
    h.ch.on('return', (m) => returned.push(view(m)));
  };
  watch(main);
  const holders = [main];
  const consumers = [];
  let confirmCh = null;
  let confirmFrames = [];
  const REPLY_TO = 'amq.rabbitmq.reply-to';
  const replyName = (s) => (typeof s === 'string' && s.startsWith(`${REPLY_TO}.`) ? `${REPLY_TO}.*` : s);
  let rpc = null; // { ch, open, tag }
  const replies = [];
  const callbackStyle = script.api === 'callback';
  const connect = async () => (callbackStyle ? promiseConnection(await ctx.connectCallback()) : ctx.connect());
  let conn = callbackStyle ? await connect() : ctx.conn;
  if (callbackStyle) { main.ch = await conn.createChannel(); watch(main); }
  const fresh = async () => {
    try {
      return await conn.createChannel();
    } catch {
      // the connection was closed by a connection-level error (e.g. 540, 530): carry on with a new one
      conn = await connect();
      log({ newConnection: true });
      return conn.createChannel();
    }
  };
  const useMain = async () => {
    if (!main.open) {
      main.ch = await fresh();
      main.open = true;
      main.unacked = [];
      watch(main);
      log({ reopenedMainChannel: true });
    }
    return main.ch;
  };

  // topology
  for (const [i, e] of script.exchanges.entries()) {
    const opts = { durable: false };
    if (e.ae !== undefined && nx > 1) opts.alternateExchange = X(e.ae % nx === i ? (i + 1) % nx : e.ae % nx);
    const r = await attempt((await useMain()).assertExchange(X(i), e.type, opts));
    if (r.error) log({ declareExchange: i, r });
  }
  for (const [i, q] of script.queues.entries()) {
    const args = {};
    if (q.maxLength !== undefined) args['x-max-length'] = q.maxLength;
    if (q.maxLengthBytes !== undefined) args['x-max-length-bytes'] = q.maxLengthBytes;
    if (q.overflow !== undefined) args['x-overflow'] = q.overflow;
    if (q.maxPriority !== undefined) args['x-max-priority'] = q.maxPriority;
    if (q.messageTtl !== undefined) args['x-message-ttl'] = q.messageTtl;
    if (q.dlx) {
      args['x-dead-letter-exchange'] = exName(q.dlx.ex);
      if (q.dlx.rk !== undefined) args['x-dead-letter-routing-key'] = qName(q.dlx.rk);
    }
    if (q.sac) args['x-single-active-consumer'] = true;
    if (q.quorum) {
      args['x-queue-type'] = 'quorum';
      if (q.deliveryLimit !== undefined) args['x-delivery-limit'] = q.deliveryLimit;
    }
    const r = await attempt((await useMain()).assertQueue(Q(i), { durable: !!q.quorum, arguments: args }));
    if (r.error) log({ declareQueue: i, r });
  }
  const bindArgs = (b) => (b.hdr ? { 'x-match': b.hdr.match, [b.hdr.k || 'h']: b.hdr.h } : undefined);
  if (nx > 0) {
    for (const b of script.bindings) {
      const src = X(b.src % nx);
      const c = await useMain();
      const r = b.toQueue ? await attempt(c.bindQueue(qName(b.dest), src, b.key, bindArgs(b))) : await attempt(c.bindExchange(X(b.dest % nx), src, b.key, bindArgs(b)));
      if (r.error) log({ bind: b, r });
    }
  }

  const pick = (h, i) => (h.unacked.length ? h.unacked[((i % h.unacked.length) + h.unacked.length) % h.unacked.length] : null);
  const drop = (h, m, multiple) => {
    const tag = m.fields.deliveryTag;
    h.unacked = h.unacked.filter((x) => (multiple ? x.fields.deliveryTag > tag : x !== m));
  };
  const holderOf = (k) => holders[((k % holders.length) + holders.length) % holders.length];
  const pubArgs = (o) => {
    const p = o.props || {};
    const opts = {};
    if (p.priority !== undefined) opts.priority = p.priority;
    if (p.expiration !== undefined) opts.expiration = p.expiration;
    if (p.h !== undefined || p.xh !== undefined) {
      opts.headers = {};
      if (p.h !== undefined) opts.headers.h = p.h;
      if (p.xh !== undefined) opts.headers['x-h'] = p.xh;
    }
    if (p.mandatory) opts.mandatory = true;
    if (p.cc !== undefined) opts.CC = [p.cc];
    const ex = exName(o.ex);
    const key = ex === '' && o.q !== undefined ? qName(o.q) : o.key;
    return [ex, key, opts];
  };

  for (const [k, o] of script.ops.entries()) {
    switch (o.op) {
      case 'publish': {
        const [ex, key, opts] = pubArgs(o);
        (await useMain()).publish(ex, key, body(`m${k}`), opts);
        break;
      }
      case 'confirmPublish': {
        if (!confirmCh || !confirmCh.open) {
          confirmCh = { ch: await conn.createConfirmChannel(), open: true };
          const cc = confirmCh;
          cc.ch.on('close', () => { cc.open = false; });
          cc.ch.on('return', (m) => returned.push(view(m)));
          cc.ch.on('ack', (f) => confirmFrames.push({ ack: f.deliveryTag, multiple: f.multiple }));
          cc.ch.on('nack', (f) => confirmFrames.push({ nack: f.deliveryTag, multiple: f.multiple }));
        }
        const [ex, key, opts] = pubArgs(o);
        const res = await new Promise((resolve) => {
          try {
            confirmCh.ch.publish(ex, key, body(`m${k}`), opts, (e) => resolve(e ? 'nack' : 'ack'));
          } catch (e) { resolve(`throws: ${e.message}`); }
        });
        if (o.frames) {
          await wait(SETTLE_MS);
          log({ k, confirm: res, frames: confirmFrames });
        } else log({ k, confirm: res });
        confirmFrames = [];
        break;
      }
      case 'get': {
        const c = await useMain();
        const r = await attempt(async () => {
          const m = await c.get(qName(o.q), { noAck: !!o.noAck });
          if (m && !o.noAck) main.unacked.push(m);
          return { m: view(m) };
        });
        log({ k, get: r.ok ? r.result.m : r });
        break;
      }
      case 'check':
        log({ k, check: await attempt((await useMain()).checkQueue(qName(o.q))) });
        break;
      case 'purge':
        log({ k, purge: await attempt((await useMain()).purgeQueue(qName(o.q))) });
        break;
      case 'ack': case 'nack': case 'reject': {
        const h = holderOf(o.h);
        const m = pick(h, o.i);
        if (!m || !h.open) break;
        if (o.op === 'ack') { h.ch.ack(m, !!o.multiple); drop(h, m, !!o.multiple); }
        else if (o.op === 'nack') { h.ch.nack(m, !!o.multiple, !!o.requeue); drop(h, m, !!o.multiple); }
        else { h.ch.reject(m, !!o.requeue); drop(h, m, false); }
        break;
      }
      case 'consume': {
        const prev = consumers.length ? consumers[consumers.length - 1].h : null;
        const shared = o.same && prev && prev.open;
        const h = shared ? prev : { ch: await fresh(), unacked: [], open: true, label: `c${k}` };
        const c = h.ch;
        if (!shared) watch(h);
        const got = [];
        const tag = `c${k}`;
        if (o.prefetch) await c.prefetch(o.prefetch, !!o.global);
        const opts = { noAck: !!o.noAck, consumerTag: tag };
        if (o.priority !== undefined) opts.priority = o.priority;
        const r = await attempt(c.consume(qName(o.q), (m) => {
          if (m === null) { got.push('cancelled'); return; }
          got.push(view(m));
          if (!o.noAck) h.unacked.push(m);
        }, opts));
        log({ k, consume: r.ok ? 'ok' : r });
        if (!shared) holders.push(h);
        consumers.push({ tag, h, got });
        break;
      }
      case 'cancel': {
        if (!consumers.length) break;
        const cs = consumers[o.c % consumers.length];
        if (!cs.h.open) break;
        log({ k, cancel: cs.tag, r: (await attempt(cs.h.ch.cancel(cs.tag))).ok === true });
        break;
      }
      case 'close': {
        if (!consumers.length) break;
        const cs = consumers[o.c % consumers.length];
        if (!cs.h.open) break;
        try { await cs.h.ch.close(); } catch { /* already closed */ }
        cs.h.open = false;
        cs.h.unacked = [];
        break;
      }
      case 'recover': {
        const h = holderOf(o.h);
        if (!h.open) break;
        const r = await attempt(h.ch.recover());
        if (r.ok) h.unacked = [];
        log({ k, recover: r.ok ? 'ok' : r });
        break;
      }
      case 'deleteQueue': {
        const c = await fresh();
        const opts = {};
        if (o.ifEmpty) opts.ifEmpty = true;
        if (o.ifUnused) opts.ifUnused = true;
        const r = await attempt(c.deleteQueue(qName(o.q), opts));
        log({ k, deleteQueue: r });
        if (r.ok) await c.close();
        break;
      }
      case 'unbind': {
        if (!script.bindings.length || nx === 0) break;
        const b = script.bindings[o.b % script.bindings.length];
        const c = await useMain();
        const src = X(b.src % nx);
        const r = b.toQueue ? await attempt(c.unbindQueue(qName(b.dest), src, b.key, bindArgs(b))) : await attempt(c.unbindExchange(X(b.dest % nx), src, b.key, bindArgs(b)));
        log({ k, unbind: r.ok ? 'ok' : r });
        break;
      }
      case 'wait':
        await wait(o.ms);
        break;
      case 'rpc': {
        if (!rpc || !rpc.open) {
          const r0 = { ch: await fresh(), open: true, tag: null };
          r0.ch.on('close', () => { r0.open = false; });
          rpc = r0;
        }
        const r = rpc;
        if (o.cancel && r.tag) {
          log({ k, cancelReplies: (await attempt(r.ch.cancel(r.tag))).ok === true });
          r.tag = null;
        }
        if (o.consumeFirst && !r.tag && r.open) {
          const res = await attempt(r.ch.consume(REPLY_TO, (m) => replies.push(m === null ? 'cancelled' : { body: m.content.toString(), routingKey: replyName(m.fields.routingKey), correlationId: m.properties.correlationId, deliveryTag: m.fields.deliveryTag }), { noAck: !!o.noAck, consumerTag: `rpc${k}` }));
          if (res.ok) r.tag = `rpc${k}`;
          log({ k, consumeReplyTo: res.ok ? 'ok' : res });
        }
        if (r.open) {
          try { r.ch.publish('', qName(o.q), body(`r${k}`), { replyTo: REPLY_TO, correlationId: `c${k}` }); } catch (e) { log({ k, request: `throws: ${e.message}` }); }
        }
        await wait(SETTLE_MS);
        const c = await useMain();
        let req = null;
        let failed = null;
        try { req = await c.get(qName(o.q), { noAck: true }); } catch (e) { failed = err(e); }
        log({ k, rpcRequest: failed ?? (req ? { body: req.content.toString(), replyTo: replyName(req.properties.replyTo) ?? null } : false) });
        if (req && req.properties.replyTo) {
          const opts = { correlationId: req.properties.correlationId };
          if (o.mandatory) opts.mandatory = true;
          c.publish('', req.properties.replyTo, body(`re${k}`), opts);
        }
        break;
      }
      default:
        throw new Error(`unknown op ${o.op}`);
    }
    await wait(SETTLE_MS);
  }

  // what each consumer saw, then the queues after every channel but the first has closed
  await wait(100);
  log({ consumers: consumers.map((c) => c.got) });
  if (rpc) log({ replies, rpcChannelOpen: rpc.open });
  for (const h of holders.slice(1)) if (h.open) { try { await h.ch.close(); } catch { /* closed */ } }
  if (confirmCh && confirmCh.open) { try { await confirmCh.ch.close(); } catch { /* closed */ } }
  await wait(100);
  let inspect = await fresh();
  const queues = [];
  for (let i = 0; i < nq; i++) {
    const r = await attempt(inspect.checkQueue(Q(i)));
    if (!r.ok) { queues.push({ q: i, r }); inspect = await fresh(); continue; }
    const msgs = [];
    for (let n = 0; n < 200; n++) {
      const m = await inspect.get(Q(i), { noAck: true });
      if (!m) break;
      const v = view(m);
      delete v.deliveryTag;
      delete v.messageCount;
      msgs.push(v);
    }
    queues.push({ q: i, messageCount: r.result.messageCount, msgs });
  }
  log({ queues, returned });
  for (let i = 0; i < nq; i++) await attempt(inspect.deleteQueue(Q(i)));
  for (let i = 0; i < nx; i++) await attempt(inspect.deleteExchange(X(i)));
}
