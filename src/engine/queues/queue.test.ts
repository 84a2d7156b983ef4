import { describe, expect, it } from 'vitest';
import { Message } from '../amqp/message';
import { Kernel } from '../kernel/kernel';
import { Counters } from '../kernel/stats';
import { Queue } from './queue';
import type { MemoryMeterPort, QueueHost } from './ports';
import type { Policy } from './policies';

// A Queue built from a kernel and a fake vhost port (queues/ports.ts): no Broker, VHost or channel.

class FakeHost implements QueueHost<Queue> {
  readonly name = '/';
  readonly policies = new Map<string, Policy>();
  readonly memory: MemoryMeterPort = { bytes: 0, high: Infinity, low: -Infinity, cross: () => {} };
  shuttingDown = false;
  gated = 0;
  deadLettered: { msg: number; reason: string }[] = [];
  removed: string[] = [];
  deadLetter(_q: Queue, msg: Message, reason: string): void {
    this.deadLettered.push({ msg: msg.id, reason });
  }
  removeQueue(q: Queue, reason: string): void {
    this.removed.push(`${q.name}:${reason}`);
  }
  gateChanged(delta: 1 | -1): void {
    this.gated += delta;
  }
}

function setup(args: Record<string, unknown> = {}) {
  const kernel = new Kernel({ seed: 1 });
  const host = new FakeHost();
  const q = new Queue(kernel, host, 'q', false, null, false, args, 'rabbit@localhost', new Counters());
  const publish = (body = 'x', props = {}) =>
    q.publish(new Message(kernel.nextMessageId(), 0, '', 'q', null, new TextEncoder().encode(body), props, kernel.now()));
  const types = () => kernel.trace.events().map((e) => e.type);
  return { kernel, host, q, publish, types };
}

describe('Queue without a broker', () => {
  it('keeps messages in order and gives them out with get; the trace says enqueued', () => {
    const { q, publish, types } = setup();
    publish('a');
    publish('b');
    expect(q.messageCount).toBe(2);
    expect(new TextDecoder().decode(q.get(false)!.msg.content)).toBe('a');
    expect(q.messageCount).toBe(1);
    expect(types()).toEqual(['enqueued', 'enqueued']);
  });

  it('x-max-length with drop-head drops the oldest; reject-publish refuses the newest', () => {
    const dh = setup({ 'x-max-length': 2 });
    for (const b of ['1', '2', '3']) dh.publish(b);
    expect(dh.q.messageCount).toBe(2);
    expect(dh.kernel.trace.events().filter((e) => e.type === 'dropped').map((e) => (e.type === 'dropped' ? [e.id, e.reason] : null))).toEqual([[1, 'maxlen']]);
    const rp = setup({ 'x-max-length': 1, 'x-overflow': 'reject-publish' });
    expect(rp.publish('1')).toBe(true);
    expect(rp.publish('2')).toBe(false);
    expect(rp.q.messageCount).toBe(1);
  });

  it('x-message-ttl expires the head in virtual time and dead-letters it through the port', async () => {
    const { kernel, host, q, publish } = setup({ 'x-message-ttl': 100, 'x-dead-letter-exchange': 'dlx' });
    publish('a');
    await kernel.advance(99);
    expect(q.messageCount).toBe(1);
    await kernel.advance(1);
    expect(q.messageCount).toBe(0);
    expect(host.deadLettered).toEqual([{ msg: 1, reason: 'expired' }]);
  });

  it('x-expires asks the host to remove an unused queue; going down gates it', async () => {
    const { kernel, host, q } = setup({ 'x-expires': 500 });
    await kernel.advance(499);
    expect(host.removed).toEqual([]);
    await kernel.advance(1);
    expect(host.removed).toEqual(['q:expires']);
    q.setAvail(1);
    expect(host.gated).toBe(1);
    q.setAvail(0);
    expect(host.gated).toBe(0);
  });
});
