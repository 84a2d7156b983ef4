/**
 * What amqplib 2.3.1 lets through on the client side (recorded: w-api-consume-no-callback,
 * w-api-exchange-no-type, w-api-prefetch-wedge).
 */
import { describe, expect, it } from 'vitest';
import { createBroker } from './index';

const body = (s: string) => new TextEncoder().encode(s);

async function setup() {
  const broker = createBroker({ seed: 1 });
  const conn = await broker.connect();
  const ch = await conn.createChannel();
  return { broker, conn, ch };
}

describe('amqplib-lenient calls', () => {
  it('consume without a callback is accepted; the first delivery closes the channel with 541 Unknown consumer', async () => {
    const { broker, conn, ch } = await setup();
    await ch.assertQueue('q', { durable: false });
    const c = await conn.createChannel();
    const events: unknown[] = [];
    c.on('error', (e: Error & { code?: number }) => events.push([e.message, e.code]));
    c.on('close', () => events.push('close'));
    await expect(c.consume('q', undefined, { consumerTag: 't1' })).resolves.toEqual({ consumerTag: 't1' });
    ch.sendToQueue('q', body('m1'));
    await broker.advance(100);
    expect(events).toEqual([['Unknown consumer: t1', 541], 'close']);
    const m = await ch.get('q');
    expect(m && [new TextDecoder().decode(m.content), m.fields.redelivered]).toEqual(['m1', true]);
  });

  it("assertExchange without a type declares a direct exchange; a null type is amqplib's encoder error", async () => {
    const { conn, ch } = await setup();
    await expect(ch.assertExchange('x')).resolves.toEqual({ exchange: 'x' });
    const c = await conn.createChannel();
    c.on('error', () => {});
    await expect(c.assertExchange('x', 'fanout')).rejects.toMatchObject({ code: 406, message: expect.stringContaining("received 'fanout' but current is 'direct'") });
    await expect(ch.assertExchange('y', null as unknown as string)).rejects.toThrow("Field 'type' is the wrong type");
  });

  it("prefetch('x') fails and leaves the channel's later calls unanswered until it closes; publishes still go", async () => {
    const { broker, conn, ch } = await setup();
    await ch.assertQueue('q', { durable: false });
    const c = await conn.createChannel();
    await expect(c.prefetch('x' as unknown as number)).rejects.toThrow("Field 'prefetchCount' is the wrong type");
    let late: unknown = 'pending';
    c.checkQueue('q').then(() => { late = 'answered'; }, (e: Error) => { late = e.message; });
    await broker.advance(1000);
    expect(late).toBe('pending');
    c.sendToQueue('q', body('still'));
    await broker.advance(10);
    expect((await ch.checkQueue('q')).messageCount).toBe(1);
    await c.close();
    await broker.advance(1);
    expect(late).toBe('Channel ended, no reply will be forthcoming');
    await expect((await conn.createChannel()).checkQueue('q')).resolves.toMatchObject({ queue: 'q' });
  });
});
