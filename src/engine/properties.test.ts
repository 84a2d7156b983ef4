/**
 * Property tests of the engine over random topologies (every exchange type, e2e bindings,
 * alternate exchanges, queues with TTL, max-length(-bytes), overflow modes, DLX, priorities) and
 * random client operation sequences (publish with random keys and properties, consume, get,
 * prefetch, ack/nack/reject with multiple and requeue, cancel, recover, channel close, purge,
 * advancing time), with zero and non-zero hop latencies.
 *
 * Each scenario is played on a fresh broker (testing/scenario.ts) and its trace replayed through
 * a strict model (testing/model.ts). Runs per property: 100 by default (the file takes a few
 * seconds); `WARREN_PROPERTY_RUNS=5000 npx vitest run src/engine/properties` for a deeper search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitraries } from './testing/arbitraries';
import { checkRun, violationsOf, type Property } from './testing/model';
import { runScenario, type RunEvent, type Scenario } from './testing/scenario';

const RUNS = Number(process.env.WARREN_PROPERTY_RUNS) || 100;
const TIMEOUT = Math.max(30_000, RUNS * 200);
const arb = scenarioArbitraries(fc);

async function holds(property: Property, sc: Scenario): Promise<void> {
  const run = await runScenario(sc);
  const report = checkRun(sc, run);
  // a client error means the scenario itself went wrong, which would make every other check moot
  expect(violationsOf(report, 'client')).toEqual([]);
  expect(violationsOf(report, property)).toEqual([]);
}

describe('engine properties (random topologies and operation sequences)', () => {
  it('every published copy, per (id, queue), ends in exactly one state, consistent with the snapshot and counters', async () => {
    await fc.assert(fc.asyncProperty(arb.scenario, (sc) => holds('accounting', sc)), { numRuns: RUNS });
  }, TIMEOUT);

  it('prefetch is never exceeded, per consumer and per channel (global)', async () => {
    await fc.assert(fc.asyncProperty(arb.scenario, (sc) => holds('prefetch', sc)), { numRuns: RUNS });
  }, TIMEOUT);

  it('delivery tags rise by one per channel (consume and get share the sequence)', async () => {
    await fc.assert(fc.asyncProperty(arb.scenario, (sc) => holds('tags', sc)), { numRuns: RUNS });
  }, TIMEOUT);

  it('queues are FIFO per priority level, highest level first; a requeued message returns to its place', async () => {
    await fc.assert(fc.asyncProperty(arb.scenario, (sc) => holds('fifo', sc)), { numRuns: RUNS });
  }, TIMEOUT);

  it('every publish on a confirm channel is confirmed once, nacked exactly when reject-publish refused it', async () => {
    await fc.assert(fc.asyncProperty(arb.scenario, (sc) => holds('confirms', sc)), { numRuns: RUNS });
  }, TIMEOUT);

  it('the same seed gives the same serialized trace, snapshot and counters', async () => {
    await fc.assert(
      fc.asyncProperty(arb.scenario, async (sc) => {
        const a = await runScenario(sc);
        const b = await runScenario(sc);
        expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
        expect(JSON.stringify(b.closedSnapshot)).toBe(JSON.stringify(a.closedSnapshot));
        expect(JSON.stringify(b.stats)).toBe(JSON.stringify(a.stats));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, TIMEOUT);

  it('the generated runs reach every final state (so the properties are not vacuous)', async () => {
    const seen = new Set<string>();
    let deliveries = 0;
    for (const sc of fc.sample(arb.scenario, { numRuns: 60, seed: 42 })) {
      const run = await runScenario(sc);
      for (const [state, n] of Object.entries(checkRun(sc, run).states)) if (n > 0) seen.add(state);
      deliveries += run.events.filter((e) => e.type === 'delivered').length;
    }
    expect([...seen].sort()).toEqual(['acked', 'dead-lettered', 'dropped', 'expired', 'ready', 'returned', 'unroutable']);
    expect(deliveries).toBeGreaterThan(100);
  });
});

/**
 * The checks must be able to fail: a real run's trace, tampered with, is caught.
 * (Breaking the engine itself was also tried when these were written; see the commit message.)
 */
describe('the model catches a tampered trace', () => {
  const sc: Scenario = {
    seed: 1,
    topology: {
      latency: { publish: 0, route: 0, deliver: 0, ack: 0 },
      exchanges: [{ name: 'x0', type: 'direct' }],
      queues: [{ name: 'q0', maxPriority: 3 }, { name: 'q1' }],
      bindings: [{ kind: 'queue', source: 'x0', destination: 'q0', key: 'a' }, { kind: 'queue', source: 'x0', destination: 'q1', key: 'a' }],
      channels: [{ confirm: true }, { confirm: false }],
    },
    ops: [
      { op: 'publish', ch: 0, x: 1, key: 'a', mandatory: false, size: 1 },
      { op: 'publish', ch: 0, x: 1, key: 'a', mandatory: false, size: 1, priority: 2 },
      { op: 'publish', ch: 0, x: 1, key: 'a', mandatory: false, size: 1 },
      { op: 'prefetch', ch: 1, count: 2, global: false },
      { op: 'consume', ch: 1, q: 0, noAck: false },
      { op: 'advance', ms: 1 },
      { op: 'ack', ch: 1, i: 0, multiple: false, requeue: false },
      { op: 'get', ch: 1, q: 1, noAck: false },
      { op: 'advance', ms: 1 },
    ],
  };

  async function report(tamper: (events: RunEvent[]) => RunEvent[]) {
    const run = await runScenario(sc);
    run.events = tamper(run.events.map((e) => ({ ...e }) as RunEvent));
    return checkRun(sc, run);
  }
  const index = (events: RunEvent[], pred: (e: RunEvent) => boolean) => {
    const i = events.findIndex(pred);
    if (i < 0) throw new Error('scenario did not produce the event to tamper with');
    return i;
  };

  it('passes untampered', async () => {
    const r = await report((e) => e);
    expect(r.violations).toEqual([]);
  });

  it('a lost ack leaves a copy unaccounted for', async () => {
    const r = await report((es) => {
      const i = index(es, (x) => x.type === 'acked');
      return [...es.slice(0, i), ...es.slice(i + 1)];
    });
    expect(violationsOf(r, 'accounting').length).toBeGreaterThan(0);
  });

  it('a copy delivered twice', async () => {
    const r = await report((es) => {
      const i = index(es, (x) => x.type === 'delivered');
      return [...es.slice(0, i + 1), { ...es[i], deliveryTag: 99 } as RunEvent, ...es.slice(i + 1)];
    });
    expect(violationsOf(r, 'accounting').length).toBeGreaterThan(0);
    expect(violationsOf(r, 'tags').length).toBeGreaterThan(0);
  });

  it('a skipped delivery tag', async () => {
    const r = await report((es) => es.map((e) => (e.type === 'delivered' && e.deliveryTag === 2 ? { ...e, deliveryTag: 3 } : e)));
    expect(violationsOf(r, 'tags').length).toBeGreaterThan(0);
  });

  it('deliveries out of priority order', async () => {
    const r = await report((es) => {
      const ds = es.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'delivered' && e.queue === 'q0');
      const [[a, i], [b, j]] = ds;
      es[i] = { ...b, deliveryTag: (a as { deliveryTag: number }).deliveryTag } as RunEvent;
      es[j] = { ...a, deliveryTag: (b as { deliveryTag: number }).deliveryTag } as RunEvent;
      return es;
    });
    expect(violationsOf(r, 'fifo').length).toBeGreaterThan(0);
  });

  it('a lower prefetch than the engine applied', async () => {
    const r = await report((es) => es.map((e) => (e.type === 'x-prefetch' ? { ...e, count: 1 } : e)));
    expect(violationsOf(r, 'prefetch').length).toBeGreaterThan(0);
  });

  it('a confirm that claims a nack', async () => {
    const r = await report((es) => es.map((e) => (e.type === 'confirmed' ? { ...e, ack: false } : e)));
    expect(violationsOf(r, 'confirms').length).toBeGreaterThan(0);
  });
});
