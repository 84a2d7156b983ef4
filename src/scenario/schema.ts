/**
 * The scenario document: the one model behind the editor, the worker, the share URL,
 * import/export and the presets. Every input passes through `parseScenario` (see
 * `restore.ts`), so nothing unvalidated reaches the store or the engine.
 */
import './zodConfig';
import { z } from 'zod';

export const SCENARIO_VERSION = 1;

/** Limits that keep a hostile document from freezing the tab. */
export const LIMITS = {
  nodes: 500,
  edges: 2000,
  nameLength: 255,
  textLength: 10_000,
  headers: 64,
  keysPerProducer: 100,
  timeline: 500,
  lessonSteps: 50,
  programs: 8,
  programLength: 20_000,
} as const;

const name = z
  .string()
  .max(LIMITS.nameLength, { message: `Names are at most ${LIMITS.nameLength} characters` });
const entityName = name.min(1, { message: 'A name is required' });
const nonNegInt = z.number().int({ message: 'Must be a whole number' }).nonnegative({ message: 'Must be 0 or more' });
const positiveInt = z.number().int({ message: 'Must be a whole number' }).positive({ message: 'Must be greater than 0' });

/** A header or binding-argument value: what AMQP tables carry and JSON can hold. */
export const headerValue = z.union([z.string().max(LIMITS.textLength), z.number(), z.boolean(), z.null()]);
export const headerTable = z
  .record(z.string().max(LIMITS.nameLength), headerValue)
  .refine((t) => Object.keys(t).length <= LIMITS.headers, { message: `At most ${LIMITS.headers} headers` });

export const position = z.object({ x: z.number().finite(), y: z.number().finite() });

export const exchangeType = z.enum(['direct', 'fanout', 'topic', 'headers']);
export type ExchangeType = z.infer<typeof exchangeType>;

export const exchangeConfig = z.object({
  name: entityName,
  type: exchangeType,
  durable: z.boolean().default(true),
  autoDelete: z.boolean().default(false),
  internal: z.boolean().default(false),
  /** Name of the alternate exchange (`alternate-exchange` argument), '' for none. */
  alternateExchange: name.default(''),
  vhost: name.default('/'),
  /** Arguments Warren does not simulate, kept as imported so that definitions.json gives them back. */
  otherArguments: z.record(z.string().max(LIMITS.nameLength), z.json()).optional(),
});

export const overflow = z.enum(['drop-head', 'reject-publish', 'reject-publish-dlx']);

/** Queue arguments, keyed exactly as RabbitMQ names them. */
export const queueArguments = z
  .object({
    'x-message-ttl': nonNegInt.optional(),
    'x-expires': positiveInt.optional(),
    'x-max-length': nonNegInt.optional(),
    'x-max-length-bytes': nonNegInt.optional(),
    'x-overflow': overflow.optional(),
    'x-dead-letter-exchange': name.optional(),
    'x-dead-letter-routing-key': name.optional(),
    'x-max-priority': z
      .number()
      .int({ message: 'Must be a whole number' })
      .min(1, { message: 'Max priority is between 1 and 255' })
      .max(255, { message: 'Max priority is between 1 and 255' })
      .optional(),
    'x-single-active-consumer': z.boolean().optional(),
    'x-queue-type': z.enum(['classic', 'quorum']).optional(),
    'x-quorum-initial-group-size': positiveInt.max(7).optional(),
    'x-delivery-limit': nonNegInt.optional(),
  })
  .refine((a) => a['x-dead-letter-routing-key'] === undefined || a['x-dead-letter-exchange'] !== undefined, {
    message: 'A dead-letter routing key needs a dead-letter exchange',
    path: ['x-dead-letter-routing-key'],
  });
export type QueueArguments = z.infer<typeof queueArguments>;

export const queueConfig = z.object({
  name: entityName,
  durable: z.boolean().default(true),
  exclusive: z.boolean().default(false),
  autoDelete: z.boolean().default(false),
  arguments: queueArguments.default({}),
  vhost: name.default('/'),
  /** Cluster node whose connection declares the queue (its home node, or quorum leader). */
  node: name.optional(),
  /** Arguments Warren does not simulate (`x-queue-mode`, `x-max-in-memory-length`...), kept for definitions.json. */
  otherArguments: z.record(z.string().max(LIMITS.nameLength), z.json()).optional(),
});

/** How a producer picks each message's routing key. */
export const routingKeySource = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), key: name }),
  z.object({ mode: z.literal('cycle'), keys: z.array(name).min(1).max(LIMITS.keysPerProducer) }),
  z.object({ mode: z.literal('random'), keys: z.array(name).min(1).max(LIMITS.keysPerProducer) }),
  /** `{n}` is the message number, `{key}` a key cycled from `keys`. */
  z.object({ mode: z.literal('template'), template: name, keys: z.array(name).max(LIMITS.keysPerProducer).default([]) }),
]);
export type RoutingKeySource = z.infer<typeof routingKeySource>;

export const messageProperties = z.object({
  persistent: z.boolean().default(false),
  /** Per-message TTL in ms, as RabbitMQ's `expiration` (a string on the wire). */
  expiration: nonNegInt.optional(),
  priority: z.number().int().min(0).max(255).optional(),
  headers: headerTable.default({}),
  replyTo: name.optional(),
  correlationId: name.optional(),
  contentType: name.optional(),
});
export type MessageProperties = z.infer<typeof messageProperties>;

export const connectionConfig = z.object({
  user: name.default('guest'),
  password: name.default('guest'),
  vhost: name.default('/'),
  node: name.optional(),
});

export const producerConfig = z.object({
  name: entityName,
  routingKey: routingKeySource.default({ mode: 'fixed', key: '' }),
  properties: messageProperties.default({ persistent: false, headers: {} }),
  /** Message body; `{n}` is replaced by the message number. */
  body: z.string().max(LIMITS.textLength).default('msg {n}'),
  /** Messages per virtual second; 0 means manual sends only. */
  rate: z.number().nonnegative().max(100_000).default(1),
  /** Stop after this many messages (0: no limit). */
  limit: nonNegInt.default(0),
  mandatory: z.boolean().default(false),
  confirm: z.boolean().default(false),
  connection: connectionConfig.default({ user: 'guest', password: 'guest', vhost: '/' }),
});
export type ProducerConfig = z.infer<typeof producerConfig>;

export const processingTime = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('fixed'), ms: nonNegInt }),
  z.object({ dist: z.literal('uniform'), min: nonNegInt, max: nonNegInt }),
  z.object({ dist: z.literal('exponential'), mean: nonNegInt }),
]);

export const failurePolicy = z.object({
  action: z.enum(['none', 'nack-requeue', 'nack-discard', 'reject']).default('none'),
  /** Chance of failing each message, 0..1. */
  probability: z.number().min(0).max(1).default(0),
});

export const consumerConfig = z.object({
  name: entityName,
  /** 0 means unlimited, as in AMQP. */
  prefetch: z.number().int().min(0).max(65_535).default(0),
  ackMode: z.enum(['manual', 'auto']).default('manual'),
  processing: processingTime.default({ dist: 'fixed', ms: 500 }),
  failure: failurePolicy.default({ action: 'none', probability: 0 }),
  /** Consumer priority (`x-priority`). */
  priority: z.number().int().optional(),
  exclusive: z.boolean().default(false),
  /** RPC server: reply to each message's `reply-to` with its `correlation-id`. */
  rpcServer: z.boolean().default(false),
  /** `x-cancel-on-ha-failover`: be told (cancelled) when a mirrored queue fails over. */
  cancelOnHaFailover: z.boolean().optional(),
  connection: connectionConfig.default({ user: 'guest', password: 'guest', vhost: '/' }),
});
export type ConsumerConfig = z.infer<typeof consumerConfig>;

export const noteConfig = z.object({ text: z.string().max(LIMITS.textLength).default('') });

const nodeBase = { id: z.string().min(1).max(64), position };
export const scenarioNode = z.discriminatedUnion('kind', [
  z.object({ ...nodeBase, kind: z.literal('producer'), config: producerConfig }),
  z.object({ ...nodeBase, kind: z.literal('exchange'), config: exchangeConfig }),
  z.object({ ...nodeBase, kind: z.literal('queue'), config: queueConfig }),
  z.object({ ...nodeBase, kind: z.literal('consumer'), config: consumerConfig }),
  z.object({ ...nodeBase, kind: z.literal('note'), config: noteConfig }),
]);
export type ScenarioNode = z.infer<typeof scenarioNode>;
export type NodeKind = ScenarioNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<ScenarioNode, { kind: K }>;

/**
 * publish: producer → exchange (or → queue, meaning the default exchange with the queue's name as key);
 * binding: exchange → queue or exchange; consume: queue → consumer.
 */
export const scenarioEdge = z.discriminatedUnion('kind', [
  z.object({ id: z.string().min(1).max(64), kind: z.literal('publish'), source: z.string(), target: z.string() }),
  z.object({
    id: z.string().min(1).max(64),
    kind: z.literal('binding'),
    source: z.string(),
    target: z.string(),
    bindingKey: name.default(''),
    /** Binding arguments: for headers exchanges, the headers to match and `x-match`. */
    arguments: headerTable.default({}),
  }),
  z.object({ id: z.string().min(1).max(64), kind: z.literal('consume'), source: z.string(), target: z.string() }),
]);
export type ScenarioEdge = z.infer<typeof scenarioEdge>;
export type EdgeKind = ScenarioEdge['kind'];

export const latency = z.object({
  publish: nonNegInt.default(0),
  route: nonNegInt.default(0),
  deliver: nonNegInt.default(0),
  ack: nonNegInt.default(0),
});

export const settings = z.object({
  /** Simulation speed multiplier, 0.1× to 100×. */
  speed: z.number().min(0.1).max(100).default(1),
  /** Hop latencies in virtual ms, so messages take visible time on the canvas. */
  latency: latency.default({ publish: 150, route: 150, deliver: 300, ack: 150 }),
});

/** The tags the management UI offers; a user may carry others (RabbitMQ keeps any tag). */
export const USER_TAGS = ['administrator', 'monitoring', 'policymaker', 'management', 'impersonator'] as const;

/** A user as `rabbitmqctl add_user` + `set_user_tags` make one. */
export const brokerUser = z.object({
  name: entityName,
  password: name.default(''),
  tags: z.array(entityName).max(20).default([]),
  /**
   * The password hash a definitions file carried (base64 of salt + SHA-256), written back unchanged
   * while the password is not edited; the password itself is then unknown (empty) unless it is guest's.
   */
  passwordHash: z.string().max(LIMITS.nameLength).optional(),
  hashingAlgorithm: name.optional(),
  /** Per-user limits (`rabbitmqctl set_user_limits`), kept for definitions.json; not simulated. */
  limits: z.record(z.string().max(LIMITS.nameLength), z.json()).optional(),
});

/** `rabbitmqctl set_topic_permissions -p vhost user exchange write read`: kept and exported, not simulated. */
export const brokerTopicPermission = z.object({
  user: entityName,
  vhost: entityName,
  exchange: name,
  write: name.default('.*'),
  read: name.default('.*'),
});

/** A vhost's metadata (`add_vhost --description --tags --default-queue-type`). */
export const vhostMetadata = z.object({
  vhost: entityName,
  description: z.string().max(LIMITS.textLength).default(''),
  /** A list, or the one string RabbitMQ 3.10 stores when `--tags` names a single tag. */
  tags: z.union([z.array(name).max(50), name]).default([]),
  defaultQueueType: name.optional(),
});
export type VhostMetadata = z.infer<typeof vhostMetadata>;

/** What `rabbitmqctl add_vhost` gives `/` on a fresh install. */
export const DEFAULT_VHOST_METADATA: VhostMetadata = { vhost: '/', description: 'Default virtual host', tags: [] };

/** The kinds of definitions.json entry Warren does not model, kept raw to be written back. */
export const KEPT_KINDS = ['parameters', 'global_parameters', 'policies', 'queues', 'exchanges', 'bindings'] as const;
const keptEntries = z.array(z.record(z.string(), z.json())).max(1000).optional();
export const keptDefinitions = z.object(Object.fromEntries(KEPT_KINDS.map((k) => [k, keptEntries])) as Record<(typeof KEPT_KINDS)[number], typeof keptEntries>);
export type KeptDefinitions = z.infer<typeof keptDefinitions>;

/** `rabbitmqctl set_permissions -p vhost user configure write read` (regular expressions). */
export const brokerPermission = z.object({
  user: entityName,
  vhost: entityName,
  configure: name.default('.*'),
  write: name.default('.*'),
  read: name.default('.*'),
});

export const brokerPolicy = z.object({
  name: entityName,
  vhost: entityName.default('/'),
  pattern: name,
  applyTo: z.enum(['all', 'queues', 'exchanges', 'classic_queues', 'quorum_queues']).default('all'),
  priority: z.number().int().default(0),
  definition: headerTable,
});

/** The machine the broker runs on, for memory and disk alarms. */
export const brokerResources = z.object({
  totalMemory: positiveInt.optional(),
  baseMemory: nonNegInt.optional(),
  memoryHighWatermark: z.number().min(0, { message: 'A watermark is a fraction between 0 and 1' }).max(1, { message: 'A watermark is a fraction between 0 and 1' }).optional(),
  diskFree: nonNegInt.optional(),
  diskFreeLimit: nonNegInt.optional(),
});

/** The one node a fresh install runs, and a document without `broker.nodes` means. */
export const DEFAULT_BROKER_NODES: readonly string[] = ['rabbit@localhost'];

/**
 * The broker as a whole: cluster nodes, users, vhosts, permissions, policies and resources.
 * Absent means a single node `rabbit@localhost` with guest/guest on `/`, as a fresh install.
 */
export const brokerConfig = z.object({
  nodes: z.array(entityName).min(1).max(7).default([...DEFAULT_BROKER_NODES]),
  users: z.array(brokerUser).max(50).default([]),
  vhosts: z.array(entityName).max(50).default([]),
  permissions: z.array(brokerPermission).max(200).default([]),
  policies: z.array(brokerPolicy).max(100).default([]),
  resources: brokerResources.default({}),
  topicPermissions: z.array(brokerTopicPermission).max(200).optional(),
  vhostMetadata: z.array(vhostMetadata).max(51).optional(),
  /** definitions.json entries Warren does not model (shovels, federation, parameters...), kept unchanged. */
  kept: keptDefinitions.optional(),
});
export type BrokerConfig = z.infer<typeof brokerConfig>;

export const timelineAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop-consumer'), node: z.string() }),
  z.object({ type: z.literal('start-consumer'), node: z.string() }),
  z.object({ type: z.literal('stop-producer'), node: z.string() }),
  z.object({ type: z.literal('start-producer'), node: z.string() }),
  z.object({ type: z.literal('publish'), node: z.string(), count: positiveInt.max(10_000).default(1) }),
  z.object({ type: z.literal('purge-queue'), node: z.string() }),
  z.object({ type: z.literal('restart-broker') }),
  z.object({ type: z.literal('stop-node'), node: entityName }),
  z.object({ type: z.literal('start-node'), node: entityName }),
  z.object({ type: z.literal('set-memory-watermark'), fraction: z.number().min(0).max(1) }),
  z.object({ type: z.literal('set-disk-free'), bytes: nonNegInt }),
  z.object({ type: z.literal('kill-consumer-connection'), node: z.string() }),
]);
export const timelineEntry = z.object({ at: nonNegInt, action: timelineAction });
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const localized = z.object({ en: z.string().max(LIMITS.textLength), zh: z.string().max(LIMITS.textLength) });
export type Localized = z.infer<typeof localized>;

export const lessonStep = z.object({
  title: localized,
  body: localized,
  /** A question the simulation answers: e.g. which queues receive a message. */
  check: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('select-queues'), routingKey: name, producer: z.string().optional(), answer: z.array(z.string()) }),
      z.object({ kind: z.literal('counter'), node: z.string(), counter: z.string(), atLeast: z.number() }),
    ])
    .optional(),
});
export const lesson = z.object({ steps: z.array(lessonStep).max(LIMITS.lessonSteps) });
export type Lesson = z.infer<typeof lesson>;

/** A program of the Code panel: runs against the scenario's broker (worker/programs/runtime.ts). */
export const program = z.object({
  id: z.string().regex(/^[\w-]{1,40}$/, { message: 'A program id is 1 to 40 letters, digits, - or _' }),
  name: entityName.max(100),
  source: z.string().max(LIMITS.programLength, { message: `A program is at most ${LIMITS.programLength} characters` }),
  args: z.string().max(1000).default(''),
});
export type Program = z.infer<typeof program>;
export const codeSection = z.object({
  /** The Code panel example the programs came from (for its lesson). */
  example: z.string().max(40).optional(),
  programs: z.array(program).max(LIMITS.programs, { message: `A scenario has at most ${LIMITS.programs} programs` }),
});

export const scenarioDocument = z.object({
  version: z.literal(SCENARIO_VERSION),
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  title: z.string().max(LIMITS.nameLength).default('Untitled'),
  description: z.string().max(LIMITS.textLength).default(''),
  nodes: z.array(scenarioNode).max(LIMITS.nodes, { message: `A scenario has at most ${LIMITS.nodes} nodes` }),
  edges: z.array(scenarioEdge).max(LIMITS.edges, { message: `A scenario has at most ${LIMITS.edges} edges` }),
  settings: settings.default({ speed: 1, latency: { publish: 150, route: 150, deliver: 300, ack: 150 } }),
  timeline: z.array(timelineEntry).max(LIMITS.timeline).optional(),
  lesson: lesson.optional(),
  broker: brokerConfig.optional(),
  /** Code hook: the Code panel's programs, shared with the scenario. */
  code: codeSection.optional(),
});
export type ScenarioDocument = z.infer<typeof scenarioDocument>;
