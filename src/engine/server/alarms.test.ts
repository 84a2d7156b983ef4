import { describe, expect, it } from 'vitest';
import { createBroker, type TraceEvent } from '../index';
import { Kernel } from '../kernel/kernel';
import { Alarms } from './alarms';
import { fakeConnection } from './test-fakes';

const body = (s: string) => new TextEncoder().encode(s);

describe('resource alarms', () => {
  it('a default broker is never in alarm', () => {
    const b = createBroker();
    const r = b.admin.resources();
    expect(r.alarms).toEqual([]);
    expect(r.memory.used).toBeLessThan(r.memory.limit);
    expect(r.disk.free).toBeGreaterThan(r.disk.limit);
  });

  it('queued bytes crossing the watermark raise the memory alarm; draining clears it', async () => {
    // limit = 0.5 * 2000 = 1000 bytes, base 900: 100 queued bytes fit
    const b = createBroker({ resources: { totalMemory: 2000, baseMemory: 900, memoryHighWatermark: 0.5 } });
    const events: TraceEvent[] = [];
    b.onTrace((e) => events.push(e));
    const conn = await b.connect();
    const blocked: unknown[] = [];
    conn.on('blocked', (r: unknown) => blocked.push(r));
    conn.on('unblocked', () => blocked.push('unblocked'));
    const ch = await conn.createChannel();
    await ch.assertQueue('q', { durable: false });
    ch.sendToQueue('q', new Uint8Array(60));
    expect(b.admin.resources().alarms).toEqual([]);
    ch.sendToQueue('q', new Uint8Array(60)); // 120 > 100
    expect(b.admin.resources().alarms).toEqual(['memory']);
    expect(events.filter((e) => e.type === 'alarm-set')).toMatchObject([{ resource: 'memory' }]);
    ch.sendToQueue('q', body('held')); // held, not enqueued
    await b.advance(10);
    expect(blocked).toEqual(['low on memory']);
    expect(b.snapshot().connections[0].blocked).toBe(true);
    const ch2 = await (await b.connect()).createChannel();
    expect(await ch2.get('q', { noAck: true })).toBeTruthy(); // consuming still works
    await b.advance(10);
    expect(b.admin.resources().alarms).toEqual([]);
    expect(blocked).toEqual(['low on memory', 'unblocked']);
    expect((await ch2.checkQueue('q')).messageCount).toBe(2); // the held publish went on
  });

  it('a publish under confirms while blocked is neither enqueued nor confirmed until the alarm clears', async () => {
    const b = createBroker();
    const conn = await b.connect();
    const ch = await conn.createConfirmChannel();
    await ch.assertQueue('q', { durable: false });
    await b.admin.setDiskFreeLimit(1e15);
    const acks: string[] = [];
    ch.publish('', 'q', body('x'), {}, (err) => acks.push(err ? 'nack' : 'ack'));
    await b.advance(100);
    expect(acks).toEqual([]);
    expect((await ch.checkQueue('q')).messageCount).toBe(0);
    await b.admin.setDiskFreeLimit(50_000_000);
    await b.advance(1);
    expect(acks).toEqual(['ack']);
    expect((await ch.checkQueue('q')).messageCount).toBe(1);
  });

  it('rejects bad limits with a clear error and changes nothing', async () => {
    const b = createBroker();
    await expect(b.admin.setMemoryHighWatermark(1.5)).rejects.toThrow(/between 0 and 1/);
    await expect(b.admin.setMemoryHighWatermark(-0.1)).rejects.toThrow(/non-negative/);
    await expect(b.admin.setDiskFreeLimit(-1)).rejects.toThrow(/non-negative/);
    await expect(b.admin.setDiskFreeLimit(Number.NaN)).rejects.toThrow(/non-negative/);
    expect(b.admin.resources().memory.watermark).toBe(0.4);
    expect(b.admin.resources().disk.limit).toBe(50_000_000);
    expect(() => createBroker({ resources: { bogus: 1 } as never })).toThrow(/unknown resources setting/);
  });
});

// Alarms built from a kernel and a fake connection port (ports.ts): no Broker.

describe('Alarms without a broker', () => {
  it('holds a blocked connection\'s publishes and lets them go on, in order, once every alarm has cleared', async () => {
    const kernel = new Kernel({ seed: 1 });
    const alarms = new Alarms(kernel, { diskFree: 10, diskFreeLimit: 20 });
    const heard: string[] = [];
    const conn = fakeConnection(heard);
    expect(alarms.blocking).toBe(true);
    const ran: number[] = [];
    alarms.hold(conn, () => ran.push(1));
    alarms.hold(conn, () => ran.push(2));
    expect(alarms.isBlocked(conn)).toBe(true);
    await kernel.advance(0);
    expect(heard).toEqual(['blocked']);
    alarms.configure({ diskFree: 100 });
    await kernel.advance(0);
    expect(heard).toEqual(['blocked', 'unblocked']);
    expect(ran).toEqual([1, 2]);
    expect(alarms.isBlocked(conn)).toBe(false);
    expect(kernel.trace.events().map((e) => e.type)).toEqual(['alarm-set', 'connection-blocked', 'alarm-cleared', 'connection-unblocked']);
  });
});
