/**
 * Test support: fast-check generators of random scenarios (topologies and operation sequences).
 *
 * The engine imports nothing from outside src/engine (lint rule engine-boundary), so fast-check is
 * passed in by the test: `const arb = scenarioArbitraries(fc)`.
 */
import type { BindingSpec, ExchangeKind, ExchangeSpec, Op, QueueSpec, Scenario, Topology } from './scenario';

type FastCheck = typeof import('fast-check').default;
type Arbitrary<T> = import('fast-check').Arbitrary<T>;

/** Routing keys publishes use. */
export const KEYS = ['a', 'b', 'a.b', 'b.c', 'a.b.c', 'c', ''] as const;
/** Binding keys: plain words for direct, patterns for topic exchanges. */
export const PATTERNS = ['a', 'b', 'a.b', '*', '#', 'a.*', '*.b', 'a.#', '#.c', 'b.c', ''] as const;

export interface ScenarioLimits {
  /** Most operations in a scenario. */
  maxOps: number;
  maxExchanges: number;
  maxQueues: number;
  maxBindings: number;
  maxChannels: number;
}

export const DEFAULT_LIMITS: ScenarioLimits = { maxOps: 60, maxExchanges: 4, maxQueues: 4, maxBindings: 10, maxChannels: 3 };

export function scenarioArbitraries(fc: FastCheck, limits: ScenarioLimits = DEFAULT_LIMITS) {
  const exchangeKind: Arbitrary<ExchangeKind> = fc.constantFrom('direct', 'fanout', 'topic', 'headers');

  const latency = fc.oneof(
    { weight: 3, arbitrary: fc.constant({ publish: 0, route: 0, deliver: 0, ack: 0 }) },
    {
      weight: 1,
      arbitrary: fc.record({
        publish: fc.constantFrom(0, 1, 5),
        route: fc.constantFrom(0, 1, 5),
        deliver: fc.constantFrom(0, 2, 5),
        ack: fc.constantFrom(0, 1, 5),
      }),
    },
  );

  /** Each argument is present in about one queue in `freq`, so most queues keep their messages. */
  const sometimes = <T>(a: Arbitrary<T>, freq: number): Arbitrary<T | undefined> =>
    fc.oneof({ weight: 1, arbitrary: a }, { weight: freq - 1, arbitrary: fc.constant(undefined) });
  const queueSpec = (name: string, exchangeNames: string[]): Arbitrary<QueueSpec> =>
    fc
      .record({
        messageTtl: sometimes(fc.constantFrom(0, 5, 50, 500), 4),
        maxLength: sometimes(fc.integer({ min: 0, max: 5 }), 4),
        maxLengthBytes: sometimes(fc.constantFrom(0, 4, 20, 100), 6),
        overflow: sometimes(fc.constantFrom('drop-head' as const, 'reject-publish' as const, 'reject-publish-dlx' as const), 2),
        dlx: sometimes(fc.constantFrom(...exchangeNames, '', 'missing-x'), 2),
        dlrk: sometimes(fc.constantFrom('a', 'b', 'q0', 'q1', 'q2'), 2),
        maxPriority: sometimes(fc.integer({ min: 0, max: 5 }), 3),
      })
      .map((q) => {
        const spec: QueueSpec = { name };
        for (const [k, val] of Object.entries(q)) if (val !== undefined) (spec as unknown as Record<string, unknown>)[k] = val;
        if (spec.dlx === undefined) delete spec.dlrk;
        return spec;
      });

  const topology: Arbitrary<Topology> = fc
    .record({
      nx: fc.integer({ min: 1, max: limits.maxExchanges }),
      nq: fc.integer({ min: 1, max: limits.maxQueues }),
      kinds: fc.array(exchangeKind, { minLength: limits.maxExchanges, maxLength: limits.maxExchanges }),
      alternates: fc.array(fc.option(fc.nat(), { freq: 4 }), { minLength: limits.maxExchanges, maxLength: limits.maxExchanges }),
      latency,
      channels: fc.array(fc.record({ confirm: fc.boolean() }), { minLength: 1, maxLength: limits.maxChannels }),
    })
    .chain(({ nx, nq, kinds, alternates, latency, channels }) => {
      const exchanges: ExchangeSpec[] = [];
      for (let i = 0; i < nx; i++) {
        const x: ExchangeSpec = { name: `x${i}`, type: kinds[i] };
        const a = alternates[i];
        if (a !== null) x.alternate = `x${a % nx}`;
        exchanges.push(x);
      }
      const xNames = exchanges.map((x) => x.name);
      const qNames = Array.from({ length: nq }, (_, i) => `q${i}`);
      const headersArgs = fc.record(
        { 'x-match': fc.constantFrom('all', 'any', 'all-with-x', 'any-with-x'), h1: fc.constantFrom('v1', 'v2'), h2: fc.constantFrom('v1', 'v2') },
        { requiredKeys: ['x-match'] },
      );
      const binding: Arbitrary<BindingSpec> = fc
        .record({
          toExchange: fc.boolean().map((b) => b && nx > 1),
          source: fc.constantFrom(...xNames),
          qdest: fc.constantFrom(...qNames),
          xdest: fc.constantFrom(...xNames),
          key: fc.constantFrom(...PATTERNS),
          args: headersArgs,
        })
        .map(({ toExchange, source, qdest, xdest, key, args }) => {
          const isHeaders = exchanges.find((x) => x.name === source)!.type === 'headers';
          const b: BindingSpec = { kind: toExchange ? 'exchange' : 'queue', source, destination: toExchange ? xdest : qdest, key };
          if (isHeaders) b.args = args;
          return b;
        });
      return fc.record({
        latency: fc.constant(latency),
        exchanges: fc.constant(exchanges),
        queues: fc.tuple(...qNames.map((n) => queueSpec(n, xNames))),
        bindings: fc.array(binding, { maxLength: limits.maxBindings }),
        channels: fc.constant(channels),
      });
    });

  const ch = fc.nat({ max: 7 });
  const op: Arbitrary<Op> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record(
        {
          op: fc.constant('publish' as const),
          ch,
          x: fc.nat({ max: 7 }),
          key: fc.constantFrom(...KEYS),
          priority: fc.integer({ min: 0, max: 7 }),
          expiration: fc.constantFrom('0', '3', '40', '300'),
          headers: fc.record({ h1: fc.constantFrom('v1', 'v2'), h2: fc.constantFrom('v1', 'v2') }, { requiredKeys: [] }),
          mandatory: fc.boolean(),
          cc: fc.constantFrom(...KEYS),
          size: fc.integer({ min: 0, max: 30 }),
        },
        { requiredKeys: ['op', 'ch', 'x', 'key', 'mandatory', 'size'] },
      ),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('consume' as const), ch, q: fc.nat({ max: 7 }), noAck: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('prefetch' as const), ch, count: fc.integer({ min: 0, max: 4 }), global: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('get' as const), ch, q: fc.nat({ max: 7 }), noAck: fc.boolean() }) },
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constantFrom('ack' as const, 'ack' as const, 'nack' as const, 'reject' as const),
        ch,
        i: fc.nat({ max: 9 }),
        multiple: fc.boolean(),
        requeue: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('ackAll' as const, 'nackAll' as const), ch, requeue: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), ch, i: fc.nat({ max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), ch }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('recover' as const), ch }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('purge' as const), q: fc.nat({ max: 7 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(0, 1, 4, 30, 100, 1000) }) },
  );

  const scenario: Arbitrary<Scenario> = fc.record({
    seed: fc.nat(),
    topology,
    ops: fc.array(op, { maxLength: limits.maxOps, size: 'max' }),
  });

  return { topology, op, scenario };
}
