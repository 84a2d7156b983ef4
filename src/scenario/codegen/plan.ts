/**
 * One plan of a scenario for every client-code generator: what to declare (per vhost), what each
 * consumer and producer does and when. Each language only renders this plan, so the programs in
 * all languages do the same thing, and that thing is what the engine's agents do
 * (`src/engine/agents/`): one message at a time per consumer, failures and random times drawn from
 * the agent's own PRNG stream (`agentSeed`), producers at their rates.
 */
import type { NodeOf, ScenarioDocument, ScenarioNode } from '../schema';
import { agentSeed } from '../agentSeed';

export type Table = Record<string, string | number | boolean | null>;

/** A text with `{n}` (the message number) and `{key}` (the routing key) in it, as parts. */
export type Template = Array<string | { v: 'n' | 'key' }>;

export interface Connection {
  user: string;
  password: string;
  vhost: string;
}

export interface ExchangeDecl {
  name: string;
  type: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: Table;
}

export interface QueueDecl {
  name: string;
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  arguments: Table;
}

export interface BindingDecl {
  /** Where the binding leads: a queue or (exchange-to-exchange) an exchange. */
  to: 'queue' | 'exchange';
  destination: string;
  source: string;
  key: string;
  arguments: Table;
}

export interface VhostDecls {
  vhost: string;
  exchanges: ExchangeDecl[];
  queues: QueueDecl[];
  bindings: BindingDecl[];
}

export type Processing =
  | { dist: 'fixed'; ms: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'exponential'; mean: number };

export interface ConsumerPlan {
  /** The agent's name, also its consumer tag. */
  name: string;
  connection: Connection;
  queue: string;
  /** An exclusive queue belongs to the connection that declares it: this consumer's. */
  ownQueue: { queue: QueueDecl; bindings: BindingDecl[] } | null;
  prefetch: number;
  noAck: boolean;
  exclusive: boolean;
  /** Consumer priority (`x-priority`), when set. */
  priority: number | null;
  rpcServer: boolean;
  processing: Processing;
  /** Only with manual acks and a chance above 0, as the agent does. */
  failure: { action: 'nack-requeue' | 'nack-discard' | 'reject'; probability: number } | null;
  /** Seed (uint32) of this agent's own PRNG stream: sfc32 seeded through splitmix32. */
  seed: number;
}

export type KeyChoice =
  | { mode: 'fixed'; key: string }
  | { mode: 'cycle'; keys: string[] }
  | { mode: 'random'; keys: string[] }
  | { mode: 'template'; template: Template; keys: string[] };

export interface ProducerPlan {
  name: string;
  connection: Connection;
  confirm: boolean;
  mandatory: boolean;
  /** '' is the default exchange (a producer wired straight to a queue). */
  exchange: string;
  routingKey: KeyChoice;
  body: Template;
  properties: {
    persistent: boolean;
    expiration: string | null;
    priority: number | null;
    headers: Table;
    replyTo: string | null;
    /** Set from a template, or `<name>-{n}` when only reply-to is set (as the agent does). */
    correlationId: Template | null;
    contentType: string | null;
  };
  /**
   * Reply-to is RabbitMQ's Direct Reply-to pseudo-queue: the producer's channel must consume it (no-ack)
   * before its first publish, or the broker refuses the publish (406 "fast reply consumer does not exist").
   */
  directReplyTo: boolean;
  /** Messages a second; 0: one message (Warren's manual send). */
  rate: number;
  /** The scenario's limit; 0: none. */
  limit: number;
  seed: number;
}

export interface CodePlan {
  title: string;
  seed: number;
  /** Vhosts other than `/` that must exist before the program runs. */
  extraVhosts: string[];
  declarations: VhostDecls[];
  consumers: ConsumerPlan[];
  producers: ProducerPlan[];
  /** Things the scenario does that the program leaves to a person (timeline, broker settings). */
  notes: string[];
  /** How long the program runs unless told otherwise (WARREN_DURATION_MS), in ms. */
  defaultDurationMs: number;
}

export const DEFAULT_DURATION_MS = 60_000;

/** RabbitMQ's Direct Reply-to pseudo-queue. */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

/** `{n}`/`{key}` placeholders split into parts. */
export function template(text: string): Template {
  const out: Template = [];
  const re = /\{(n|key)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ v: m[1] as 'n' | 'key' });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push(text.slice(last));
  return out;
}

const table = (t: Record<string, unknown>): Table => {
  const out: Table = {};
  for (const [k, v] of Object.entries(t)) if (v !== undefined) out[k] = v as Table[string];
  return out;
};

function queueDecl(q: NodeOf<'queue'>): QueueDecl {
  const c = q.config;
  return { name: c.name, durable: c.durable, exclusive: c.exclusive, autoDelete: c.autoDelete, arguments: table(c.arguments) };
}

function bindingDecl(e: Extract<ScenarioDocument['edges'][number], { kind: 'binding' }>, src: NodeOf<'exchange'>, dst: NodeOf<'queue'> | NodeOf<'exchange'>): BindingDecl {
  return { to: dst.kind, destination: dst.config.name, source: src.config.name, key: e.bindingKey, arguments: table(e.arguments) };
}

/** The plan of a scenario, declared the way the simulation declares it (src/worker/build.ts). */
export function planOf(doc: ScenarioDocument): CodePlan {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const consumed = new Set(doc.edges.filter((e) => e.kind === 'consume').map((e) => e.source));
  const owned = (n: ScenarioNode | undefined) => n?.kind === 'queue' && n.config.exclusive && consumed.has(n.id);
  const vhosts = [...new Set(doc.nodes.flatMap((n) => (n.kind === 'exchange' || n.kind === 'queue' ? [n.config.vhost] : [])))];
  const declarations = vhosts.map((vhost): VhostDecls => {
    const exchanges = doc.nodes.flatMap((n) =>
      n.kind === 'exchange' && n.config.vhost === vhost && !n.config.name.startsWith('amq.')
        ? [{ name: n.config.name, type: n.config.type, durable: n.config.durable, autoDelete: n.config.autoDelete, internal: n.config.internal, arguments: (n.config.alternateExchange ? { 'alternate-exchange': n.config.alternateExchange } : {}) as Table }]
        : [],
    );
    const queues = doc.nodes.flatMap((n) => (n.kind === 'queue' && n.config.vhost === vhost && !owned(n) ? [queueDecl(n)] : []));
    const bindings = doc.edges.flatMap((e) => {
      if (e.kind !== 'binding') return [];
      const src = byId.get(e.source);
      const dst = byId.get(e.target);
      if (src?.kind !== 'exchange' || src.config.vhost !== vhost || owned(dst)) return [];
      return dst?.kind === 'queue' || dst?.kind === 'exchange' ? [bindingDecl(e, src, dst)] : [];
    });
    return { vhost, exchanges, queues, bindings };
  });
  const consumers = doc.nodes.flatMap((n) => (n.kind === 'consumer' ? consumerPlan(doc, n, byId, owned) : []));
  const producers = doc.nodes.flatMap((n) => (n.kind === 'producer' ? producerPlan(doc, n, byId) : []));
  return {
    title: doc.title,
    seed: doc.seed,
    extraVhosts: [...new Set([...vhosts, ...(doc.broker?.vhosts ?? [])])].filter((v) => v !== '/'),
    declarations,
    consumers,
    producers,
    notes: notesOf(doc, byId),
    defaultDurationMs: DEFAULT_DURATION_MS,
  };
}

function connection(c: { user: string; password: string; vhost: string }): Connection {
  return { user: c.user, password: c.password, vhost: c.vhost };
}

function consumerPlan(doc: ScenarioDocument, n: NodeOf<'consumer'>, byId: Map<string, ScenarioNode>, owned: (n: ScenarioNode | undefined) => boolean): ConsumerPlan[] {
  const edge = doc.edges.find((e) => e.kind === 'consume' && e.target === n.id);
  const q = edge && byId.get(edge.source);
  if (q?.kind !== 'queue') return [];
  const c = n.config;
  const manual = c.ackMode === 'manual';
  const fails = manual && c.failure.action !== 'none' && c.failure.probability > 0;
  const ownBindings = doc.edges.flatMap((e) => {
    const src = byId.get(e.source);
    return e.kind === 'binding' && e.target === q.id && src?.kind === 'exchange' ? [bindingDecl(e, src, q)] : [];
  });
  return [
    {
      name: c.name,
      connection: connection(c.connection),
      queue: q.config.name,
      ownQueue: owned(q) ? { queue: queueDecl(q), bindings: ownBindings } : null,
      prefetch: c.prefetch,
      noAck: !manual,
      exclusive: c.exclusive,
      priority: c.priority ?? null,
      rpcServer: c.rpcServer,
      processing: c.processing,
      failure: fails ? { action: c.failure.action as 'nack-requeue' | 'nack-discard' | 'reject', probability: c.failure.probability } : null,
      seed: agentSeed(doc.seed, c.name),
    },
  ];
}

function producerPlan(doc: ScenarioDocument, n: NodeOf<'producer'>, byId: Map<string, ScenarioNode>): ProducerPlan[] {
  const edge = doc.edges.find((e) => e.kind === 'publish' && e.source === n.id);
  const target = edge && byId.get(edge.target);
  if (target?.kind !== 'exchange' && target?.kind !== 'queue') return [];
  const c = n.config;
  const rk = c.routingKey;
  const toQueue = target.kind === 'queue';
  const routingKey: KeyChoice = toQueue
    ? { mode: 'fixed', key: target.config.name }
    : rk.mode === 'template'
      ? { mode: 'template', template: template(rk.template), keys: rk.keys }
      : rk;
  const p = c.properties;
  return [
    {
      name: c.name,
      connection: connection(c.connection),
      confirm: c.confirm,
      mandatory: c.mandatory,
      exchange: toQueue ? '' : target.config.name,
      routingKey,
      body: template(c.body),
      properties: {
        persistent: p.persistent,
        expiration: p.expiration !== undefined ? String(p.expiration) : null,
        priority: p.priority ?? null,
        headers: table(p.headers),
        replyTo: p.replyTo || null,
        correlationId: p.correlationId ? template(p.correlationId) : p.replyTo ? [`${c.name}-`, { v: 'n' }] : null,
        contentType: p.contentType || null,
      },
      directReplyTo: p.replyTo === DIRECT_REPLY_TO,
      rate: c.rate,
      limit: c.limit,
      seed: agentSeed(doc.seed, c.name),
    },
  ];
}

function notesOf(doc: ScenarioDocument, byId: Map<string, ScenarioNode>): string[] {
  const name = (id: string) => {
    const n = byId.get(id);
    return JSON.stringify(n && n.kind !== 'note' ? n.config.name : id);
  };
  const out: string[] = [];
  const b = doc.broker;
  if (b?.users.length || b?.permissions.length || b?.policies.length) {
    out.push('Create the users, permissions and policies of the Broker panel first (or import the exported definitions.json).');
  }
  if (b?.resources && Object.keys(b.resources).length) out.push("The Broker panel's memory and disk settings belong to the broker's configuration, not to a client.");
  if (doc.timeline?.length) {
    out.push("The scenario's timeline is not scripted here; do these by hand to follow it:");
    for (const t of doc.timeline) out.push(`  at ${t.at / 1000} s: ${t.action.type}${'node' in t.action ? ' ' + name(t.action.node) : ''}`);
  }
  return out;
}
