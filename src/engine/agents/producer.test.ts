import { describe, expect, it } from 'vitest';
import { createBroker, type Broker, type ConsumeMessage, type TraceEvent } from '../index';
import { agentChannel, brokerHost } from '../testing/host';
import { ProducerAgent, type ProducerOptions } from './producer';

const text = (m: ConsumeMessage) => new TextDecoder().decode(m.content);

const base: ProducerOptions = {
  name: 'P1',
  exchange: 'x',
  routingKey: { mode: 'fixed', key: 'k' },
  body: 'msg {n}',
  properties: {},
  rate: 0,
  limit: 0,
  mandatory: false,
  confirm: false,
};

async function setup(options: Partial<ProducerOptions> = {}, seed = 1) {
  const broker = createBroker({ seed });
  const published: Extract<TraceEvent, { type: 'published' }>[] = [];
  broker.onTrace((e) => {
    if (e.type === 'published') published.push(e);
  });
  const conn = await broker.connect();
  const admin = await conn.createChannel();
  await admin.assertExchange('x', 'topic', { durable: false });
  await admin.assertQueue('all', { durable: false });
  await admin.bindQueue('all', 'x', '#');
  const o = { ...base, ...options };
  const ch = o.confirm ? await conn.createConfirmChannel() : await conn.createChannel();
  const producer = new ProducerAgent(brokerHost(broker), agentChannel(ch), o);
  return { broker, admin, ch, producer, published };
}

async function drain(broker: Broker, admin: Awaited<ReturnType<typeof setup>>['admin'], queue = 'all'): Promise<ConsumeMessage[]> {
  await broker.advance(0);
  const out: ConsumeMessage[] = [];
  for (;;) {
    const m = await admin.get(queue, { noAck: true });
    if (!m) return out;
    out.push(m);
  }
}

describe('ProducerAgent rate', () => {
  it('publishes at the configured rate in virtual time, the first one interval after start', async () => {
    const { broker, producer, published } = await setup({ rate: 10 });
    producer.start();
    await broker.advance(1000);
    expect(published.map((e) => e.t)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    await broker.advance(500);
    expect(published).toHaveLength(15);
  });

  it('keeps a fractional interval without drift (3/s lands on 333, 667, 1000 ms)', async () => {
    const { broker, producer, published } = await setup({ rate: 3 });
    producer.start();
    await broker.advance(3000);
    expect(published.map((e) => e.t)).toEqual([333, 667, 1000, 1333, 1667, 2000, 2333, 2667, 3000]);
  });

  it('stop() stops and start() resumes; a manual producer (rate 0) only sends on demand', async () => {
    const { broker, producer, published } = await setup({ rate: 100 });
    producer.start();
    await broker.advance(50);
    producer.stop();
    expect(producer.isRunning).toBe(false);
    await broker.advance(500);
    expect(published).toHaveLength(5);
    producer.start();
    await broker.advance(50);
    expect(published).toHaveLength(10);

    const manual = await setup({ rate: 0 });
    manual.producer.start();
    expect(manual.producer.isRunning).toBe(false);
    await manual.broker.advance(1000);
    expect(manual.published).toHaveLength(0);
    manual.producer.send();
    await manual.broker.advance(0);
    expect(manual.published).toHaveLength(1);
  });

  it('stops at its limit; send() refuses once the limit is reached', async () => {
    const { broker, producer, published, admin } = await setup({ rate: 1000, limit: 5 });
    producer.start();
    await broker.advance(1000);
    expect(published).toHaveLength(5);
    expect(producer.isRunning).toBe(false);
    expect(producer.counters.published).toBe(5);
    expect(producer.send()).toBe(false);
    expect((await drain(broker, admin)).map(text)).toEqual(['msg 1', 'msg 2', 'msg 3', 'msg 4', 'msg 5']);
  });
});

describe('ProducerAgent routing keys and bodies', () => {
  it('fixed', async () => {
    const { broker, producer, published } = await setup({ routingKey: { mode: 'fixed', key: 'a.b' } });
    for (let i = 0; i < 3; i++) producer.send();
    await broker.advance(0);
    expect(published.map((e) => e.routingKey)).toEqual(['a.b', 'a.b', 'a.b']);
  });

  it('cycle', async () => {
    const { broker, producer, published } = await setup({ routingKey: { mode: 'cycle', keys: ['a', 'b', 'c'] } });
    for (let i = 0; i < 7; i++) producer.send();
    await broker.advance(0);
    expect(published.map((e) => e.routingKey)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('random: from the list, the same sequence for the same seed, another for another seed', async () => {
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
    const pick = async (seed: number) => {
      const { broker, producer, published } = await setup({ routingKey: { mode: 'random', keys } }, seed);
      for (let i = 0; i < 40; i++) producer.send();
      await broker.advance(0);
      return published.map((e) => e.routingKey);
    };
    const a = await pick(7);
    expect(a.every((k) => keys.includes(k))).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(4);
    expect(await pick(7)).toEqual(a);
    expect(await pick(8)).not.toEqual(a);
  });

  it('template order.{n}, and {key} from a cycled list', async () => {
    const { broker, producer, published } = await setup({ routingKey: { mode: 'template', template: 'order.{n}' } });
    for (let i = 0; i < 3; i++) producer.send();
    await broker.advance(0);
    expect(published.map((e) => e.routingKey)).toEqual(['order.1', 'order.2', 'order.3']);

    const t = await setup({ routingKey: { mode: 'template', template: '{key}.order.{n}', keys: ['eu', 'us'] }, body: '{key}#{n}' });
    for (let i = 0; i < 3; i++) t.producer.send();
    expect((await drain(t.broker, t.admin)).map((m) => [m.fields.routingKey, text(m)])).toEqual([
      ['eu.order.1', 'eu.order.1#1'],
      ['us.order.2', 'us.order.2#2'],
      ['eu.order.3', 'eu.order.3#3'],
    ]);
  });

  it('overrides for one send, and properties (persistent, expiration, priority, headers, reply-to with a correlation id)', async () => {
    const { broker, producer, admin } = await setup({
      properties: { persistent: true, expiration: 60000, priority: 3, headers: { tenant: 'a' }, replyTo: 'replies', contentType: 'text/plain' },
    });
    producer.send();
    producer.send({ routingKey: 'other', body: 'custom', priority: 7 });
    const [m1, m2] = await drain(broker, admin);
    expect(m1.properties).toMatchObject({ deliveryMode: 2, expiration: '60000', priority: 3, headers: { tenant: 'a' }, replyTo: 'replies', correlationId: 'P1-1', contentType: 'text/plain' });
    expect([m2.fields.routingKey, text(m2), m2.properties.priority, m2.properties.correlationId]).toEqual(['other', 'custom', 7, 'P1-2']);
  });
});

describe('ProducerAgent confirms and returns', () => {
  it('counts publisher confirms: acks for accepted messages, nacks for those reject-publish refused', async () => {
    const { broker, admin, producer } = await setup({ confirm: true, exchange: '', routingKey: { mode: 'fixed', key: 'small' } });
    await admin.assertQueue('small', { durable: false, arguments: { 'x-max-length': 2, 'x-overflow': 'reject-publish' } });
    for (let i = 0; i < 5; i++) producer.send();
    expect(producer.counters).toMatchObject({ published: 5, confirmed: 0, nacked: 0 });
    await broker.advance(0);
    expect(producer.counters).toMatchObject({ published: 5, confirmed: 2, nacked: 3 });
  });

  it('counts mandatory returns of unroutable messages (and confirms them as acked)', async () => {
    const { broker, admin, producer } = await setup({ mandatory: true, confirm: true, routingKey: { mode: 'cycle', keys: ['routed', 'lost'] } });
    await admin.unbindQueue('all', 'x', '#');
    await admin.assertQueue('r', { durable: false });
    await admin.bindQueue('r', 'x', 'routed');
    for (let i = 0; i < 6; i++) producer.send();
    await broker.advance(0);
    expect(producer.counters).toMatchObject({ published: 6, returned: 3, confirmed: 6, nacked: 0 });
  });

  it('without mandatory, unroutable messages are dropped silently', async () => {
    const { broker, admin, producer } = await setup({ routingKey: { mode: 'fixed', key: 'nowhere' } });
    await admin.unbindQueue('all', 'x', '#');
    producer.send();
    await broker.advance(0);
    expect(producer.counters.returned).toBe(0);
    expect(broker.stats().total.unroutable).toBe(1);
  });

  it('with reply-to amq.rabbitmq.reply-to, consumes the pseudo-queue on its channel and counts the replies', async () => {
    const { broker, admin, producer } = await setup({ properties: { replyTo: 'amq.rabbitmq.reply-to' } });
    await admin.consume('all', (m) => {
      if (m) admin.publish('', String(m.properties.replyTo), new TextEncoder().encode(`re: ${text(m)}`), { correlationId: m.properties.correlationId });
    }, { noAck: true });
    producer.send();
    producer.send();
    await broker.advance(10);
    expect(producer.counters).toMatchObject({ published: 2, replies: 2 });
  });
});
