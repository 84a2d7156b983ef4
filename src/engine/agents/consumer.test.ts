import { describe, expect, it } from 'vitest';
import { createBroker, type ConsumeMessage, type TraceEvent } from '../index';
import { agentChannel, brokerHost } from '../testing/host';
import { ConsumerAgent, type ConsumerOptions } from './consumer';

const body = (s: string) => new TextEncoder().encode(s);
const text = (m: ConsumeMessage) => new TextDecoder().decode(m.content);

const base: ConsumerOptions = {
  name: 'C1',
  queue: 'work',
  prefetch: 0,
  ackMode: 'manual',
  processing: { dist: 'fixed', ms: 100 },
  failure: { action: 'none', probability: 0 },
  exclusive: false,
  rpcServer: false,
};

async function setup(options: Partial<ConsumerOptions> = {}, queueArgs: Record<string, unknown> = {}, seed = 1) {
  const broker = createBroker({ seed });
  const events: TraceEvent[] = [];
  broker.onTrace((e) => events.push(e));
  const conn = await broker.connect();
  const admin = await conn.createChannel();
  await admin.assertQueue('work', { durable: false, arguments: queueArgs });
  const ch = await conn.createChannel();
  const consumer = new ConsumerAgent(brokerHost(broker), agentChannel(ch), { ...base, ...options });
  const fill = (n: number) => {
    for (let i = 1; i <= n; i++) admin.sendToQueue('work', body(`m${i}`));
  };
  const unacked = () => broker.snapshot().queues.find((q) => q.name === 'work')!.unacked;
  const ready = () => broker.snapshot().queues.find((q) => q.name === 'work')!.ready;
  const of = <T extends TraceEvent['type']>(type: T) => events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
  return { broker, admin, ch, consumer, fill, unacked, ready, events, of };
}

describe('ConsumerAgent prefetch and processing time', () => {
  it('holds at most `prefetch` unacked and processes one message at a time for its processing time', async () => {
    const { broker, consumer, fill, unacked, ready, of } = await setup({ prefetch: 2 });
    fill(10);
    await consumer.start();
    await broker.advance(0);
    expect([unacked(), ready(), consumer.held, consumer.state]).toEqual([2, 8, 2, 'busy']);
    for (let t = 0; t < 1000; t += 50) {
      await broker.advance(50);
      expect(unacked()).toBeLessThanOrEqual(2);
    }
    // one ack every 100 ms
    expect(of('acked').map((e) => e.t)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(consumer.counters).toMatchObject({ delivered: 10, acked: 10, redelivered: 0 });
    expect(consumer.state).toBe('idle');
  });

  it('prefetch 0 takes everything at once; auto-ack holds nothing unacked', async () => {
    const unlimited = await setup({ prefetch: 0 });
    unlimited.fill(20);
    await unlimited.consumer.start();
    await unlimited.broker.advance(0);
    expect([unlimited.unacked(), unlimited.consumer.held]).toEqual([20, 20]);

    const auto = await setup({ ackMode: 'auto', prefetch: 5 });
    auto.fill(20);
    await auto.consumer.start();
    await auto.broker.advance(0);
    expect([auto.unacked(), auto.ready(), auto.consumer.held]).toEqual([0, 0, 20]);
    await auto.broker.advance(2000);
    expect(auto.consumer.counters.acked).toBe(0);
    expect(auto.consumer.held).toBe(0);
  });

  it('draws processing times from its seeded distribution (uniform within bounds, repeatable)', async () => {
    const times = async (seed: number) => {
      const { broker, consumer, fill, of } = await setup({ prefetch: 1, processing: { dist: 'uniform', min: 20, max: 80 } }, {}, seed);
      fill(30);
      await consumer.start();
      await broker.advance(10_000);
      const acks = of('acked').map((e) => e.t);
      return acks.map((t, i) => t - (i ? acks[i - 1] : 0));
    };
    const a = await times(3);
    expect(a).toHaveLength(30);
    expect(a.every((d) => d >= 20 && d <= 80)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(10);
    expect(await times(3)).toEqual(a);
  });

  it('exponential processing time has about the configured mean', async () => {
    const { broker, consumer, fill, of } = await setup({ prefetch: 1, processing: { dist: 'exponential', mean: 50 } });
    fill(400);
    await consumer.start();
    await broker.advance(1_000_000);
    const acks = of('acked');
    expect(acks).toHaveLength(400);
    const mean = acks[acks.length - 1].t / acks.length;
    expect(mean).toBeGreaterThan(40);
    expect(mean).toBeLessThan(60);
  });
});

describe('ConsumerAgent failure policies', () => {
  it('nack-requeue: failed messages come back redelivered and are eventually acked', async () => {
    const { broker, consumer, fill, of, ready, unacked } = await setup({ prefetch: 1, failure: { action: 'nack-requeue', probability: 0.5 } });
    fill(10);
    await consumer.start();
    await broker.advance(100_000);
    const c = consumer.counters;
    expect(c.acked).toBe(10);
    expect(c.nacked).toBeGreaterThan(0);
    expect(c.redelivered).toBe(c.nacked);
    expect(of('requeued').length).toBe(c.nacked);
    expect(of('delivered').filter((e) => e.redelivered)).toHaveLength(c.nacked);
    expect([ready(), unacked()]).toEqual([0, 0]);
  });

  it('reject: failed messages are dead-lettered (reason rejected) to the DLX', async () => {
    const { broker, admin, consumer, fill, of } = await setup(
      { prefetch: 3, failure: { action: 'reject', probability: 1 } },
      { 'x-dead-letter-exchange': 'dlx' },
    );
    await admin.assertExchange('dlx', 'fanout', { durable: false });
    await admin.assertQueue('dead', { durable: false });
    await admin.bindQueue('dead', 'dlx', '');
    fill(4);
    await consumer.start();
    await broker.advance(1000);
    expect(consumer.counters).toMatchObject({ rejected: 4, acked: 0, redelivered: 0 });
    expect(of('dead-lettered').map((e) => [e.queue, e.reason])).toEqual(Array(4).fill(['work', 'rejected']));
    const m = await admin.get('dead');
    expect(m && text(m)).toBe('m1');
    expect(m && (m.properties.headers!['x-death'] as { reason: string }[])[0].reason).toBe('rejected');
  });

  it('nack-discard without a DLX drops failed messages', async () => {
    const { broker, consumer, fill, of } = await setup({ failure: { action: 'nack-discard', probability: 1 } });
    fill(3);
    await consumer.start();
    await broker.advance(1000);
    expect(consumer.counters.nacked).toBe(3);
    expect(of('dropped').map((e) => e.reason)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('probability 0 never fails', async () => {
    const { broker, consumer, fill } = await setup({ failure: { action: 'reject', probability: 0 } });
    fill(5);
    await consumer.start();
    await broker.advance(1000);
    expect(consumer.counters).toMatchObject({ acked: 5, rejected: 0 });
  });
});

describe('ConsumerAgent as an RPC server', () => {
  it('replies to reply-to with the request correlation id', async () => {
    const { broker, admin, consumer } = await setup({ rpcServer: true, processing: { dist: 'fixed', ms: 10 } });
    const { queue: replyQueue } = await admin.assertQueue('', { exclusive: true, durable: false });
    const replies: ConsumeMessage[] = [];
    await admin.consume(replyQueue, (m) => m && replies.push(m), { noAck: true });
    await consumer.start();
    admin.sendToQueue('work', body('ping'), { replyTo: replyQueue, correlationId: 'abc' });
    admin.sendToQueue('work', body('pong'), { replyTo: replyQueue, correlationId: 'def' });
    admin.sendToQueue('work', body('no reply wanted'));
    await broker.advance(100);
    expect(replies.map((m) => [text(m), m.properties.correlationId])).toEqual([
      ['reply to ping', 'abc'],
      ['reply to pong', 'def'],
    ]);
    expect(consumer.counters).toMatchObject({ replied: 2, acked: 3 });
  });
});

describe('ConsumerAgent pause and resume', () => {
  it('pause cancels the subscription: held messages stay unacked and are still processed and acked; resume takes more', async () => {
    const { broker, consumer, fill, unacked, ready, of } = await setup({ prefetch: 3 });
    fill(10);
    await consumer.start();
    await broker.advance(0);
    expect(unacked()).toBe(3);
    await consumer.pause();
    expect(consumer.state).toBe('paused');
    expect(of('consumer-cancelled').map((e) => e.reason)).toEqual(['cancel']);
    // the three deliveries stay unacked after the cancel, and acking them is still valid
    expect([unacked(), ready()]).toEqual([3, 7]);
    await broker.advance(1000);
    expect(consumer.counters).toMatchObject({ delivered: 3, acked: 3 });
    expect([unacked(), ready()]).toEqual([0, 7]);
    expect(of('channel-error')).toEqual([]);

    await consumer.resume();
    expect(consumer.state).not.toBe('paused');
    await broker.advance(1000);
    expect(consumer.counters).toMatchObject({ delivered: 10, acked: 10 });
    expect([unacked(), ready()]).toEqual([0, 0]);
  });

  it('while paused nothing new is delivered', async () => {
    const { broker, consumer, fill, of } = await setup({ prefetch: 1 });
    await consumer.start();
    await consumer.pause();
    fill(5);
    await broker.advance(5000);
    expect(of('delivered')).toHaveLength(0);
    expect(consumer.counters.delivered).toBe(0);
  });
});
