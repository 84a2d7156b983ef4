/**
 * The cluster side of a running scenario: which nodes the broker has (the document's
 * `broker.nodes`), which node each queue is declared from and each producer or consumer connects
 * to, stopping and starting nodes (timeline and UI), and clients reconnecting after their node
 * stopped. Simulation calls in through a few marked hooks; everything else lives here.
 *
 * Reconnecting is a default, not a document option: a real client with automatic recovery and
 * the cluster's addresses (amqplib behind a retry loop, Spring's CachingConnectionFactory with an
 * address list, the Java client's recovery) waits a little and connects to another node. Here it
 * waits RECONNECT_MS of virtual time and tries the running nodes in cluster order, starting after
 * the one it lost. It does not move back when that node returns, as real clients do not.
 */
import { relocatable, type Broker, type Connection, type TraceEvent } from '../engine';
import { DEFAULT_BROKER_NODES, type ScenarioDocument } from '../scenario/schema';
import type { ClusterStatus } from './cluster-protocol';
import { clusterStatus, statusKey } from './cluster-status';
import type { NodeMap } from './protocol';

/** Virtual ms a quorum queue's leader election takes (long enough to see the queue wait). */
export const ELECTION_MS = 1500;
/** Virtual ms a client whose node stopped waits before it reconnects to another node. */
export const RECONNECT_MS = 1000;

/** The document's node names, without duplicates; absent means RabbitMQ's single `rabbit@localhost`. */
export function documentNodes(doc: ScenarioDocument): string[] {
  const nodes = doc.broker?.nodes;
  return nodes?.length ? [...new Set(nodes)] : [...DEFAULT_BROKER_NODES];
}

/** createBroker options for the document's cluster (empty for a single default node). */
export function clusterBrokerOptions(doc: ScenarioDocument): { nodes?: string[]; electionMs?: number } {
  if (!doc.broker?.nodes?.length) return {};
  return { nodes: documentNodes(doc), electionMs: ELECTION_MS };
}

/**
 * A node by its full name or a short one: `r2` finds `r2@localhost` or `rabbit@r2` when exactly
 * one node has it on either side of the `@`. Null when no node (or more than one) matches.
 */
export function resolveNode(nodes: readonly string[], name: string): string | null {
  if (nodes.includes(name)) return name;
  const hits = nodes.filter((n) => n.split('@').includes(name));
  return hits.length === 1 ? hits[0] : null;
}

const list = (nodes: readonly string[]) => nodes.join(', ');

/** What Simulation does for an agent whose connection dropped, and to reconnect it. */
export interface AgentHooks {
  /** Its connection was closed by its node stopping: stop its timers, keep its counters. */
  dropped(agentId: string, node: string): Promise<void> | void;
  /** Open a new connection (on `nodeFor(agentId)`) and start it again. */
  reconnect(agentId: string): Promise<void>;
  /** The agent a channel belongs to. */
  owner(channel: number): string | undefined;
}

export class ClusterRuntime {
  readonly nodes: string[];
  /** More than one node: frames carry a cluster status. */
  readonly multi: boolean;
  private notices: string[] = [];
  /** Agent id → the node of its current (or last) connection. */
  private agentNode = new Map<string, string>();
  /** Agent id → the node it moved to after a failover. */
  private moved = new Map<string, string>();
  /** Agent id → virtual time of its reconnect, while its connection is down. */
  private dropped = new Map<string, number>();
  private lastKey: string | null = null;

  /** Queue key → consumers whose subscription the queue going down cancelled. */
  private cancelled = new Map<string, Set<string>>();

  constructor(private readonly broker: Broker, private readonly hooks: AgentHooks) {
    this.nodes = broker.nodes;
    this.multi = this.nodes.length > 1;
    if (this.multi) broker.onTrace(relocatable(this, this.onTrace));
  }

  /**
   * A consumer whose queue went down (home node stopped) was cancelled by the broker; like a
   * listener container that retries, it subscribes again once the queue is back.
   */
  private onTrace(e: TraceEvent): void {
    if (e.type === 'consumer-cancelled' && e.reason === 'queue-down') {
      const id = this.hooks.owner(e.channel);
      if (!id) return;
      const key = `${e.vhost}/${e.queue}`;
      if (!this.cancelled.has(key)) this.cancelled.set(key, new Set());
      this.cancelled.get(key)!.add(id);
    } else if (e.type === 'queue-up') {
      const ids = this.cancelled.get(`${e.vhost}/${e.queue}`);
      this.cancelled.delete(`${e.vhost}/${e.queue}`);
      for (const id of ids ?? []) {
        this.broker.setTimer(0, () => {
          void (async () => {
            await this.hooks.dropped(id, '');
            await this.hooks.reconnect(id);
          })();
        });
      }
    }
  }

  /** A problem for the user (a toast); the simulation keeps running. */
  notice(text: string): void {
    this.notices.push(text);
  }

  /** The node a configured name means, or the first node (with a notice) when there is no such node. */
  private pick(configured: string | undefined, what: string): string {
    if (configured === undefined || configured === '') return this.nodes[0];
    const n = resolveNode(this.nodes, configured);
    if (n) return n;
    this.notice(`${what}: there is no cluster node '${configured}' (nodes: ${list(this.nodes)}); using ${this.nodes[0]}.`);
    return this.nodes[0];
  }

  /** The node a queue is declared from: its `node`, default the first. */
  queueNode(queueName: string, configured: string | undefined): string {
    return this.pick(configured, `Queue '${queueName}'`);
  }

  /** The node an agent connects to: where it moved after a failover, else its `connection.node`. */
  nodeFor(agentId: string, agentName: string, configured: string | undefined): string {
    return this.moved.get(agentId) ?? this.pick(configured, `'${agentName}'`);
  }

  /** Hook: an agent opened `conn`; a close forced by its node stopping starts the reconnect. */
  opened(agentId: string, conn: Connection): void {
    this.agentNode.set(agentId, conn.node);
    this.dropped.delete(agentId);
    conn.on('close', relocatable(this, this.closed, agentId, conn));
  }

  private closed(agentId: string, conn: Connection, err?: { code?: number }): void {
    if (err?.code !== 320 || this.isUp(conn.node)) return;
    this.dropped.set(agentId, this.broker.now() + RECONNECT_MS);
    void this.hooks.dropped(agentId, conn.node);
    this.broker.setTimer(RECONNECT_MS, relocatable(this, this.reconnectDue, agentId, conn.node));
  }

  private reconnectDue(agentId: string, lost: string): void {
    void this.reconnect(agentId, lost);
  }

  private isUp(node: string): boolean {
    return this.broker.admin.nodes().some((n) => n.name === node && n.running);
  }

  private async reconnect(agentId: string, lost: string): Promise<void> {
    if (!this.dropped.has(agentId)) return;
    const start = this.nodes.indexOf(lost);
    const order = this.nodes.map((_, i) => this.nodes[(start + 1 + i) % this.nodes.length]);
    const target = order.find((n) => this.isUp(n));
    if (!target) return;
    this.moved.set(agentId, target);
    this.dropped.delete(agentId);
    await this.hooks.reconnect(agentId);
  }

  /** Timeline and UI: stop or start a node. Bad input becomes a notice; nothing else changes. */
  async command(action: 'stop-node' | 'start-node', name: string): Promise<void> {
    const node = resolveNode(this.nodes, name);
    if (!node) {
      this.notice(`There is no cluster node '${name}' (nodes: ${list(this.nodes)}).`);
      return;
    }
    if (action === 'stop-node' && this.isUp(node) && this.broker.admin.nodes().filter((n) => n.running).length === 1) {
      this.notice(`${node} is the last running node: stopping it would stop the whole cluster, so it keeps running.`);
      return;
    }
    try {
      await (action === 'stop-node' ? this.broker.admin.stopNode(node) : this.broker.admin.startNode(node));
    } catch (e) {
      this.notice(e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * The frame's `cluster` field: null in the first frame of a single-node broker, the status in
   * the first frame of a cluster and whenever it changed (or there are notices), else undefined.
   */
  status(map: NodeMap): ClusterStatus | null | undefined {
    const notices = this.notices.splice(0);
    if (!this.multi) {
      const first = this.lastKey === null;
      this.lastKey = '';
      if (notices.length) return { nodes: [], queues: {}, agents: {}, electionMs: ELECTION_MS, reconnectMs: RECONNECT_MS, notices };
      return first ? null : undefined;
    }
    const s = clusterStatus(this.broker, map, this.agentNode, this.dropped, RECONNECT_MS);
    const key = statusKey(s);
    if (key === this.lastKey && !notices.length) return undefined;
    this.lastKey = key;
    return notices.length ? { ...s, notices } : s;
  }
}
