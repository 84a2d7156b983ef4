/**
 * A running scenario: a broker built from the document, producer and consumer agents on their
 * own connections, the timeline, and frames for the UI. Pure (no worker or DOM APIs), so the
 * worker, a main-thread fallback and Node tests all run exactly this code.
 */
import {
  ConsumerAgent,
  createBroker,
  ProducerAgent,
  Prng,
  relocatable,
  type AgentChannel,
  type ConsumerOptions,
  type ProducerOptions,
  type AgentHost,
  type Broker,
  type Channel,
  type Connection,
  type QueueContents,
  type TraceEvent,
} from '../engine';
import type { ScenarioDocument, ScenarioNode, TimelineEntry } from '../scenario/schema';
import { agentSeed } from '../scenario/agentSeed';
import { declareOwnedQueue, declareTopology, entityKey, errorText, ignoreError } from './build';
import { applyBrokerSection, brokerCreateOptions } from './broker-setup'; // broker hook
import { BrokerControl } from './admin-commands'; // broker hook
import { clusterBrokerOptions, ClusterRuntime } from './cluster-setup';
import { MessageHistory } from './history';
import { MotionFeed, type Motion } from './motion';
import { RunMarks } from './marks';
import type { Frame, NodeCounters, NodeMap, PublishOverrides } from './protocol';
import { ProgramRuntime } from './programs/runtime'; // code hook
import { codeView } from './programs/view';
import { Management } from './management';
import { programNodeId } from './programs/types';

type NodeOf<K extends ScenarioNode['kind']> = Extract<ScenarioNode, { kind: K }>;

interface ProducerSlot {
  node: NodeOf<'producer'>;
  agent: ProducerAgent | null;
  conn: Connection | null;
  channel: Channel | null;
  error?: string;
  /** Broker hook: the broker closed its connection (a restart); it reconnects later, as it was. */
  lost?: { running: boolean };
  /** The agent's own random stream; it carries on across reconnects. */
  random?: Prng;
}

/**
 * A consumer's connection is going: fold what its agent counted into the slot's past counts and
 * let go of the messages it held. What it held but never settled (manual ack) went back to the
 * queue: it was not delivered for good.
 */
function keepSettledCounts(slot: ConsumerSlot): void {
  const c = slot.agent?.counters;
  if (c) {
    const p = slot.past;
    p.delivered += slot.node.config.ackMode === 'manual' ? c.acked + c.nacked + c.rejected : c.delivered;
    p.acked += c.acked;
    p.nacked += c.nacked;
    p.rejected += c.rejected;
  }
  slot.agent?.dropHeld();
}

interface ConsumerSlot {
  node: NodeOf<'consumer'>;
  queue: NodeOf<'queue'> | null;
  agent: ConsumerAgent | null;
  /** Counts of agents this slot had before (a killed connection), so counters never go back. */
  past: { delivered: number; acked: number; nacked: number; rejected: number };
  conn: Connection | null;
  channel: Channel | null;
  error?: string;
  /** Broker hook: the broker closed its connection (a restart); it reconnects later, as it was. */
  lost?: { running: boolean };
  /** The agent's own random stream; it carries on across reconnects. */
  random?: Prng;
}

/** The exchange or queue a producer's publish edge leads to, if it leads to one. */
function publishTarget(doc: ScenarioDocument, byId: Map<string, ScenarioNode>, producerId: string): NodeOf<'exchange'> | NodeOf<'queue'> | undefined {
  const edge = doc.edges.find((e) => e.kind === 'publish' && e.source === producerId);
  const target = edge ? byId.get(edge.target) : undefined;
  return target?.kind === 'exchange' || target?.kind === 'queue' ? target : undefined;
}

/** What a producer agent runs with. A producer wired straight to a queue publishes through the default exchange. */
function producerOptions(node: NodeOf<'producer'>, target: NodeOf<'exchange'> | NodeOf<'queue'>): ProducerOptions {
  const c = node.config;
  const toQueue = target.kind === 'queue';
  return {
    name: c.name,
    exchange: toQueue ? '' : target.config.name,
    routingKey: toQueue ? { mode: 'fixed', key: target.config.name } : c.routingKey,
    body: c.body,
    properties: c.properties,
    rate: c.rate,
    limit: c.limit,
    mandatory: c.mandatory,
    confirm: c.confirm,
  };
}

/** What a consumer agent runs with. */
function consumerOptions(node: NodeOf<'consumer'>, queue: NodeOf<'queue'>): ConsumerOptions {
  const c = node.config;
  return {
    name: c.name,
    queue: queue.config.name,
    prefetch: c.prefetch,
    ackMode: c.ackMode,
    processing: c.processing,
    failure: c.failure,
    priority: c.priority,
    exclusive: c.exclusive,
    rpcServer: c.rpcServer,
  };
}

/** Trace events kept for the event log and stepping; the engine's counters are never bounded. */
const TRACE_LIMIT = 100_000;

export class Simulation {
  readonly broker: Broker;
  readonly history = new MessageHistory();
  private producers = new Map<string, ProducerSlot>();
  private consumers = new Map<string, ConsumerSlot>();
  private errors = new Map<string, string>();
  private map: NodeMap = { exchanges: {}, queues: {}, channels: {} };
  private pending: TraceEvent[] = [];
  private lost = 0;
  private mapSent = false;
  /** The message layer's flights, computed here from every event (motion.ts). */
  private readonly motion: MotionFeed;
  private host: AgentHost;
  private timerHandles = new Map<number, ReturnType<Broker['setTimer']>>();
  private nextHandle = 1;
  playing = false;
  speed: number;
  /** Broker hook: restart, alarms and the frame's `broker` status (admin-commands.ts). */
  readonly control: BrokerControl = new BrokerControl(this);
  /** Cluster hook: nodes, where agents connect, node stop/start, reconnects (cluster-setup.ts). */
  readonly cluster: ClusterRuntime;
  /** Code hook: learners' programs on this broker (programs/runtime.ts). */
  readonly programs: ProgramRuntime;
  private codeViewKey = '';
  /** The management views' operations on this broker (management.ts). */
  readonly management: Management;
  /** Time-travel hook: the last trace event's seq, and the notable events so far (marks.ts). */
  lastSeq = -1;
  readonly marks = new RunMarks();

  private constructor(
    /** The document the run follows (a live edit replaces it: reconfigure). */
    public doc: ScenarioDocument,
    wall?: () => number,
  ) {
    this.motion = new MotionFeed(this.map, doc.settings.latency);
    this.broker = createBroker({ seed: doc.seed, latency: doc.settings.latency, traceLimit: TRACE_LIMIT, ...brokerCreateOptions(doc), ...clusterBrokerOptions(doc) });
    // Every function the run keeps is relocatable (engine/kernel/copy.ts): checkpoints copy the run.
    this.cluster = new ClusterRuntime(this.broker, {
      dropped: relocatable(this, this.agentDropped),
      reconnect: relocatable(this, this.agentReconnect),
      owner: relocatable(this, this.channelOwner),
    });
    this.speed = doc.settings.speed;
    this.programs = new ProgramRuntime(this.broker, wall);
    this.management = new Management({
      broker: this.broker,
      nodeOf: relocatable(this, this.nodeOf),
      mapChannel: relocatable(this, this.mapChannel),
    });
    this.broker.onTrace(relocatable(this, this.onTrace));
    this.broker.observeMessage = relocatable(this, this.observeMessage);
    this.host = {
      now: relocatable(this.broker, this.broker.now),
      random: relocatable(this.broker.prng, this.broker.prng.next),
      setTimer: relocatable(this, this.setAgentTimer),
      cancelTimer: relocatable(this, this.cancelAgentTimer),
    };
  }

  private channelOwner(channel: number): string | undefined {
    return this.map.channels[channel];
  }

  private nodeOf(kind: 'exchange' | 'queue', vhost: string, name: string): string | null {
    return (kind === 'exchange' ? this.map.exchanges : this.map.queues)[entityKey(vhost, name)] ?? null;
  }

  private mapChannel(channel: number, node: string | null): void {
    if (!node) return;
    this.map.channels[channel] = node;
    this.mapSent = false;
  }

  private onTrace(e: TraceEvent): void {
    this.lastSeq = e.seq;
    this.marks.observe(e);
    this.pending.push(e);
    this.history.record(e);
    this.programs.observe(e);
  }

  private observeMessage(m: { id: number; content: Uint8Array; props: unknown }): void {
    this.history.remember(m.id, m.content, m.props as Record<string, unknown>);
  }

  private setAgentTimer(ms: number, fn: () => void): number {
    const h = this.nextHandle++;
    this.timerHandles.set(h, this.broker.setTimer(ms, relocatable(this, this.agentTimerDue, h, fn)));
    return h;
  }

  private agentTimerDue(h: number, fn: () => void): void {
    this.timerHandles.delete(h);
    fn();
  }

  private cancelAgentTimer(h: number): void {
    this.broker.clearTimer(this.timerHandles.get(h));
    this.timerHandles.delete(h);
  }

  /** Builds the broker, declares the topology and starts the agents, at virtual time 0. */
  static async create(doc: ScenarioDocument, wall?: () => number): Promise<Simulation> {
    const sim = new Simulation(doc, wall);
    await sim.build();
    return sim;
  }

  private async build(): Promise<void> {
    const doc = this.doc;
    // Broker hook: vhosts, users, permissions and policies first, as an operator sets them up.
    this.control.problems = await applyBrokerSection(this.broker, doc);
    const topology = await declareTopology(this.broker, doc, (name, node) => this.cluster.queueNode(name, node));
    for (const [id, text] of topology.errors) this.errors.set(id, text);
    for (const [key, id] of topology.exchanges) this.map.exchanges[key] = id;
    for (const [key, id] of topology.queues) this.map.queues[key] = id;
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));

    for (const n of doc.nodes) {
      if (n.kind === 'consumer') {
        const edge = doc.edges.find((e) => e.kind === 'consume' && e.target === n.id);
        const q = edge ? byId.get(edge.source) : undefined;
        this.consumers.set(n.id, {
          node: n,
          queue: q?.kind === 'queue' ? q : null,
          agent: null,
          past: { delivered: 0, acked: 0, nacked: 0, rejected: 0 },
          conn: null,
          channel: null,
        });
      } else if (n.kind === 'producer') {
        this.producers.set(n.id, { node: n, agent: null, conn: null, channel: null });
      }
    }
    for (const slot of this.consumers.values()) await this.startConsumer(slot);
    for (const slot of this.producers.values()) await this.startProducer(slot, byId);
    for (const entry of doc.timeline ?? []) this.scheduleTimeline(entry);
    await this.broker.advance(0);
  }

  private async open(
    nodeId: string,
    cfg: { user: string; password: string; vhost: string; node?: string },
    confirm: boolean,
    agentName = nodeId,
  ): Promise<{ conn: Connection; channel: Channel } | { error: string }> {
    try {
      const node = this.cluster.nodeFor(nodeId, agentName, cfg.node); // cluster hook
      const conn = await this.broker.connect({ user: cfg.user, password: cfg.password, vhost: cfg.vhost, node });
      conn.on('error', ignoreError);
      this.cluster.opened(nodeId, conn); // cluster hook: reconnect when its node stops
      const channel = confirm ? await conn.createConfirmChannel() : await conn.createChannel();
      channel.on('error', relocatable(this, this.channelFailed, nodeId));
      this.map.channels[channel.id] = nodeId;
      this.mapSent = false;
      return { conn, channel };
    } catch (e) {
      return { error: errorText(e) };
    }
  }

  private channelFailed(nodeId: string, e: unknown): void {
    this.errors.set(nodeId, errorText(e));
  }

  private async startConsumer(slot: ConsumerSlot): Promise<void> {
    const { node, queue } = slot;
    if (!queue) {
      slot.error = 'Not consuming: connect a queue to this consumer.';
      return;
    }
    const opened = await this.open(node.id, node.config.connection, false, node.config.name);
    if ('error' in opened) {
      slot.error = opened.error;
      return;
    }
    slot.conn = opened.conn;
    slot.channel = opened.channel;
    if (queue.config.exclusive) {
      const err = await declareOwnedQueue(opened.channel, this.doc, queue);
      if (err) {
        this.errors.set(queue.id, err);
        slot.error = err;
        return;
      }
    }
    const c = node.config;
    slot.agent = new ConsumerAgent(this.agentHost(slot, c.name), opened.channel as unknown as AgentChannel, consumerOptions(node, queue));
    try {
      await slot.agent.start();
      slot.error = undefined;
    } catch (e) {
      slot.error = errorText(e);
    }
  }

  private async startProducer(slot: ProducerSlot, byId: Map<string, ScenarioNode>): Promise<void> {
    const { node } = slot;
    const target = publishTarget(this.doc, byId, node.id);
    if (!target) {
      slot.error = 'Not publishing: connect this producer to an exchange or a queue.';
      return;
    }
    const c = node.config;
    const opened = await this.open(node.id, c.connection, c.confirm, c.name);
    if ('error' in opened) {
      slot.error = opened.error;
      return;
    }
    slot.conn = opened.conn;
    slot.channel = opened.channel;
    slot.agent = new ProducerAgent(this.agentHost(slot, c.name), opened.channel as unknown as AgentChannel, producerOptions(node, target));
    slot.agent.start();
  }

  /**
   * A live edit (live-edit.ts says which edits are): the agents take their new settings at this
   * instant, as a client reconfigured while it runs would; the rest of the document is as it was.
   */
  async reconfigure(doc: ScenarioDocument): Promise<void> {
    this.doc = doc;
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    for (const slot of this.producers.values()) {
      const n = byId.get(slot.node.id);
      if (n?.kind !== 'producer') continue;
      slot.node = n;
      const target = publishTarget(doc, byId, n.id);
      if (slot.agent && target) slot.agent.reconfigure(producerOptions(n, target));
    }
    for (const slot of this.consumers.values()) {
      const n = byId.get(slot.node.id);
      if (n?.kind !== 'consumer') continue;
      slot.node = n;
      if (slot.agent && slot.queue) await slot.agent.reconfigure(consumerOptions(n, slot.queue));
    }
  }

  /**
   * The host an agent runs on: virtual time, and its own PRNG stream seeded from the scenario's
   * seed and its name (scenario/agentSeed.ts), as the generated client programs seed theirs.
   */
  private agentHost(slot: { random?: Prng }, name: string): AgentHost {
    const prng = (slot.random ??= new Prng(agentSeed(this.doc.seed, name)));
    return { ...this.host, random: relocatable(prng, prng.next) };
  }

  private scheduleTimeline(entry: TimelineEntry): void {
    this.broker.setTimer(entry.at, relocatable(this, this.timelineDue, entry.action));
  }

  private timelineDue(action: TimelineEntry['action']): void {
    void this.perform(action);
  }

  private async perform(action: TimelineEntry['action']): Promise<void> {
    switch (action.type) {
      case 'stop-consumer':
        return this.consumerAction(action.node, 'pause');
      case 'start-consumer':
        return this.consumerAction(action.node, 'resume');
      case 'stop-producer':
        return this.producerAction(action.node, 'stop');
      case 'start-producer':
        return this.producerAction(action.node, 'start');
      case 'publish':
        for (let i = 0; i < action.count; i++) this.publish(action.node);
        return;
      case 'purge-queue':
        return this.purge(action.node);
      case 'restart-broker': // broker hook (admin-commands.ts)
      case 'set-memory-watermark':
      case 'set-disk-free':
        return this.control.perform(action);
      case 'stop-node': // cluster hook
      case 'start-node':
        return this.cluster.command(action.type, action.node);
    }
  }

  // ------------------------------------------------------------------ user actions

  publish(producerId: string, overrides?: PublishOverrides): boolean {
    const slot = this.producers.get(producerId);
    if (!slot?.agent || !slot.conn) return false; // no connection (a restart): nothing to send on
    return slot.agent.send(overrides);
  }

  producerAction(producerId: string, action: 'start' | 'stop'): void {
    const agent = this.producers.get(producerId)?.agent;
    if (!agent || !this.producers.get(producerId)?.conn) return;
    if (action === 'start') agent.start();
    else agent.stop();
  }

  async consumerAction(consumerId: string, action: 'pause' | 'resume' | 'kill-connection'): Promise<void> {
    const slot = this.consumers.get(consumerId);
    if (!slot) return;
    if (action === 'kill-connection') {
      // As when a client process dies: the broker requeues everything unacked on the connection.
      keepSettledCounts(slot);
      await slot.conn?.close().catch(() => {});
      slot.agent = null;
      slot.conn = null;
      slot.channel = null;
      slot.error = 'Connection closed: its unacked messages went back to the queue. Resume to reconnect.';
      return;
    }
    if (action === 'resume' && !slot.agent) {
      await this.startConsumer(slot);
      return;
    }
    if (!slot.agent) return;
    if (action === 'pause') await slot.agent.pause();
    else await slot.agent.resume();
  }

  async purge(queueId: string): Promise<void> {
    const q = this.doc.nodes.find((n) => n.id === queueId);
    if (q?.kind !== 'queue') return;
    const conn = await this.broker.connect({ vhost: q.config.vhost });
    const ch = await conn.createChannel();
    ch.on('error', ignoreError);
    await ch.purgeQueue(q.config.name).catch((e: unknown) => this.errors.set(queueId, errorText(e)));
    await conn.close().catch(() => {});
  }

  // ------------------------------------------------------------------ cluster hooks (cluster-setup.ts)

  /** An agent's connection was closed by its node stopping: stop its timers, keep its counters. */
  private async agentDropped(id: string, node: string): Promise<void> {
    const text = node ? `Connection closed: ${node} stopped (320 CONNECTION_FORCED). Reconnecting to another node…` : 'Subscribing again…';
    const p = this.producers.get(id);
    if (p) {
      if (p.agent?.isRunning) this.publishingWhenDropped.add(id);
      p.agent?.stop();
      p.error = text;
      return;
    }
    const c = this.consumers.get(id);
    if (!c?.agent) return;
    await this.consumerAction(id, 'kill-connection');
    c.error = text;
  }

  private publishingWhenDropped = new Set<string>();

  /** Reconnects a dropped agent (to the node ClusterRuntime picked) and starts it again. */
  private async agentReconnect(id: string): Promise<void> {
    this.errors.delete(id);
    const p = this.producers.get(id);
    if (p) {
      const before = p.agent;
      p.error = undefined;
      await this.startProducer(p, new Map(this.doc.nodes.map((n) => [n.id, n])));
      if (before && p.agent && p.agent !== before) {
        Object.assign(p.agent.counters, before.counters); // counters and {n} carry on
        if (!this.publishingWhenDropped.has(id)) p.agent.stop();
      }
      this.publishingWhenDropped.delete(id);
      return;
    }
    const c = this.consumers.get(id);
    if (c && !c.agent) await this.startConsumer(c);
  }

  // ------------------------------------------------------------------ broker hooks (admin-commands.ts)

  /** What the queue node's queue holds now (the first 100 ready and unacked messages). */
  peekQueue(id: string): QueueContents | null {
    const q = this.queueNodes().find((n) => n.id === id);
    return q ? this.broker.peekQueue(q.vhost, q.name, 100) : null;
  }

  /** The canvas's queue nodes, for the broker status (which are gone, which have a policy). */
  queueNodes(): { id: string; vhost: string; name: string }[] {
    return this.doc.nodes.flatMap((n) => (n.kind === 'queue' ? [{ id: n.id, vhost: n.config.vhost, name: n.config.name }] : []));
  }

  /** Producer nodes whose connection an alarm blocked. */
  blockedProducers(): string[] {
    const out: string[] = [];
    for (const [id, slot] of this.producers) if (slot.conn && this.broker.alarms.isBlocked(slot.conn)) out.push(id);
    return out;
  }

  /** Before a restart: every agent stops and lets go of its connection (the broker closes it); counters stay. */
  disconnectAgents(reason: string): void {
    for (const slot of this.producers.values()) {
      if (!slot.conn) continue;
      slot.lost = { running: slot.agent?.isRunning ?? false };
      slot.agent?.stop();
      slot.conn = null;
      slot.channel = null;
      slot.error = reason;
    }
    for (const slot of this.consumers.values()) {
      if (!slot.conn) continue;
      slot.lost = { running: slot.agent?.state !== 'paused' };
      // As for a killed connection: what it held unsettled goes back to the queue (or is lost).
      keepSettledCounts(slot);
      slot.agent = null;
      slot.conn = null;
      slot.channel = null;
      slot.error = reason;
    }
  }

  /** After a restart: agents that lost their connection reconnect and carry on as they were. */
  async reconnectAgents(): Promise<void> {
    for (const slot of this.consumers.values()) {
      const lost = slot.lost;
      if (!lost) continue;
      slot.lost = undefined;
      this.errors.delete(slot.node.id);
      slot.error = undefined;
      if (!slot.agent) await this.startConsumer(slot);
      if (!lost.running) await slot.agent?.pause();
    }
    const byId = new Map(this.doc.nodes.map((n) => [n.id, n]));
    for (const slot of this.producers.values()) {
      const lost = slot.lost;
      if (!lost) continue;
      slot.lost = undefined;
      this.errors.delete(slot.node.id);
      slot.error = undefined;
      const before = slot.agent;
      await this.startProducer(slot, byId);
      // Counters (and so `{n}` and the limit) carry on from before the restart.
      if (before && slot.agent && slot.agent !== before) Object.assign(slot.agent.counters, before.counters);
      if (!lost.running) slot.agent?.stop();
    }
  }

  // ------------------------------------------------------------------ time

  /** Runs `ms` of virtual time. */
  async advance(ms: number): Promise<void> {
    await this.broker.advance(ms);
  }

  /**
   * Moves to the next trace event and stops there: returns exactly that one event (events at
   * the same instant come one per step), or null when nothing is scheduled.
   */
  async step(): Promise<TraceEvent | null> {
    if (!this.stepBuffer.length) {
      const before = this.pending.length;
      for (let guard = 0; guard < 1000 && this.pending.length === before; guard++) {
        const next = this.broker.clock.nextTime();
        if (next === Infinity) break;
        await this.broker.advance(next - this.broker.now());
      }
      this.stepBuffer.push(...this.pending.splice(before));
    }
    return this.stepBuffer.shift() ?? null;
  }

  private stepBuffer: TraceEvent[] = [];

  // ------------------------------------------------------------------ time-travel hooks (time-travel.ts)

  /** Every event not yet sent out, taken; the next frame carries none of them. */
  drainEvents(): TraceEvent[] {
    const out = this.stepBuffer.length ? [...this.stepBuffer, ...this.pending] : this.pending;
    this.stepBuffer = [];
    this.pending = [];
    return out;
  }

  /** What the message layer draws for these events (the flight tracker remembers them). */
  motionOf(events: TraceEvent[]): Motion {
    return this.motion.take(events);
  }

  /** Whether events of the current instant wait for the next steps. */
  get hasHeldSteps(): boolean {
    return this.stepBuffer.length > 0;
  }

  /** The rest of an instant, to go out one event per Step, as after stepping to its first part. */
  holdSteps(events: TraceEvent[]): void {
    this.stepBuffer = events;
  }

  // ------------------------------------------------------------------ frames

  /** Everything since the previous frame. `stepped` replaces the drained events when stepping. */
  frame(stepped?: TraceEvent | null): Frame {
    let events: TraceEvent[];
    if (stepped !== undefined) {
      events = stepped ? [stepped] : [];
    } else {
      // Paused after a step, the rest of that instant waits for the next steps; it goes out first
      // when time runs again or when a user action adds events (so the log stays in trace order).
      if (this.stepBuffer.length && !this.playing && !this.pending.length) {
        events = [];
      } else {
        events = this.stepBuffer.length ? [...this.stepBuffer, ...this.pending] : this.pending;
        this.stepBuffer = [];
        this.pending = [];
      }
    }
    const t = stepped ? stepped.t : this.broker.now();
    const programs = this.programReport(); // code hook: before the motion, which needs its map
    const frame: Frame = {
      type: 'frame',
      t,
      playing: this.playing,
      speed: this.speed,
      events,
      refresh: true,
      eventCount: events.length,
      lost: this.lost,
      counters: this.counters(),
    };
    if (events.length) frame.motion = this.motion.take(events);
    if (!this.mapSent) {
      frame.map = this.map;
      this.mapSent = true;
    }
    const cluster = this.cluster.status(this.map); // cluster hook: sent when it changed
    if (cluster !== undefined) frame.cluster = cluster;
    frame.broker = this.control.status(); // broker hook
    if (programs) frame.programs = programs;
    return frame;
  }

  /** Code hook: programs' output and states, and their part of the canvas when it changed (programs/view.ts). */
  private programReport(): Frame['programs'] {
    if (!this.programs.active) return undefined;
    const report = this.programs.take();
    const { view, mapChanged } = codeView(this.broker.snapshot(), this.programs, this.map);
    if (mapChanged) {
      this.mapSent = false;
      this.motion.setMap(this.map);
    }
    const key = JSON.stringify(view);
    if (key === this.codeViewKey) return report;
    this.codeViewKey = key;
    return { output: [], status: {}, ...report, view };
  }

  /** Live counters per canvas node, from the broker's snapshot and counters and the agents. */
  counters(): Record<string, NodeCounters> {
    const out: Record<string, NodeCounters> = {};
    const stats = this.broker.stats();
    const snap = this.broker.snapshot();
    for (const q of snap.queues) {
      const id = this.map.queues[entityKey(q.vhost, q.name)];
      if (!id) continue;
      const s = stats.queues[entityKey(q.vhost, q.name)];
      out[id] = {
        ready: q.ready,
        unacked: q.unacked,
        consumers: q.consumers.length,
        enqueued: s?.enqueued ?? 0,
        delivered: s?.delivered ?? 0,
        acked: s?.acked ?? 0,
        dropped: s?.dropped ?? 0,
        expired: s?.expired ?? 0,
        deadLettered: s?.deadLettered ?? 0,
      };
    }
    for (const [key, id] of Object.entries(this.map.exchanges)) {
      const s = stats.exchanges[key];
      out[id] = { in: s?.published ?? 0, out: s?.routed ?? 0, unroutable: s?.unroutable ?? 0 };
    }
    for (const [id, slot] of this.producers) {
      const c = slot.agent?.counters;
      out[id] = {
        published: c?.published ?? 0,
        confirmed: c?.confirmed ?? 0,
        nacked: c?.nacked ?? 0,
        returned: c?.returned ?? 0,
        running: slot.agent?.isRunning ?? false,
        blocked: !!slot.conn && this.broker.alarms.isBlocked(slot.conn), // broker hook
      };
    }
    for (const [id, slot] of this.consumers) {
      const c = slot.agent?.counters;
      const p = slot.past;
      // Unacked as the consumer sees it: received and not yet settled, so that at any instant
      // delivered = acked + nacked + rejected + unacked (an ack on its way still counts as acked).
      const held = slot.agent && slot.node.config.ackMode === 'manual' ? slot.agent.held : 0;
      out[id] = {
        delivered: p.delivered + (c?.delivered ?? 0),
        acked: p.acked + (c?.acked ?? 0),
        nacked: p.nacked + (c?.nacked ?? 0),
        rejected: p.rejected + (c?.rejected ?? 0),
        unacked: held,
        prefetch: slot.node.config.prefetch,
        state: slot.agent?.state ?? 'stopped',
      };
    }
    for (const p of this.programs.clients()) {
      out[programNodeId(p.id)] = { published: p.published, delivered: p.delivered, acked: p.acked, state: p.state === 'running' ? 'busy' : 'stopped' };
    }
    for (const slot of [...this.producers.values(), ...this.consumers.values()]) {
      const err = this.errors.get(slot.node.id) ?? slot.error;
      if (err) out[slot.node.id] = { ...out[slot.node.id], error: err };
    }
    for (const [id, err] of this.errors) out[id] = { ...out[id], error: out[id]?.error ?? err };
    return out;
  }
}
