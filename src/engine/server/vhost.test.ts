import { describe, expect, it } from 'vitest';
import { Message } from '../amqp/message';
import { Kernel } from '../kernel/kernel';
import type { VHostHost } from './ports';
import { fakeConnection } from './test-fakes';
import { VHost } from './vhost';

// A VHost built from a kernel and fake ports (ports.ts): no Broker, Connection or Channel.

describe('VHost without a broker', () => {
  function setup() {
    const kernel = new Kernel({ seed: 1 });
    const host: VHostHost = {
      kernel, shuttingDown: false, gatedQueues: 0, epochMs: 0, observeMessage: null,
      alarms: { meter: { bytes: 0, high: Infinity, low: -Infinity, cross: () => {} } },
      cluster: { nodes: ['rabbit@localhost'], isRunning: () => true, electionMs: 50 },
    };
    const vh = new VHost(host, '/');
    const conn = fakeConnection();
    const msg = (rk: string) => new Message(kernel.nextMessageId(), 0, '', rk, null, new TextEncoder().encode('x'), {}, kernel.now());
    return { kernel, host, vh, conn, msg };
  }

  it('declares queues and dead-letters through its DLX to the bound queue', () => {
    const { kernel, vh, conn, msg } = setup();
    const q = vh.declareQueue(conn, 'work', false, false, false, { 'x-dead-letter-exchange': 'dlx' });
    const dead = vh.declareQueue(conn, 'dead', false, false, false, {});
    vh.declareExchange('dlx', 'fanout', false, false, false, {});
    vh.bind(conn, 'queue', 'dead', 'dlx', '', {});
    q.publish(msg('work'));
    q.discard(q.get(true)!);
    expect(q.messageCount).toBe(0);
    expect(dead.messageCount).toBe(1);
    const types = kernel.trace.events().map((e) => e.type);
    expect(types.slice(-4)).toEqual(['enqueued', 'dead-lettered', 'routed', 'enqueued']);
  });

  it('an exclusive queue belongs to its connection; a queue that goes down gates publishes on the host', () => {
    const { host, vh, conn } = setup();
    const q = vh.declareQueue(conn, 'mine', false, true, false, {});
    expect(conn.exclusiveQueues.has(q)).toBe(true);
    q.setAvail(1);
    expect(host.gatedQueues).toBe(1);
    vh.removeQueue(q, 'delete');
    expect(host.gatedQueues).toBe(0);
    expect(conn.exclusiveQueues.has(q)).toBe(false);
  });
});
