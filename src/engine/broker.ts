import { Admin } from './server/admin';
import { Alarms } from './server/alarms';
import type { ResourceSettings } from './server/resources';
import { Auth } from './server/auth';
import type { Clock, Timer } from './kernel/clock';
import { Kernel } from './kernel/kernel';
import { Cluster, type ClusterHost } from './server/cluster';
import { Connection } from './client/connection';
import { AmqpError, connectionClosedByServer, ERRORS } from './amqp/errors';
import type { Message } from './amqp/message';
import type { AdminHost } from './server/admin';
import type { ViewedBroker } from './views/ports';
import { Prng, type PrngState } from './kernel/prng';
import type { ClientHost, Latency } from './client/ports';
import type { Stats, StatsSnapshot } from './kernel/stats';
import type { TraceLog, TraceEvent } from './kernel/trace';
import { VHost } from './server/vhost';
import { DirectReplyTo } from './server/reply-to';
import { explainRoute, type RouteExplanation } from './views/explain';
import { snapshot, type BrokerSnapshot } from './views/snapshot';
import { peekQueue, type QueueContents } from './views/peek';

export type { Latency };

export interface BrokerOptions {
  /** PRNG seed (server-named queues, consumer tags, and whatever agents draw). Default 1. */
  seed?: number | string;
  latency?: Partial<Latency>;
  /** Trace events kept in memory (a ring). Default 10,000. */
  traceLimit?: number;
  /** Record detailed trace events (counters are always kept). Default true. */
  trace?: boolean;
  /** Cluster node names; connections and queues belong to one. Default `['rabbit@localhost']`. */
  nodes?: string[];
  /** Wall-clock ms that virtual time 0 stands for (only used in `x-death` timestamps). Default 0. */
  epochMs?: number;
  /** Most events at a single virtual instant before the run is declared a livelock. Default 5,000,000. */
  maxEventsPerInstant?: number;
  /**
   * Modelled memory and disk, and the alarm limits (see alarms.ts). Memory used is `baseMemory`
   * plus the bytes of every queued message. Defaults never raise an alarm in ordinary runs.
   */
  resources?: Partial<ResourceSettings>;
  /** Virtual ms a quorum queue takes to elect a new leader after losing its leader. Default 50. */
  electionMs?: number;
}

/** `broker.connect()` options (amqplib's URL parts). */
export interface ConnectOptions {
  user?: string;
  password?: string;
  vhost?: string;
  /** Node to connect to: a 1-based index or a node name. Default the first node. */
  node?: number | string;
}

/**
 * A simulated RabbitMQ 3.10 broker: vhosts, users, connections; virtual time (`advance`,
 * `runUntilIdle`, `now`); the trace, counters, snapshots and route explanations the UI reads.
 */
export class Broker implements ClientHost, AdminHost, ClusterHost, ViewedBroker {
  /** @internal time, events, PRNG, trace, counters, ids and client code (kernel/kernel.ts). */
  readonly kernel: Kernel;
  readonly clock: Clock;
  readonly prng: Prng;
  readonly trace: TraceLog;
  /** @internal the counters behind `stats()`. */
  readonly metrics: Stats;
  readonly latency: Latency;
  readonly epochMs: number;
  readonly vhosts = new Map<string, VHost>();
  /** @internal users and permissions. */
  readonly auth = new Auth();
  /** @internal resource alarms and blocked connections. */
  readonly alarms: Alarms;
  /** Reply names of the channels consuming from `amq.rabbitmq.reply-to`. */
  readonly replyTo = new DirectReplyTo();
  /** @internal the cluster's nodes. */
  readonly cluster: Cluster;
  /** rabbitmqctl-like administration: restart, alarms, vhosts, users, permissions, policies, nodes. */
  readonly admin: Admin;
  readonly connections = new Set<Connection>();
  /** @internal queues that are down or hung (publishes take the slow path only while this is > 0). */
  gatedQueues = 0;
  /** @internal a restart is closing everything: auto-delete queues stay. */
  shuttingDown = false;
  /**
   * Called with every message the broker creates (a publish, a dead-lettered copy) while detailed
   * tracing is on, so a UI can show bodies and headers of the messages it follows.
   */
  observeMessage: ((msg: Message) => void) | null = null;

  constructor(options: BrokerOptions = {}) {
    if (options === null || typeof options !== 'object') throw new TypeError('createBroker options must be an object');
    const prng = new Prng(options.seed ?? 1);
    this.latency = { publish: 0, route: 0, deliver: 0, ack: 0 };
    for (const [k, v] of Object.entries(options.latency ?? {})) {
      if (!(k in this.latency)) throw new TypeError(`unknown latency '${k}' (expected publish, route, deliver, ack)`);
      if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new TypeError(`latency.${k} must be a non-negative number of ms`);
      this.latency[k as keyof Latency] = v;
    }
    this.kernel = new Kernel({ prng, traceLimit: options.traceLimit, trace: options.trace, maxEventsPerInstant: options.maxEventsPerInstant });
    this.clock = this.kernel.clock;
    this.prng = this.kernel.prng;
    this.trace = this.kernel.trace;
    this.metrics = this.kernel.metrics;
    this.cluster = new Cluster(this.kernel, this, options.nodes ?? ['rabbit@localhost'], options.electionMs ?? 50);
    this.alarms = new Alarms(this.kernel, options.resources);
    this.admin = new Admin(this);
    this.epochMs = options.epochMs ?? 0;
    this.vhosts.set('/', new VHost(this, '/'));
    this.auth.setPermissions('guest', '/', { configure: '.*', write: '.*', read: '.*' });
  }

  /** Cluster node names. */
  get nodes(): string[] {
    return this.cluster.nodes;
  }

  /** Current virtual time in ms. */
  now(): number {
    return this.clock.now;
  }

  /** Opens a connection as `user` to `vhost` on `node` (defaults guest/guest, '/', first node). */
  connect(options: ConnectOptions = {}): Promise<Connection> {
    this.kernel.activity++;
    if (options === null || typeof options !== 'object') return Promise.reject(new TypeError('connect options must be an object'));
    const user = options.user ?? 'guest';
    const password = options.password ?? 'guest';
    const vhostName = options.vhost ?? '/';
    if (typeof user !== 'string' || typeof password !== 'string' || typeof vhostName !== 'string') {
      return Promise.reject(new TypeError('user, password and vhost must be strings'));
    }
    let i = 0;
    try {
      if (options.node !== undefined) i = this.cluster.index(options.node);
    } catch (e) {
      return Promise.reject(e);
    }
    const node = this.nodes[i];
    if (!this.cluster.isRunning(node)) return Promise.reject(this.cluster.refused(i));
    const refuse = (entry: readonly [number, string]) => Promise.reject(connectionClosedByServer(new AmqpError(entry)));
    if (!this.auth.login(user, password)) return refuse(ERRORS.loginRefused());
    const vh = this.vhosts.get(vhostName);
    if (!vh) return refuse(ERRORS.vhostNotFound(vhostName));
    if (!this.auth.hasVhostAccess(user, vhostName)) return refuse(ERRORS.vhostRefused(vhostName, user));
    const conn = new Connection(this, this.kernel.nextConnectionId(), user, vh, node);
    this.connections.add(conn);
    this.trace.emit({ type: 'connection-opened', connection: conn.id, user, vhost: vhostName, node });
    return Promise.resolve(conn);
  }

  /**
   * Lets `ms` virtual milliseconds pass: runs every event up to now+ms in (time, sequence) order
   * and lets promise reactions of client code (consumer callbacks, awaited calls) run in between.
   */
  advance(ms: number): Promise<void> {
    return this.kernel.advance(ms);
  }

  /** Runs until no event is pending (or `maxMs` of virtual time has passed). */
  runUntilIdle(maxMs?: number): Promise<void> {
    return this.kernel.runUntilIdle(maxMs);
  }

  /** Calls `callback` after `ms` virtual ms (for agents and scripted timelines). */
  setTimer(ms: number, callback: () => void): Timer {
    if (typeof callback !== 'function') throw new TypeError('setTimer callback must be a function');
    if (typeof ms !== 'number' || !(ms >= 0)) throw new TypeError('setTimer(ms) needs a non-negative number');
    return this.kernel.setTimer(ms, callback);
  }

  clearTimer(timer: Timer | null | undefined): void {
    this.clock.cancel(timer);
  }

  /** Subscribes to every trace event as it happens; returns an unsubscribe function. */
  onTrace(callback: (e: TraceEvent) => void): () => void {
    return this.trace.subscribe(callback);
  }

  /** Counters per exchange, queue, consumer and channel (cumulative, never dropped). */
  stats(): StatsSnapshot {
    return this.metrics.snapshot();
  }

  /** A plain-data picture of every entity, for the UI. */
  snapshot(): BrokerSnapshot {
    return snapshot(this);
  }

  /** What a queue holds now (the first `limit` ready and unacked messages), without taking any. */
  peekQueue(vhost: string, queue: string, limit = 100): QueueContents | null {
    return peekQueue(this, vhost, queue, limit);
  }

  /** Which bindings of `exchange` a message would match, and why the others would not. */
  explainRoute(vhost: string, exchange: string, routingKey: string, headers?: Record<string, unknown>): RouteExplanation {
    return explainRoute(this, vhost, exchange, routingKey, headers);
  }

  /** The PRNG's state (to save a run) and a way to restore it. */
  prngState(): PrngState {
    return this.prng.getState();
  }

  // ------------------------------------------------------------------ internals

  /** @internal */
  nextMessageId(): number {
    return this.kernel.nextMessageId();
  }

  /** @internal */
  nextChannelId(): number {
    return this.kernel.nextChannelId();
  }

  /** @internal */
  connectionClosed(c: Connection): void {
    this.connections.delete(c);
    this.alarms.forget(c);
  }

  /** @internal runs client code now, collecting what it throws. */
  runUserCode(fn: () => void): void {
    this.kernel.runUserCode(fn);
  }

  /** @internal runs client code at this instant, after what is already due. */
  defer(fn: () => void): void {
    this.kernel.defer(fn);
  }

  /** @internal a consumer callback or listener threw: reported by the next advance(). */
  handlerError(e: unknown): void {
    this.kernel.handlerError(e);
  }
}

/** Creates a simulated broker. */
export function createBroker(options?: BrokerOptions): Broker {
  return new Broker(options);
}
