/**
 * fast-check arbitraries for valid scenario documents, for property tests. Names include the
 * awkward cases real people type: HTML, quotes, Chinese, dots and spaces.
 */
import fc from 'fast-check';
import { restoreScenario } from '../restore';
import { SCENARIO_VERSION, type ScenarioDocument } from '../schema';

const NAME_PARTS = ['orders', 'logs', '<b>bold</b>', 'a"quote', "it's", 'x.y.z', '订单', 'with space', '`tick`', '${x}', 'emoji🐇'];
const name = (i: number) => fc.constantFrom(...NAME_PARTS).map((p) => `${p}-${i}`);
const vhost = fc.constantFrom('/', '/', 'shop', 'billing');
const small = fc.integer({ min: 0, max: 100_000 });
const position = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) });
const headerValue = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constant(null));
const headers = fc.dictionary(fc.constantFrom('format', 'type', 'region', '<i>', '中文'), headerValue, { maxKeys: 3 });
const keyWord = fc.constantFrom('a', 'b', 'orange', 'rabbit', '*', '#', 'lazy', '');
const routingKey = fc.array(keyWord, { minLength: 0, maxLength: 4 }).map((w) => w.join('.'));

const queueArgs = fc
  .record(
    {
      'x-message-ttl': small,
      'x-expires': fc.integer({ min: 1, max: 100_000 }),
      'x-max-length': small,
      'x-overflow': fc.constantFrom('drop-head', 'reject-publish', 'reject-publish-dlx'),
      'x-dead-letter-exchange': fc.constantFrom('dlx', ''),
      'x-max-priority': fc.integer({ min: 1, max: 255 }),
      'x-single-active-consumer': fc.boolean(),
      'x-queue-type': fc.constantFrom('classic', 'quorum'),
      'x-delivery-limit': small,
    },
    { requiredKeys: [] },
  )
  .chain((a) => (a['x-dead-letter-exchange'] !== undefined ? fc.option(routingKey, { nil: undefined }).map((k) => (k === undefined ? a : { ...a, 'x-dead-letter-routing-key': k })) : fc.constant(a)));

const connection = fc.record({ user: fc.constantFrom('guest', 'alice', 'bob'), password: fc.constantFrom('guest', 's3cret'), vhost });

const producer = (i: number) =>
  fc.record(
    {
      name: name(i),
      routingKey: fc.oneof(
        routingKey.map((key) => ({ mode: 'fixed', key })),
        fc.array(routingKey, { minLength: 1, maxLength: 3 }).map((keys) => ({ mode: 'cycle', keys })),
        fc.array(routingKey, { minLength: 1, maxLength: 3 }).map((keys) => ({ mode: 'random', keys })),
        fc.record({ mode: fc.constant('template'), template: fc.constantFrom('k.{n}', 'a.{key}'), keys: fc.array(routingKey, { maxLength: 2 }) }),
      ),
      properties: fc.record(
        { persistent: fc.boolean(), expiration: small, priority: fc.integer({ min: 0, max: 255 }), headers, replyTo: name(99), correlationId: fc.constantFrom('req-{n}', 'x') },
        { requiredKeys: [] },
      ),
      body: fc.string({ maxLength: 20 }),
      rate: fc.integer({ min: 0, max: 400 }).map((r) => r / 4),
      limit: fc.integer({ min: 0, max: 50 }),
      mandatory: fc.boolean(),
      confirm: fc.boolean(),
      connection,
    },
    { requiredKeys: ['name'] },
  );

const processing = fc.oneof(
  fc.record({ dist: fc.constant('fixed'), ms: small }),
  fc.record({ dist: fc.constant('uniform'), min: small, max: small }),
  fc.record({ dist: fc.constant('exponential'), mean: small }),
);

const consumer = (i: number) =>
  fc.record(
    {
      name: name(i),
      prefetch: fc.integer({ min: 0, max: 100 }),
      ackMode: fc.constantFrom('manual', 'auto'),
      processing,
      failure: fc.record({ action: fc.constantFrom('none', 'nack-requeue', 'nack-discard', 'reject'), probability: fc.integer({ min: 0, max: 10 }).map((p) => p / 10) }),
      priority: fc.integer({ min: -10, max: 10 }),
      exclusive: fc.boolean(),
      rpcServer: fc.boolean(),
      connection,
    },
    { requiredKeys: ['name'] },
  );

const exchange = (i: number) =>
  fc.record(
    {
      name: name(i),
      type: fc.constantFrom('direct', 'fanout', 'topic', 'headers'),
      durable: fc.boolean(),
      autoDelete: fc.boolean(),
      internal: fc.boolean(),
      alternateExchange: fc.constantFrom('', 'ae'),
      vhost,
    },
    { requiredKeys: ['name', 'type'] },
  );

const queue = (i: number) =>
  fc.record({ name: name(i), durable: fc.boolean(), exclusive: fc.boolean(), autoDelete: fc.boolean(), arguments: queueArgs, vhost }, { requiredKeys: ['name'] });

const list = <T>(make: (i: number) => fc.Arbitrary<T>, max: number) =>
  fc.integer({ min: 0, max }).chain((n) => (n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => make(i + 1)))));

/** A random valid scenario document (already through restoreScenario, so defaults are filled in). */
export const arbitraryScenario: fc.Arbitrary<ScenarioDocument> = fc
  .record({
    producers: list(producer, 3),
    exchanges: list(exchange, 4),
    queues: list(queue, 4),
    consumers: list(consumer, 3),
    positions: fc.array(position, { minLength: 14, maxLength: 14 }),
    wiring: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    title: fc.string({ maxLength: 30 }),
    speed: fc.integer({ min: 1, max: 1000 }).map((s) => s / 10),
    withLesson: fc.boolean(),
    withTimeline: fc.boolean(),
  })
  .map((r) => {
    let k = 0;
    const pos = () => r.positions[k++ % r.positions.length];
    const pick = (n: number, j: number) => r.wiring[j % r.wiring.length] % n;
    const nodes = [
      ...r.producers.map((config, i) => ({ id: `p${i}`, kind: 'producer', position: pos(), config })),
      ...r.exchanges.map((config, i) => ({ id: `x${i}`, kind: 'exchange', position: pos(), config })),
      ...r.queues.map((config, i) => ({ id: `q${i}`, kind: 'queue', position: pos(), config })),
      ...r.consumers.map((config, i) => ({ id: `c${i}`, kind: 'consumer', position: pos(), config })),
    ];
    const targets = [...r.exchanges.map((_, i) => `x${i}`), ...r.queues.map((_, i) => `q${i}`)];
    const edges: Record<string, unknown>[] = [];
    r.producers.forEach((_, i) => targets.length && edges.push({ id: `e${edges.length}`, kind: 'publish', source: `p${i}`, target: targets[pick(targets.length, i)] }));
    r.exchanges.forEach((_, i) => {
      const t = targets[pick(targets.length, 10 + i)];
      if (t !== `x${i}`) edges.push({ id: `e${edges.length}`, kind: 'binding', source: `x${i}`, target: t, bindingKey: i % 2 ? 'a.*' : '#', arguments: i % 3 ? {} : { 'x-match': 'any', format: 'pdf' } });
    });
    if (r.queues.length) r.consumers.forEach((_, i) => edges.push({ id: `e${edges.length}`, kind: 'consume', source: `q${pick(r.queues.length, 20 + i)}`, target: `c${i}` }));
    const lesson = { steps: [{ title: { en: 'Step <1>', zh: '第一步' }, body: { en: 'Watch.', zh: '看。' }, check: { kind: 'select-queues', routingKey: 'a.b', answer: [] } }] };
    const timeline = [{ at: 1000, action: { type: 'restart-broker' } }];
    const doc = {
      version: SCENARIO_VERSION,
      seed: r.seed,
      title: r.title,
      nodes,
      edges,
      settings: { speed: r.speed },
      ...(r.withLesson ? { lesson } : {}),
      ...(r.withTimeline ? { timeline } : {}),
    };
    const restored = restoreScenario(doc);
    if (!restored.ok) throw new Error(`arbitraryScenario made an invalid document: ${restored.error}`);
    return restored.doc;
  });
