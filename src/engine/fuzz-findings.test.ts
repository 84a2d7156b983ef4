// Focused tests for divergences the differential fuzzer (npm run conformance:fuzz) found between the engine and
// RabbitMQ 3.10.8; each is also a recorded case in conformance/warren/fuzz_regressions.mjs.
import { describe, expect, it } from 'vitest';
import { createBroker } from './index';

async function setup() {
  const broker = createBroker({ seed: 1 });
  const conn = await broker.connect();
  const ch = await conn.createChannel();
  return { broker, conn, ch };
}

describe('fuzz findings', () => {
  it('consuming from a quorum queue on a channel with a global prefetch is a 540 connection error', async () => {
    const { conn, ch } = await setup();
    const events: string[] = [];
    conn.on('error', (e: Error) => events.push(e.message));
    await ch.assertQueue('qq', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await ch.prefetch(1, true);
    await expect(ch.consume('qq', () => undefined)).rejects.toThrow('Channel ended, no reply will be forthcoming');
    await Promise.resolve();
    expect(events).toEqual([`Connection closed: 540 (NOT-IMPLEMENTED) with message "NOT_IMPLEMENTED - queue 'qq' in vhost '/' does not support global qos"`]);
    await expect(conn.createChannel()).rejects.toThrow(/Connection closed/);
  });

  it('a per-consumer prefetch on a quorum queue is fine', async () => {
    const { ch } = await setup();
    await ch.assertQueue('qq', { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await ch.prefetch(1);
    await expect(ch.consume('qq', () => undefined)).resolves.toMatchObject({ consumerTag: expect.any(String) });
  });

  it('priority queue: a TTL message that jumped ahead is delivered, and dropped as expired when requeued', async () => {
    const { broker, conn, ch } = await setup();
    await ch.assertQueue('pq', { durable: false, arguments: { 'x-max-priority': 3 } });
    ch.sendToQueue('pq', new TextEncoder().encode('old'));
    ch.sendToQueue('pq', new TextEncoder().encode('ttl'), { priority: 3, expiration: '0' });
    expect((await ch.checkQueue('pq')).messageCount).toBe(2); // not looked at: it was not alone on arrival
    const c = await conn.createChannel();
    await c.prefetch(2);
    const got: string[] = [];
    await c.consume('pq', (m) => { if (m) got.push(new TextDecoder().decode(m.content)); });
    await broker.advance(10);
    expect(got).toEqual(['ttl', 'old']);
    await c.close();
    await broker.advance(10);
    const m = await ch.get('pq', { noAck: true });
    expect(m && new TextDecoder().decode(m.content)).toBe('old');
    expect(await ch.get('pq', { noAck: true })).toBe(false);
  });
});
