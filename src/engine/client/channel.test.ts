import { describe, expect, it } from 'vitest';
import type { AmqpError } from '../amqp/errors';
import type { ConsumeMessage } from '../amqp/message';
import { Kernel } from '../kernel/kernel';
import type { Queue } from '../queues/queue';
import { Alarms } from '../server/alarms';
import { Auth } from '../server/auth';
import type { ServerConnection, VHostHost } from '../server/ports';
import { DirectReplyTo } from '../server/reply-to';
import { VHost } from '../server/vhost';
import { Channel } from './channel';
import { Connection } from './connection';
import type { ChannelConnection, ClientHost } from './ports';

// A Channel built from a kernel and fake ports (client/ports.ts): no Broker and no Connection. The vhost,
// alarms, auth and reply-to below it are the real ones, each made from the kernel and its own fake port.

function setup(latency = { publish: 0, route: 0, deliver: 0, ack: 0 }) {
  const kernel = new Kernel({ seed: 1 });
  const alarms = new Alarms(kernel, undefined);
  const vhostHost: VHostHost = {
    kernel, alarms, shuttingDown: false, gatedQueues: 0, epochMs: 0, observeMessage: null,
    cluster: { nodes: ['rabbit@localhost'], isRunning: () => true, electionMs: 50 },
  };
  const auth = new Auth();
  auth.setPermissions('guest', '/', { configure: '.*', write: '.*', read: '.*' });
  const closed: ServerConnection[] = [];
  const host: ClientHost = {
    kernel, latency, auth, alarms, replyTo: new DirectReplyTo(), gatedQueues: 0, observeMessage: null,
    connectionClosed: (c) => closed.push(c),
  };
  const serverCloses: AmqpError[] = [];
  const conn: ChannelConnection = {
    broker: host, id: 1, user: 'guest', node: 'rabbit@localhost', vhost: new VHost(vhostHost, '/'), isOpen: true,
    exclusiveQueues: new Set<Queue>(), channels: new Map(),
    emit: () => true,
    serverClose: (e) => serverCloses.push(e),
    clientFailed: (e) => { throw e; },
  };
  const open = (confirm = false) => {
    const ch = new Channel(conn, kernel.nextChannelId(), conn.channels.size + 1, confirm);
    conn.channels.set(ch.number, ch);
    return ch;
  };
  const types = () => kernel.trace.events().map((e) => e.type);
  return { kernel, conn, open, types, serverCloses };
}

const body = (s: string) => new TextEncoder().encode(s);
const text = (m: ConsumeMessage) => new TextDecoder().decode(m.content);

describe('Channel without a broker', () => {
  it('declares a queue, publishes to it and delivers to a consumer in order; acks settle', async () => {
    const { kernel, open, types } = setup();
    const ch = open();
    await ch.assertQueue('q');
    const got: ConsumeMessage[] = [];
    await ch.consume('q', (m) => got.push(m!));
    ch.sendToQueue('q', body('a'));
    ch.sendToQueue('q', body('b'));
    await kernel.advance(0);
    expect(got.map(text)).toEqual(['a', 'b']);
    for (const m of got) ch.ack(m);
    await kernel.advance(0);
    expect(types().filter((t) => t === 'acked')).toHaveLength(2);
    expect(ch.connection.vhost.queues.get('q')!.unacked).toBe(0);
  });

  it('prefetch holds deliveries back until an ack frees credit', async () => {
    const { kernel, open } = setup();
    const ch = open();
    await ch.assertQueue('q');
    await ch.prefetch(1);
    const got: ConsumeMessage[] = [];
    await ch.consume('q', (m) => got.push(m!));
    for (const s of ['1', '2', '3']) ch.sendToQueue('q', body(s));
    await kernel.advance(0);
    expect(got.map(text)).toEqual(['1']);
    ch.ack(got[0]);
    await kernel.advance(0);
    expect(got.map(text)).toEqual(['1', '2']);
  });

  it('a confirm channel hears the confirm; a mandatory publish to nowhere comes back first', async () => {
    const { kernel, open } = setup();
    const ch = open(true);
    const heard: string[] = [];
    ch.on('return', () => heard.push('return'));
    ch.publish('amq.direct', 'nowhere', body('x'), { mandatory: true }, (err) => heard.push(err ? 'nack' : 'ack'));
    await kernel.advance(0);
    expect(heard).toEqual(['return', 'ack']);
  });

  it('a publish to a missing exchange closes the channel with 404, not the connection', async () => {
    const { kernel, open, serverCloses } = setup();
    const ch = open();
    const errors: unknown[] = [];
    ch.on('error', (e) => errors.push(e));
    ch.publish('missing', 'k', body('x'));
    await kernel.advance(0);
    expect(ch.isOpen).toBe(false);
    expect((errors[0] as { code: number }).code).toBe(404);
    expect(serverCloses).toEqual([]);
  });
});

describe('Connection without a broker', () => {
  it('opens channels; closing tells the host and deletes its exclusive queues', async () => {
    const { kernel, conn } = setup();
    const closed: unknown[] = [];
    const host: ClientHost = { ...conn.broker, connectionClosed: (c) => closed.push(c) };
    const c = new Connection(host, 9, 'guest', conn.vhost, 'rabbit@localhost');
    const ch = await c.createChannel();
    await ch.assertQueue('mine', { exclusive: true });
    expect(conn.vhost.queues.has('mine')).toBe(true);
    await c.close();
    await kernel.advance(0);
    expect(closed).toEqual([c]);
    expect(conn.vhost.queues.has('mine')).toBe(false);
    expect(kernel.trace.events().map((e) => e.type)).toEqual(['channel-opened', 'queue-declared', 'channel-closed', 'queue-deleted', 'connection-closed']);
  });
});
