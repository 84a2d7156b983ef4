import { describe, expect, it } from 'vitest';
import { createBroker, type Broker, type ConsumeMessage, type TraceEvent } from './index';

const body = (s: string) => new TextEncoder().encode(s);
const text = (m: ConsumeMessage | false | null) => (m ? new TextDecoder().decode(m.content) : m);

async function setup(options: Parameters<typeof createBroker>[0] = { seed: 1 }) {
  const broker = createBroker(options);
  const conn = await broker.connect();
  const ch = await conn.createChannel();
  return { broker, conn, ch };
}

describe('publish and get', () => {
  it('a get after a publish on the same channel sees the message, as the very same content object', async () => {
    const { ch } = await setup();
    await ch.assertQueue('q', { durable: false });
    const content = body('hello');
    expect(ch.sendToQueue('q', content, { headers: { h: 1 }, priority: 2 })).toBe(true);
    const m = await ch.get('q');
    expect(m && m.content).toBe(content);
    expect(m && m.fields).toEqual({ deliveryTag: 1, redelivered: false, exchange: '', routingKey: 'q', messageCount: 0 });
    expect(m && m.properties.headers).toEqual({ h: 1 });
    expect(m && m.properties.priority).toBe(2);
    expect(Object.keys(m ? m.properties : {})).toContain('correlationId');
    expect(await ch.get('q')).toBe(false);
  });

  it('rejects wrong argument types with a TypeError and keeps the channel open', async () => {
    const { ch } = await setup();
    await ch.assertQueue('q', { durable: false });
    expect(() => ch.sendToQueue('q', 'text' as never)).toThrow(TypeError);
    expect(() => ch.sendToQueue('q', body('x'), { priority: 'high' as never })).toThrow(TypeError);
    await expect(ch.assertQueue('q2', { durable: 'yes' as never })).rejects.toThrow(TypeError);
    expect((await ch.checkQueue('q')).messageCount).toBe(0);
  });
});

describe('server errors', () => {
  it('reject with code and amqplib text, close the channel; later calls get "Channel closed"', async () => {
    const { ch } = await setup();
    const closed: string[] = [];
    ch.on('close', () => closed.push('close'));
    const e = await ch.checkQueue('missing').catch((x) => x);
    expect(e.code).toBe(404);
    expect(e.message).toBe(`Operation failed: QueueDeclare; 404 (NOT-FOUND) with message "NOT_FOUND - no queue 'missing' in vhost '/'"`);
    const after = await ch.checkQueue('missing').catch((x) => x);
    expect(after.message).toBe('Channel closed');
    expect(after.code).toBeUndefined();
    expect(closed).toEqual(['close']);
    expect(() => ch.publish('', 'q', body('x'))).toThrow('Channel closed');
  });

  it('an unknown delivery tag closes the channel with 406 reported to the next call', async () => {
    const { ch } = await setup();
    await ch.assertQueue('q', { durable: false });
    ch.sendToQueue('q', body('a'));
    const m = (await ch.get('q')) as ConsumeMessage;
    ch.ack(m);
    ch.ack(m);
    const e = await ch.checkQueue('q').catch((x) => x);
    expect(e.code).toBe(406);
    expect(e.message).toContain('PRECONDITION_FAILED - unknown delivery tag 1');
  });

  it('an unknown exchange type closes the connection (503)', async () => {
    const { conn, ch } = await setup();
    const events: string[] = [];
    conn.on('error', (e: Error) => events.push(`error ${e.message}`));
    conn.on('close', () => events.push('close'));
    const e = await ch.assertExchange('x', 'nope').catch((x) => x);
    expect(e.message).toBe('Channel ended, no reply will be forthcoming');
    await Promise.resolve();
    expect(events).toEqual([`error Connection closed: 503 (COMMAND-INVALID) with message "COMMAND_INVALID - unknown exchange type 'nope'"`, 'close']);
    await expect(conn.createChannel()).rejects.toThrow(/Connection closed/);
  });
});

describe('consumers and time', () => {
  it('delivers during advance(), lets async callbacks ack, and redelivers on channel close', async () => {
    const { broker, conn, ch } = await setup();
    await ch.assertQueue('q', { durable: false });
    const c = await conn.createChannel();
    await c.prefetch(1);
    const seen: string[] = [];
    await c.consume('q', async (m) => {
      seen.push(`${text(m)}${m!.fields.redelivered ? '*' : ''}`);
      await Promise.resolve();
      await Promise.resolve();
      if (text(m) !== 'hold') c.ack(m!);
    });
    for (const s of ['a', 'b', 'hold', 'c']) ch.sendToQueue('q', body(s));
    await broker.advance(10);
    expect(seen).toEqual(['a', 'b', 'hold']);
    expect((await ch.checkQueue('q')).messageCount).toBe(1);
    await c.close();
    const rest = [await ch.get('q', { noAck: true }), await ch.get('q', { noAck: true })];
    expect(rest.map((m) => `${text(m)}${m && m.fields.redelivered ? '*' : ''}`)).toEqual(['hold*', 'c']);
  });

  it('applies hop latencies in virtual time', async () => {
    const { broker, conn, ch } = await setup({ seed: 1, latency: { publish: 10, route: 5, deliver: 20 } });
    await ch.assertQueue('q', { durable: false });
    const c = await conn.createChannel();
    const at: number[] = [];
    await c.consume('q', () => at.push(broker.now()), { noAck: true });
    ch.sendToQueue('q', body('x'));
    await broker.advance(34);
    expect(at).toEqual([]);
    await broker.advance(1);
    expect(at).toEqual([35]);
  });

  it('expires by queue TTL on time and dead-letters with x-death', async () => {
    const { broker, ch } = await setup();
    await ch.assertQueue('dead', { durable: false });
    await ch.assertQueue('q', { durable: false, messageTtl: 100, deadLetterExchange: '', deadLetterRoutingKey: 'dead' });
    ch.sendToQueue('q', body('m'), { expiration: '5000' });
    await broker.advance(99);
    expect((await ch.checkQueue('q')).messageCount).toBe(1);
    await broker.advance(1);
    const d = (await ch.get('dead', { noAck: true })) as ConsumeMessage;
    expect(text(d)).toBe('m');
    expect(d.properties.expiration).toBeUndefined();
    const xd = (d.properties.headers!['x-death'] as Record<string, unknown>[])[0];
    expect({ ...xd, time: undefined }).toEqual({ count: 1, reason: 'expired', queue: 'q', exchange: '', 'routing-keys': ['q'], 'original-expiration': '5000', time: undefined });
  });

  it('confirms: return before ack for unroutable mandatory publishes; nack under reject-publish', async () => {
    const { broker, conn, ch } = await setup();
    await ch.assertQueue('full', { durable: false, maxLength: 0, overflow: 'reject-publish' });
    const cc = await conn.createConfirmChannel();
    const order: string[] = [];
    cc.on('return', (m: ConsumeMessage) => order.push(`return ${m.fields.replyCode}`));
    cc.publish('', 'nowhere', body('a'), { mandatory: true }, (err) => order.push(err ? 'nack' : 'ack'));
    cc.sendToQueue('full', body('b'), {}, (err) => order.push(err ? 'nack' : 'ack'));
    await expect(cc.waitForConfirms()).rejects.toThrow('message nacked');
    await broker.advance(0);
    expect(order).toEqual(['return 312', 'ack', 'nack']);
  });
});

describe('trace, stats, snapshot, explainRoute', () => {
  it('follows one message by id from publish to ack, and counts it', async () => {
    const { broker, conn, ch } = await setup();
    await ch.assertExchange('x', 'topic', { durable: false });
    await ch.assertQueue('q', { durable: false });
    await ch.bindQueue('q', 'x', 'a.*');
    const c = await conn.createChannel();
    await c.consume('q', (m) => c.ack(m!));
    broker.trace.drain();
    ch.publish('x', 'a.b', body('m'));
    await broker.advance(1);
    const evs = broker.trace.drain().filter((e) => 'id' in e);
    expect(evs.map((e) => e.type)).toEqual(['published', 'routed', 'enqueued', 'delivered', 'acked']);
    expect(new Set(evs.map((e) => (e as { id: number }).id)).size).toBe(1);
    const routed = evs[1] as Extract<TraceEvent, { type: 'routed' }>;
    expect(routed.bindings).toEqual([{ source: 'x', destination: 'q', destinationType: 'queue', routingKey: 'a.*' }]);
    const st = broker.stats();
    expect(st.queues['//q']).toMatchObject({ enqueued: 1, delivered: 1, acked: 1 });
    expect(st.exchanges['//x']).toMatchObject({ published: 1, routed: 1 });
    expect(broker.trace.drain()).toEqual([]);
  });

  it('keeps a bounded ring of trace events but never loses counts', async () => {
    const { broker, ch } = await setup({ seed: 1, traceLimit: 50 });
    await ch.assertQueue('q', { durable: false });
    for (let i = 0; i < 100; i++) ch.sendToQueue('q', body(String(i)));
    expect(broker.trace.events().length).toBe(50);
    expect(broker.stats().queues['//q'].enqueued).toBe(100);
  });

  it('explains why bindings did or did not match, through exchange-to-exchange bindings', async () => {
    const { broker, ch } = await setup();
    await ch.assertExchange('logs', 'topic', { durable: false });
    await ch.assertExchange('fan', 'fanout', { durable: false });
    await ch.assertQueue('lazy', { durable: false });
    await ch.assertQueue('all', { durable: false });
    await ch.bindQueue('lazy', 'logs', 'lazy.#');
    await ch.bindExchange('fan', 'logs', '#');
    await ch.bindQueue('all', 'fan', '');
    const r = broker.explainRoute('/', 'logs', 'quick.orange.rabbit');
    expect(r.queues).toEqual(['all']);
    const lazy = r.bindings.find((b) => b.binding.destination === 'lazy')!;
    expect(lazy).toMatchObject({ matched: false, reason: { kind: 'topic-word-mismatch', position: 0, expected: 'lazy', actual: 'quick' } });
    const fan = r.bindings.find((b) => b.binding.destination === 'fan')!;
    expect(fan.via?.bindings[0]).toMatchObject({ matched: true, reason: { kind: 'fanout' } });
  });

  it('lists entities in a snapshot', async () => {
    const { broker, conn, ch } = await setup();
    await ch.assertQueue('q', { durable: false });
    ch.sendToQueue('q', body('1'));
    ch.sendToQueue('q', body('2'));
    const c = await conn.createChannel();
    await c.get('q');
    const s = broker.snapshot();
    expect(s.queues.find((q) => q.name === 'q')).toMatchObject({ ready: 1, unacked: 1, consumers: [] });
    expect(s.exchanges.map((x) => x.name)).toEqual(['', 'amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match', 'amq.rabbitmq.trace']);
    expect(s.channels.map((x) => x.unacked)).toEqual([0, 1]);
    expect(s.connections).toHaveLength(1);
  });
});

describe('determinism', () => {
  async function scenario(broker: Broker): Promise<string> {
    const conn = await broker.connect();
    const ch = await conn.createChannel();
    const { queue } = await ch.assertQueue('', { exclusive: true, messageTtl: 50 });
    await ch.assertExchange('logs', 'fanout', { durable: false });
    await ch.bindQueue(queue, 'logs', '');
    const c = await conn.createChannel();
    await c.prefetch(2);
    await c.consume(queue, (m) => {
      if (broker.prng.next() < 0.3) c.nack(m!, false, false);
      else broker.setTimer(broker.prng.int(1, 40), () => c.ack(m!));
    });
    for (let i = 0; i < 200; i++) {
      ch.publish('logs', '', body(String(i)));
      await broker.advance(broker.prng.int(0, 5));
    }
    await broker.runUntilIdle();
    return JSON.stringify(broker.trace.events());
  }

  it('the same seed gives the same trace, byte for byte; another seed does not', async () => {
    const a = await scenario(createBroker({ seed: 9, traceLimit: 100000 }));
    const b = await scenario(createBroker({ seed: 9, traceLimit: 100000 }));
    const c = await scenario(createBroker({ seed: 10, traceLimit: 100000 }));
    expect(a.length).toBeGreaterThan(10000);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
