// Copy of the shared conformance helpers (conformance/README.md), so the project's own cases stand alone.
// Pure helpers shared by scenarios. They only read the amqplib message shape
// ({content, fields, properties}) and error objects ({code, message}), so a simulated
// broker that produces the same shapes can reuse them unchanged.

/** Message body from a string (amqplib wants a Buffer; a simulator may shim this). */
export const body = (s) => Buffer.from(String(s));

/** Drop non-deterministic parts of a headers table and make it plain JSON. */
export function cleanHeaders(h) {
  if (!h) return undefined;
  const out = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    if (k === 'x-death' && Array.isArray(v)) {
      out[k] = v.map((d) => {
        const { time, ...rest } = d; // 'time' is a wall-clock timestamp
        return plain(rest);
      });
    } else out[k] = plain(v);
  }
  return Object.keys(out).length ? out : undefined;
}

function plain(v) {
  if (v === null || v === undefined) return v ?? null;
  if (Buffer.isBuffer(v)) return v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) o[k] = plain(v[k]);
    return o;
  }
  return v;
}

/** Plain-data view of a delivered / got / returned message (false from get stays false). */
export function info(msg) {
  if (!msg) return msg === false ? false : null;
  const f = msg.fields || {};
  const p = msg.properties || {};
  const o = { body: msg.content.toString() };
  for (const k of ['deliveryTag', 'redelivered', 'exchange', 'routingKey', 'messageCount', 'replyCode', 'replyText']) {
    if (f[k] !== undefined) o[k] = f[k];
  }
  if (p.priority !== undefined) o.priority = p.priority;
  if (p.expiration !== undefined) o.expiration = p.expiration;
  const h = cleanHeaders(p.headers);
  if (h) o.headers = h;
  return o;
}

/** Just the bodies, in order. */
export const bodies = (msgs) => msgs.map((m) => m.content.toString());

/** The x-death entries of a message (without 'time'), or null. */
export function xdeath(msg) {
  const h = cleanHeaders(msg && msg.properties && msg.properties.headers);
  return (h && h['x-death']) || null;
}

/** Plain-data view of a broker error (channel/connection exception). */
export function err(e) {
  const m = /with message "([^"]*)"/.exec(e && e.message ? e.message : '');
  return { error: true, code: e && e.code !== undefined ? e.code : null, text: m ? m[1] : String(e && e.message) };
}

/** Run an operation that is expected to fail; returns its result or err(e). */
export async function attempt(p) {
  try {
    const r = await (typeof p === 'function' ? p() : p);
    return { ok: true, result: r === undefined ? null : plainReply(r) };
  } catch (e) {
    return err(e);
  }
}

/** Plain-data view of a method reply (assertQueue, checkQueue, purgeQueue, ...). */
export function plainReply(r) {
  if (r === null || r === undefined || typeof r !== 'object') return r ?? null;
  const o = {};
  for (const k of Object.keys(r).sort()) {
    if (k === 'consumerTag' && /^amq\.ctag/.test(r[k])) continue;
    o[k] = plain(r[k]);
  }
  return o;
}

/** Drain a queue with basic.get (noAck) and return bodies. */
export async function drain(ch, q) {
  const out = [];
  for (;;) {
    const m = await ch.get(q, { noAck: true });
    if (!m) return out;
    out.push(m.content.toString());
  }
}

/** Drain a queue with basic.get (noAck) and return info() for each. */
export async function drainInfo(ch, q) {
  const out = [];
  for (;;) {
    const m = await ch.get(q, { noAck: true });
    if (!m) return out;
    const i = info(m);
    delete i.deliveryTag;
    delete i.messageCount;
    out.push(i);
  }
}

/** Message counts (ready) for a list of queues, as {name: count}. */
export async function counts(ch, qs) {
  const o = {};
  for (const q of qs) o[q] = (await ch.checkQueue(q)).messageCount;
  return o;
}
