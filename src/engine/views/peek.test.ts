import { describe, expect, it } from 'vitest';
import { createBroker } from '../index';

const body = (s: string) => new TextEncoder().encode(s);

describe('peekQueue', () => {
  it('lists ready messages in delivery order (priority first) and unacked ones with their consumer, taking nothing', async () => {
    const broker = createBroker({ seed: 1 });
    const conn = await broker.connect();
    const ch = await conn.createChannel();
    await ch.assertQueue('jobs', { durable: false, arguments: { 'x-max-priority': 5, 'x-message-ttl': 60_000 } });
    ch.sendToQueue('jobs', body('a'));
    ch.sendToQueue('jobs', body('b'), { priority: 3 });
    ch.sendToQueue('jobs', body('c'));
    // Not runUntilIdle: that would run the clock on until the TTL expired them.
    await broker.advance(10);
    const before = broker.peekQueue('/', 'jobs')!;
    expect(before.ready.map((m) => m.routingKey)).toEqual(['jobs', 'jobs', 'jobs']);
    const [b, a, c] = before.ready;
    expect([b.priority, a.priority, c.priority]).toEqual([3, 0, 0]);
    expect(a.id).toBeLessThan(c.id);
    expect(a.expiresAt).toBe(a.publishedAt + 60_000);
    expect(before.unacked).toEqual([]);

    const worker = await conn.createChannel();
    await worker.prefetch(1);
    const { consumerTag } = await worker.consume('jobs', () => {});
    await broker.advance(10);
    const after = broker.peekQueue('/', 'jobs')!;
    expect(after.readyTotal).toBe(2);
    expect(after.unackedTotal).toBe(1);
    expect(after.unacked[0]).toMatchObject({ id: b.id, consumerTag, deliveryTag: 1, redelivered: false });
    expect(after.ready.map((m) => m.id)).toEqual([a.id, c.id]);
    // Peeking changed nothing.
    expect((await ch.checkQueue('jobs')).messageCount).toBe(2);
  });

  it('caps the lists but counts everything, and knows no missing queue', async () => {
    const broker = createBroker({ seed: 1 });
    const ch = await (await broker.connect()).createChannel();
    await ch.assertQueue('q', { durable: false });
    for (let i = 0; i < 30; i++) ch.sendToQueue('q', body(String(i)));
    await broker.runUntilIdle();
    const peek = broker.peekQueue('/', 'q', 10)!;
    expect(peek.ready).toHaveLength(10);
    expect(peek.readyTotal).toBe(30);
    expect(broker.peekQueue('/', 'nope')).toBeNull();
    expect(broker.peekQueue('other', 'q')).toBeNull();
  });
});
