/** amqplib's write buffer as the engine models it (recorded: w-publish-write-buffer). */
import { describe, expect, it } from 'vitest';
import { createBroker } from '../index';
import { framesOf, FRAMES_WHILE_ROOM } from './write-buffer';

describe('publish and drain', () => {
  it("returns false once a synchronous burst fills amqplib's buffer, then 'drain' comes once; a later burst starts afresh", async () => {
    const broker = createBroker({ seed: 1 });
    const conn = await broker.connect();
    const ch = await conn.createChannel();
    await ch.assertQueue('q', { durable: false });
    let drains = 0;
    ch.on('drain', () => drains++);
    const body = new TextEncoder().encode('m');
    const first = Array.from({ length: 3000 }, () => ch.sendToQueue('q', body));
    expect([first.indexOf(false), first.filter((x) => !x).length, drains]).toEqual([FRAMES_WHILE_ROOM, 3000 - FRAMES_WHILE_ROOM, 0]);
    await broker.advance(100);
    expect(drains).toBe(1);
    expect(Array.from({ length: 10 }, () => ch.sendToQueue('q', body))).toEqual(Array(10).fill(true));
    await broker.advance(100);
    expect(drains).toBe(1);
    expect((await ch.checkQueue('q')).messageCount).toBe(3010);
  });

  it('counts a large message as its header and body frames', () => {
    expect(framesOf('', 'q', 10)).toBe(1);
    expect(framesOf('', 'q', 5000)).toBe(2);
    expect(framesOf('', 'q', 300000)).toBe(4);
  });
});
