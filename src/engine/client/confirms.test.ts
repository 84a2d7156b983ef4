/**
 * Publisher confirms as amqplib sees them: the 'ack' and 'nack' events, `multiple` confirms for
 * what became due at one virtual instant, and (a fast-check property) every publish confirmed
 * exactly once, by its callback and by the events, the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmFrames } from './confirm-batch';
import { createBroker } from '../index';

const RUNS = Number(process.env.WARREN_PROPERTY_RUNS) || 100;

describe('confirmFrames (RabbitMQ coalesce_and_send)', () => {
  it('sends a lone ack alone, coalesces a run below the smallest unconfirmed tag, and sends the rest singly', () => {
    expect(confirmFrames([3], [], Infinity)).toEqual([{ ack: true, deliveryTag: 3, multiple: false }]);
    expect(confirmFrames([1, 2, 3], [], Infinity)).toEqual([{ ack: true, deliveryTag: 3, multiple: true }]);
    expect(confirmFrames([1, 2, 4, 5], [], 3)).toEqual([
      { ack: true, deliveryTag: 2, multiple: true },
      { ack: true, deliveryTag: 4, multiple: false },
      { ack: true, deliveryTag: 5, multiple: false },
    ]);
  });

  it('coalesces a lone nack (multiple: true, as recorded in w-confirm-events) and cuts acks at the first nack', () => {
    expect(confirmFrames([], [3], Infinity)).toEqual([{ ack: false, deliveryTag: 3, multiple: true }]);
    expect(confirmFrames([1, 2, 4], [3], Infinity)).toEqual([
      { ack: true, deliveryTag: 2, multiple: true },
      { ack: true, deliveryTag: 4, multiple: false },
      { ack: false, deliveryTag: 3, multiple: false },
    ]);
  });
});

describe('confirm channel events', () => {
  it('confirms a burst published at one instant with one multiple ack, after every publish callback ran', async () => {
    const broker = createBroker({ seed: 1 });
    const ch = await (await broker.connect()).createConfirmChannel();
    await ch.assertQueue('q', { durable: false });
    const seen: string[] = [];
    ch.on('ack', (f: { deliveryTag: number; multiple: boolean }) => seen.push(`ack ${f.deliveryTag} ${f.multiple}`));
    for (let i = 1; i <= 5; i++) ch.sendToQueue('q', new Uint8Array([i]), {}, (err) => seen.push(`cb ${i} ${err === null}`));
    await broker.advance(10);
    expect(seen).toEqual(['cb 1 true', 'cb 2 true', 'cb 3 true', 'cb 4 true', 'cb 5 true', 'ack 5 true']);
  });
});

type Op = { kind: 'publish'; target: 'queue' | 'full' | 'nowhere' } | { kind: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('publish' as const), target: fc.constantFrom('queue' as const, 'full' as const, 'nowhere' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20 }) }) },
);

describe('confirm property', () => {
  it('every publish on a confirm channel is confirmed exactly once, and its callback agrees with the ack/nack events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), async (ops, route, publish) => {
        const broker = createBroker({ seed: 3, latency: { route, publish } });
        const ch = await (await broker.connect()).createConfirmChannel();
        await ch.assertQueue('q', { durable: false });
        await ch.assertQueue('full', { durable: false, arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' } });
        const callbacks = new Map<number, boolean[]>();
        const byEvents = new Map<number, boolean[]>();
        let published = 0;
        let lastSettled = 0; // tags the events have covered so far, by `multiple` up to a tag
        const outstanding = new Set<number>();
        const onFrame = (ack: boolean) => (f: { deliveryTag: number; multiple: boolean }) => {
          const tags = f.multiple ? [...outstanding].filter((t) => t <= f.deliveryTag) : [f.deliveryTag];
          if (!f.multiple) expect(outstanding.has(f.deliveryTag)).toBe(true);
          for (const t of tags) {
            outstanding.delete(t);
            byEvents.set(t, [...(byEvents.get(t) ?? []), ack]);
          }
          lastSettled = Math.max(lastSettled, f.deliveryTag);
        };
        ch.on('ack', onFrame(true));
        ch.on('nack', onFrame(false));
        for (const op of ops) {
          if (op.kind === 'advance') {
            await broker.advance(op.ms);
            continue;
          }
          const tag = ++published;
          outstanding.add(tag);
          const rk = op.target === 'queue' ? 'q' : op.target === 'full' ? 'full' : 'nowhere';
          ch.sendToQueue(rk, new Uint8Array([1]), {}, (err) => callbacks.set(tag, [...(callbacks.get(tag) ?? []), err === null]));
        }
        await broker.advance(100);
        for (let t = 1; t <= published; t++) {
          expect(callbacks.get(t)).toHaveLength(1);
          expect(byEvents.get(t)).toEqual(callbacks.get(t));
        }
        expect(outstanding.size).toBe(0);
        expect(lastSettled).toBe(published);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
