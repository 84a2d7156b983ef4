/* eslint-disable @typescript-eslint/no-explicit-any -- scripts are plain JSON handed to an .mjs interpreter */
// The fuzz script generator (seeded fast-check arbitraries) and the list of divergence shapes skipped by
// default. The script format is documented in conformance/warren/fuzz/interpret.mjs, which runs a script on
// either side. Every script is valid by construction: references are indexes taken modulo what exists.
//
// Areas a simulator tends to get wrong are weighted in: priorities with requeue, dead-letter chains
// (queue -> DLX -> queue -> DLX), max-length / max-length-bytes with every overflow mode, confirms,
// mandatory with alternate exchanges, exchange-to-exchange bindings (and unbinding), headers exchanges with
// the `-with-x` match forms, consumers sharing a channel under a per-consumer or global prefetch, multiple acks,
// Direct Reply-to round trips (and their 406s), confirm channels' ack/nack events (`frames`), and amqplib's
// callback API as a second client style (`api: 'callback'`).
import fc from 'fast-check';

const BIND_KEYS = ['a', 'b', 'a.b', 'b.a', 'a.b.c', '', '#', '*', 'a.*', '#.b', 'a.#'];
const PUB_KEYS = ['a', 'b', 'a.b', 'b.a', 'a.b.c', '', 'c'];

/**
 * A value present in about one script in `every` (absent otherwise). fast-check's `option(arb, { freq })` means
 * the opposite (absent in one in `freq`), which had made most of these choices the common case: 7 queues in 8
 * single-active-consumer, and never a publish to a queue by name or a confirm's ack/nack events.
 */
const opt = <T>(arb: fc.Arbitrary<T>, every = 3): fc.Arbitrary<T | undefined> => (every <= 1 ? arb
  : fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb }));

const arbDlx = fc.record({ ex: fc.integer({ min: -1, max: 2 }), rk: opt(fc.nat(3), 2) }, { requiredKeys: ['ex'] });

const arbQueue = fc.oneof(
  { weight: 9, arbitrary: fc.record({
    maxLength: opt(fc.integer({ min: 0, max: 3 })),
    maxLengthBytes: opt(fc.constantFrom(0, 2, 5, 8), 6), // bodies are `m<k>`: 2 or 3 bytes
    overflow: opt(fc.constantFrom('drop-head', 'reject-publish', 'reject-publish-dlx'), 2),
    maxPriority: opt(fc.constantFrom(3, 10), 3),
    messageTtl: opt(fc.constantFrom(0, 60000), 6),
    dlx: opt(arbDlx, 2),
    sac: opt(fc.constant(true), 8),
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({
    quorum: fc.constant(true),
    deliveryLimit: opt(fc.integer({ min: 0, max: 2 }), 2),
    maxLength: opt(fc.integer({ min: 0, max: 3 }), 3),
    dlx: opt(arbDlx, 2),
  }, { requiredKeys: ['quorum'] }) },
);

const arbProps = fc.record({
  priority: opt(fc.integer({ min: 0, max: 5 }), 2),
  expiration: opt(fc.constantFrom('0', '60000'), 5),
  h: opt(fc.constantFrom(1, 2), 2),
  xh: opt(fc.constantFrom(1, 2), 5), // an `x-h` header, seen only by the `-with-x` match forms
  mandatory: opt(fc.constant(true), 3),
  cc: opt(fc.constantFrom('a', 'b', 'a.b'), 6),
}, { requiredKeys: [] });

const arbPublish = (op: 'publish' | 'confirmPublish') => fc.record({
  op: fc.constant(op),
  ex: fc.integer({ min: -1, max: 2 }),
  key: fc.constantFrom(...PUB_KEYS),
  q: opt(fc.nat(3), 2),
  props: arbProps,
  ...(op === 'confirmPublish' ? { frames: opt(fc.constant(true), 2) } : {}),
}, { requiredKeys: ['op', 'ex', 'key', 'props'] });

const arbConsume = fc.record({
  op: fc.constant('consume'),
  q: fc.nat(3),
  prefetch: fc.integer({ min: 0, max: 3 }),
  noAck: fc.boolean(),
  priority: opt(fc.integer({ min: 0, max: 5 }), 3),
  same: opt(fc.constant(true), 3), // on the channel of the previous consumer, when it is open
  global: opt(fc.constant(true), 4), // prefetch(n, true): a limit shared by the channel's consumers
}, { requiredKeys: ['op', 'q', 'prefetch', 'noAck'] });

const arbOp = fc.oneof(
  { weight: 10, arbitrary: arbPublish('publish') },
  { weight: 3, arbitrary: arbPublish('confirmPublish') },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('get'), q: fc.nat(3), noAck: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('ack'), h: fc.nat(4), i: fc.nat(5), multiple: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('nack'), h: fc.nat(4), i: fc.nat(5), multiple: fc.boolean(), requeue: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reject'), h: fc.nat(4), i: fc.nat(5), requeue: fc.boolean() }) },
  { weight: 3, arbitrary: arbConsume },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel'), c: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close'), c: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('recover'), h: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('purge'), q: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('check'), q: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteQueue'), q: fc.nat(3), ifEmpty: fc.boolean(), ifUnused: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unbind'), b: fc.nat(5) }) },
  // Direct Reply-to: mostly well-formed, sometimes without the reply consumer, with acks, or after a cancel
  { weight: 2, arbitrary: fc.record({
    op: fc.constant('rpc'),
    q: fc.nat(3),
    consumeFirst: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    noAck: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    cancel: opt(fc.constant(true), 6),
    // no `mandatory` reply: RabbitMQ delivers it and may or may not also return it (a race in the broker)
  }, { requiredKeys: ['op', 'q', 'consumeFirst', 'noAck'] }) },
);

const arbBinding = fc.record({
  src: fc.nat(2), toQueue: fc.boolean(), dest: fc.nat(3), key: fc.constantFrom(...BIND_KEYS),
  hdr: opt(fc.record({
    match: fc.constantFrom('all', 'any', 'all-with-x', 'any-with-x'),
    h: fc.constantFrom(1, 2),
    k: opt(fc.constant('x-h'), 3), // bind on the `x-h` header instead of `h`
  }, { requiredKeys: ['match', 'h'] }), 2),
}, { requiredKeys: ['src', 'toQueue', 'dest', 'key'] });

export const arbScript = (maxOps = 20) => fc.record({
  exchanges: fc.array(fc.record({ type: fc.constantFrom('direct', 'fanout', 'topic', 'headers'), ae: opt(fc.nat(2), 4) }, { requiredKeys: ['type'] }), { maxLength: 3 }),
  queues: fc.array(arbQueue, { minLength: 1, maxLength: 3 }),
  bindings: fc.array(arbBinding, { maxLength: 6 }),
  ops: fc.array(arbOp, { minLength: 1, maxLength: maxOps }),
  // one script in four runs on amqplib's callback API instead of the promise API
  api: opt(fc.constant('callback' as const), 4),
});

/**
 * Divergence shapes skipped by default (`--all` turns this off), so that a run goes on to find new ones:
 * shapes where RabbitMQ itself is nondeterministic (see conformance/warren/README.md), and divergences found
 * but not fixed yet (each saved in conformance/warren/fuzz_regressions.mjs). Fixed divergences are removed
 * from this list: their regression cases keep them fixed.
 */
export const KNOWN: { id: string; test: (s: any) => boolean }[] = [];

/** Drop keys whose value is undefined (fast-check's option() leaves them), so scripts print as clean JSON. */
export function clean<T>(v: T): T { return JSON.parse(JSON.stringify(v)); }
