import { describe, expect, it } from 'vitest';
import { createBroker, type TraceEvent } from '../index';

const body = (s: string) => new TextEncoder().encode(s);
const text = (m: { content: Uint8Array } | false) => (m ? new TextDecoder().decode(m.content) : m);
const NODES = ['n1', 'n2', 'n3'];
const QQ = { durable: true, arguments: { 'x-queue-type': 'quorum' } };

describe('cluster nodes', () => {
  it('a classic queue lives on its declaring connection’s node and is unreachable while that node is down', async () => {
    const b = createBroker({ nodes: NODES });
    const ch1 = await (await b.connect({ node: 1 })).createChannel();
    const ch2 = await (await b.connect({ node: 'n2' })).createChannel();
    await ch2.assertQueue('q', { durable: true });
    await ch2.assertQueue('t', { durable: false });
    ch1.sendToQueue('q', body('p'), { persistent: true });
    ch1.sendToQueue('q', body('t'));
    expect(await b.admin.queueInfo('q')).toEqual({ type: 'classic', node: 2, mirrors: [], syncMirrors: [], state: 'live' });
    await b.admin.stopNode(2);
    expect(await b.admin.queueInfo('q')).toMatchObject({ state: 'down' });
    expect(await b.admin.queueInfo('t')).toBeNull();
    await expect(ch1.checkQueue('q')).rejects.toThrow("home node 'n2' of durable queue 'q' in vhost '/' is down or inaccessible");
    await expect(b.connect({ node: 2 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await b.admin.startNode('n2');
    const ch = await (await b.connect()).createChannel();
    expect(text(await ch.get('q', { noAck: true }))).toBe('p');
    expect(await ch.get('q')).toBe(false);
  });

  it('refuses bad input with a clear error and keeps running', async () => {
    const b = createBroker({ nodes: NODES });
    await expect(b.admin.stopNode(4)).rejects.toThrow(/unknown node 4/);
    await expect(b.admin.stopNode('nx')).rejects.toThrow(/unknown node "nx"/);
    await b.admin.stopNode(1);
    await b.admin.stopNode(2);
    await expect(b.admin.stopNode(3)).rejects.toThrow(/last running node/);
    const ch = await (await b.connect({ node: 3 })).createChannel();
    await expect(ch.assertQueue('still-works')).resolves.toMatchObject({ queue: 'still-works' });
    await expect(createBroker().admin.stopNode(1)).rejects.toThrow(/last running node/);
  });
});

describe('quorum queues', () => {
  it('elect a new leader after electionMs when the leader stops; the leader does not move back', async () => {
    const b = createBroker({ nodes: NODES, electionMs: 200 });
    const ev: TraceEvent[] = [];
    b.onTrace((e) => ev.push(e));
    const ch = await (await b.connect({ node: 1 })).createChannel();
    await ch.assertQueue('qq', QQ);
    ch.sendToQueue('qq', body('m1'));
    await b.admin.stopNode(1);
    const ch2 = await (await b.connect({ node: 2 })).createChannel();
    let got: unknown = 'pending';
    void ch2.get('qq', { noAck: true }).then((m) => (got = text(m)));
    await b.advance(100);
    expect(got).toBe('pending'); // no leader yet
    await b.advance(150);
    expect(got).toBe('m1');
    expect(await b.admin.queueInfo('qq')).toEqual({ type: 'quorum', leader: 2, members: [1, 2, 3], online: [2, 3] });
    await b.admin.startNode(1);
    expect(await b.admin.queueInfo('qq')).toMatchObject({ leader: 2, online: [1, 2, 3] });
    expect(ev.filter((e) => e.type === 'leader-elected' || e.type === 'node-down' || e.type === 'node-up').map((e) => e.type)).toEqual(['node-down', 'leader-elected', 'node-up']);
  });

  it('without a majority, publishes and gets hang and complete when the majority returns', async () => {
    const b = createBroker({ nodes: NODES });
    const ch = await (await b.connect({ node: 1 })).createConfirmChannel();
    await ch.assertQueue('qq', QQ);
    await b.admin.stopNode(2);
    await b.admin.stopNode(3);
    const acks: string[] = [];
    ch.publish('', 'qq', body('x'), {}, (err) => acks.push(err ? 'nack' : 'ack'));
    let got: unknown = 'pending';
    void ch.get('qq', { noAck: true }).then((m) => (got = text(m)));
    await b.advance(5000);
    expect(acks).toEqual([]);
    expect(got).toBe('pending');
    expect((await ch.checkQueue('qq')).messageCount).toBe(0); // a passive declare still answers
    await b.admin.startNode(3);
    await b.advance(100);
    expect(acks).toEqual(['ack']);
    expect(got).toBe('x');
  });

  it('x-quorum-initial-group-size picks members from the declaring node', async () => {
    const b = createBroker({ nodes: NODES });
    const ch = await (await b.connect({ node: 3 })).createChannel();
    await ch.assertQueue('g2', { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-quorum-initial-group-size': 2 } });
    expect(await b.admin.queueInfo('g2')).toEqual({ type: 'quorum', leader: 3, members: [1, 3], online: [1, 3] });
  });
});

describe('classic mirrored queues', () => {
  it('ha-mode exactly mirrors to the next nodes; an unsynchronised mirror is not promoted and the queue hangs', async () => {
    const b = createBroker({ nodes: NODES });
    const ch = await (await b.connect({ node: 1 })).createChannel();
    await b.admin.setPolicy('ha', '^m$', { 'ha-mode': 'exactly', 'ha-params': 2 }, { applyTo: 'queues' });
    await ch.assertQueue('m', { durable: true });
    ch.sendToQueue('m', body('a'), { persistent: true });
    expect(await b.admin.queueInfo('m')).toEqual({ type: 'classic', node: 1, mirrors: [2], syncMirrors: [2], state: 'live' });
    await b.admin.stopNode(2);
    await b.admin.startNode(2); // comes back empty, manual sync: unsynchronised
    expect(await b.admin.queueInfo('m')).toMatchObject({ mirrors: [2], syncMirrors: [] });
    await b.admin.stopNode(1);
    const ch2 = await (await b.connect({ node: 2 })).createChannel();
    let got: unknown = 'pending';
    void ch2.get('m', { noAck: true }).then((m) => (got = text(m)));
    await b.advance(1000);
    expect(got).toBe('pending');
    await b.admin.startNode(1);
    await b.advance(1);
    expect(got).toBe('a');
  });

  it('ha-promote-on-shutdown: always promotes an unsynchronised mirror when its master stops (only what it received since joining is left, redelivered); when-synced leaves the queue waiting, declares unanswered, confirms nacked', async () => {
    const b = createBroker({ nodes: NODES });
    const ch = await (await b.connect({ node: 1 })).createChannel();
    await b.admin.setPolicy('ha', '^m$', { 'ha-mode': 'nodes', 'ha-params': [NODES[0], NODES[1]], 'ha-promote-on-shutdown': 'always' }, { applyTo: 'queues' });
    await ch.assertQueue('m', { durable: true });
    ch.sendToQueue('m', body('old'), { persistent: true });
    await b.admin.stopNode(2);
    await b.admin.startNode(2); // back empty and unsynchronised
    ch.sendToQueue('m', body('new'), { persistent: true });
    expect(await b.admin.queueInfo('m')).toMatchObject({ node: 1, mirrors: [2], syncMirrors: [] });
    await b.admin.stopNode(1);
    expect(await b.admin.queueInfo('m')).toMatchObject({ node: 2, state: 'live' });
    const ch3 = await (await b.connect({ node: 3 })).createChannel();
    const got = await ch3.get('m', { noAck: true });
    expect(got && [text(got), got.fields.redelivered]).toEqual(['new', true]);
    expect(await ch3.get('m', { noAck: true })).toBe(false);

    const w = createBroker({ nodes: NODES });
    const c1 = await (await w.connect({ node: 1 })).createChannel();
    await w.admin.setPolicy('ha', '^m$', { 'ha-mode': 'nodes', 'ha-params': [NODES[0], NODES[1]] }, { applyTo: 'queues' });
    await c1.assertQueue('m', { durable: true });
    c1.sendToQueue('m', body('old'), { persistent: true });
    await w.admin.stopNode(2);
    await w.admin.startNode(2);
    await w.admin.stopNode(1);
    expect(await w.admin.queueInfo('m')).toEqual({ type: 'classic', node: 1, mirrors: [], syncMirrors: [], state: 'live' });
    const c3 = await (await w.connect({ node: 3 })).createConfirmChannel();
    let declared: unknown = 'pending';
    void c3.checkQueue('m').then((ok) => (declared = ok.messageCount));
    const acked = await new Promise((resolve) => c3.sendToQueue('m', body('x'), { persistent: true }, (e) => resolve(e === null)));
    await w.advance(1000);
    expect([declared, acked]).toEqual(['pending', false]);
    await w.admin.startNode(1);
    await w.advance(1);
    expect(declared).toBe(1);
  });
});
