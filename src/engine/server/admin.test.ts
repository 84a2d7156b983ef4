import { describe, expect, it } from 'vitest';
import { createBroker, type ConsumeMessage, type TraceEvent } from '../index';

const body = (s: string) => new TextEncoder().encode(s);
const text = (m: { content: Uint8Array } | false) => (m ? new TextDecoder().decode(m.content) : m);

describe('users, vhosts and permissions', () => {
  it('refuses logins and vhosts with RabbitMQ codes and texts', async () => {
    const b = createBroker();
    await b.admin.addUser('u', 'pw', ['management']);
    await expect(b.connect({ user: 'u', password: 'no' })).rejects.toMatchObject({ code: 403 });
    await expect(b.connect({ user: 'u', password: 'pw' })).rejects.toThrow("NOT_ALLOWED - access to vhost '/' refused for user 'u'");
    await expect(b.connect({ vhost: 'nope' })).rejects.toThrow('NOT_ALLOWED - vhost nope not found');
    await b.admin.setPermissions('u', '/', '', '', '');
    await expect(b.connect({ user: 'u', password: 'pw' })).resolves.toBeTruthy();
    expect(b.admin.users()).toEqual([{ name: 'guest', tags: ['administrator'] }, { name: 'u', tags: ['management'] }]);
  });

  it('checks permissions per operation and caches passed checks per channel', async () => {
    const b = createBroker();
    const admin = await (await b.connect()).createChannel();
    await admin.assertQueue('q', { durable: false });
    admin.sendToQueue('q', body('1'));
    admin.sendToQueue('q', body('2'));
    await b.admin.addUser('u', 'pw');
    await b.admin.setPermissions('u', '/', '^$', '^$', '^q$');
    const conn = await b.connect({ user: 'u', password: 'pw' });
    const ch = await conn.createChannel();
    expect(text(await ch.get('q', { noAck: true }))).toBe('1');
    await b.admin.setPermissions('u', '/', '^$', '^$', '^$');
    expect(text(await ch.get('q', { noAck: true }))).toBe('2'); // cached on this channel
    const fresh = await conn.createChannel();
    await expect(fresh.get('q')).rejects.toThrow("ACCESS_REFUSED - access to queue 'q' in vhost '/' refused for user 'u'");
    expect(conn.isOpen).toBe(true);
    expect(await (await conn.createChannel()).checkQueue('q')).toMatchObject({ messageCount: 0 }); // passive: no permission needed
  });

  it('rejects invalid regexes and unknown users or vhosts, changing nothing', async () => {
    const b = createBroker();
    await expect(b.admin.setPermissions('guest', '/', '(', '.*', '.*')).rejects.toThrow(/invalid configure regex/);
    await expect(b.admin.setPermissions('ghost', '/', '.*', '.*', '.*')).rejects.toThrow(/no such user/);
    await expect(b.admin.setPermissions('guest', 'nope', '.*', '.*', '.*')).rejects.toThrow(/no such vhost/);
    expect(b.admin.permissions()).toEqual([{ user: 'guest', vhost: '/', configure: '.*', write: '.*', read: '.*' }]);
  });

  it('deleting a vhost or a user closes their connections with 320; a re-created vhost has no permissions', async () => {
    const b = createBroker();
    await b.admin.addVhost('v');
    await b.admin.setPermissions('guest', 'v', '.*', '.*', '.*');
    const conn = await b.connect({ vhost: 'v' });
    const closes: unknown[] = [];
    conn.on('close', (e: { message: string }) => closes.push(e.message));
    await (await conn.createChannel()).assertQueue('q');
    await b.admin.deleteVhost('v');
    await b.advance(1);
    expect(closes).toEqual(['Connection closed: 320 (CONNECTION-FORCED) with message "CONNECTION_FORCED - vhost \'v\' is deleted"']);
    await b.admin.addVhost('v');
    expect(b.admin.vhostList()).toEqual(['/', 'v']);
    await expect(b.connect({ vhost: 'v' })).rejects.toMatchObject({ code: 530 });
  });
});

describe('policies', () => {
  it('apply by pattern and apply-to, highest priority only; lower max-length wins; argument wins for DLX', async () => {
    const b = createBroker();
    const ch = await (await b.connect()).createChannel();
    await ch.assertQueue('p.a', { durable: false, arguments: { 'x-max-length': 1, 'x-dead-letter-exchange': 'argdlx' } });
    await ch.assertQueue('p.b', { durable: false });
    await ch.assertQueue('other', { durable: false });
    for (const x of ['argdlx', 'poldlx']) {
      await ch.assertExchange(x, 'fanout', { durable: false });
      await ch.assertQueue(`got-${x}`, { durable: false });
      await ch.bindQueue(`got-${x}`, x, '');
    }
    for (const q of ['p.a', 'p.b', 'other']) for (const m of ['1', '2', '3']) ch.sendToQueue(q, body(m));
    await b.admin.setPolicy('ex-only', '^p\\.', { 'max-length': 0 }, { applyTo: 'exchanges' });
    await b.admin.setPolicy('high', '^p\\.', { 'max-length': 2, 'dead-letter-exchange': 'poldlx' }, { applyTo: 'queues', priority: 2 });
    await b.admin.setPolicy('low', '^p\\.', { 'max-length': 0 }, { applyTo: 'queues', priority: 1 });
    const snap = (n: string) => b.snapshot().queues.find((q) => q.name === n)!;
    expect([snap('p.a').ready, snap('p.b').ready, snap('other').ready]).toEqual([1, 2, 3]);
    expect(snap('p.a').policy).toBe('high');
    ch.reject((await ch.get('p.a')) as ConsumeMessage, false); // the argument's DLX wins over the policy's
    await b.advance(1);
    expect([snap('got-argdlx').ready, snap('got-poldlx').ready]).toEqual([3, 1]);
    await b.admin.clearPolicy('high');
    expect(snap('p.b').ready).toBe(0); // the lower-priority policy now applies
    expect(b.admin.policies().map((p) => p.name).sort()).toEqual(['ex-only', 'low']);
  });

  it('rejects unknown keys, bad patterns, bad apply-to and too large ha-params, changing nothing', async () => {
    const b = createBroker({ nodes: ['a', 'b'] });
    await expect(b.admin.setPolicy('p', '.*', { 'max-lenght': 1 })).rejects.toThrow("unknown policy key 'max-lenght'");
    await expect(b.admin.setPolicy('p', '(', { 'max-length': 1 })).rejects.toThrow(/invalid policy pattern/);
    await expect(b.admin.setPolicy('p', '.*', { 'max-length': -1 })).rejects.toThrow(/non-negative/);
    await expect(b.admin.setPolicy('p', '.*', { 'max-length': 1 }, { applyTo: 'topics' as never })).rejects.toThrow(/apply-to/);
    await expect(b.admin.setPolicy('p', '.*', { 'ha-mode': 'exactly', 'ha-params': 3 })).rejects.toThrow(/more than the 2 nodes/);
    await expect(b.admin.clearPolicy('p')).rejects.toThrow(/no policy/);
    expect(b.admin.policies()).toEqual([]);
  });

  it('emits policy-set / policy-cleared trace events', async () => {
    const b = createBroker();
    const ev: TraceEvent[] = [];
    b.onTrace((e) => ev.push(e));
    await b.admin.setPolicy('p', '^q$', { 'message-ttl': 5 });
    await b.admin.clearPolicy('p', '/');
    expect(ev.map((e) => e.type)).toEqual(['policy-set', 'policy-cleared']);
  });
});

describe('restart', () => {
  it('keeps durable entities and persistent messages; unacked come back redelivered; clients get 320', async () => {
    const b = createBroker();
    const conn = await b.connect();
    const closes: number[] = [];
    conn.on('close', (e: { code: number }) => closes.push(e.code));
    const ch = await conn.createChannel();
    await ch.assertQueue('d', { durable: true, autoDelete: true });
    await ch.assertQueue('t', { durable: false });
    ch.sendToQueue('d', body('p1'), { persistent: true });
    ch.sendToQueue('d', body('t1'));
    ch.sendToQueue('d', body('p2'), { persistent: true });
    await ch.consume('d', () => {}, { noAck: false }); // holds p1 and p2 (and t1) unacked
    await b.advance(1);
    await b.admin.restart();
    await b.advance(1);
    expect(closes).toEqual([320]);
    const ch2 = await (await b.connect()).createChannel();
    await expect(ch2.checkQueue('t')).rejects.toMatchObject({ code: 404 });
    const ch3 = await (await b.connect()).createChannel();
    const a = await ch3.get('d', { noAck: true });
    const c = await ch3.get('d', { noAck: true });
    expect([text(a), a && a.fields.redelivered, text(c)]).toEqual(['p1', true, 'p2']);
    expect(await ch3.get('d')).toBe(false);
  });
});
