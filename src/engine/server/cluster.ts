import type { Kernel } from '../kernel/kernel';
import { AmqpError, ERRORS } from '../amqp/errors';
import { applyMirrors, mirrorsNodeDown } from '../queues/mirrors';
import { DOWN, HUNG, LIVE, type Queue } from '../queues/queue';
import type { ServerConnection } from './ports';
import type { VHost } from './vhost';

export interface NodeInfo {
  /** 1-based index. */
  index: number;
  name: string;
  running: boolean;
  connections: number;
}

/**
 * The cluster's nodes and what stopping or starting one does (`rabbitmqctl stop_app` /
 * `start_app`: the node leaves cleanly; partitions and crashes are not modelled). Connections
 * of a stopping node close with 320; its classic queues go down (durable) or are deleted (the
 * rest); mirrored queues promote a synchronised mirror; quorum queues elect a new leader when a
 * majority of members is left, else they hang until it returns.
 */
/** What the cluster needs of the broker (broker.ts implements it): its connections and vhosts. */
export interface ClusterHost {
  readonly connections: Iterable<ServerConnection>;
  readonly vhosts: ReadonlyMap<string, VHost>;
}

export class Cluster {
  private readonly running: boolean[];

  constructor(private readonly kernel: Kernel, private readonly host: ClusterHost, readonly nodes: string[], readonly electionMs: number) {
    if (!Array.isArray(nodes) || nodes.length === 0 || nodes.some((n) => typeof n !== 'string' || n === '')) {
      throw new TypeError('nodes must be a non-empty array of node names');
    }
    if (new Set(nodes).size !== nodes.length) throw new TypeError('node names must be unique');
    if (typeof electionMs !== 'number' || !(electionMs >= 0) || !Number.isFinite(electionMs)) throw new TypeError('electionMs must be a non-negative number');
    this.running = nodes.map(() => true);
  }

  /** 0-based index of a node given as a 1-based number or a name; a clear Error otherwise. */
  index(n: number | string): number {
    const i = typeof n === 'number' ? n - 1 : this.nodes.indexOf(n);
    if (!Number.isInteger(i) || i < 0 || i >= this.nodes.length) {
      throw new Error(`unknown node ${JSON.stringify(n)} (the cluster has ${this.nodes.map((x, k) => `${k + 1}=${x}`).join(', ')})`);
    }
    return i;
  }

  isRunning(name: string): boolean {
    return this.running[this.nodes.indexOf(name)] === true;
  }

  /** 1-based number of a node name (for plain-data views). */
  number(name: string): number {
    return this.nodes.indexOf(name) + 1;
  }

  /** What amqplib reports when the node's port refuses the connection (ports as in the recorded cluster). */
  refused(i: number): Error & { code: string } {
    const port = this.nodes.length === 1 ? 5672 : 5681 + i;
    const e = new Error(`connect ECONNREFUSED 127.0.0.1:${port}`) as Error & { code: string };
    e.code = 'ECONNREFUSED';
    return e;
  }

  view(): NodeInfo[] {
    return this.nodes.map((name, i) => ({
      index: i + 1,
      name,
      running: this.running[i],
      connections: [...this.host.connections].filter((c) => c.node === name).length,
    }));
  }

  stopNode(n: number | string): void {
    const i = this.index(n);
    const name = this.nodes[i];
    if (!this.running[i]) return;
    if (this.running.filter(Boolean).length === 1) throw new Error(`cannot stop ${name}: it is the last running node`);
    const b = this.host;
    this.running[i] = false;
    this.kernel.trace.emit({ type: 'node-down', node: name });
    for (const c of [...b.connections]) if (c.node === name) c.serverClose(new AmqpError(ERRORS.shutdown()));
    for (const vh of b.vhosts.values()) {
      for (const q of [...vh.queues.values()]) {
        if (q.quorum) q.quorum.nodeDown(name);
        else if (q.node !== name) mirrorsNodeDown(q, name, this);
        else if (q.ha && mirrorsNodeDown(q, name, this)) applyMirrors(q, q.policy === null ? null : vh.policies.get(q.policy) ?? null, this);
        else if (!q.durable || q.exclusive || q.autoDelete) vh.removeQueue(q, 'node-down');
        else this.queueDown(q);
      }
    }
  }

  private queueDown(q: Queue): void {
    // a mirrored queue without a synchronised mirror waits for its master; a plain one is unreachable
    if (!q.ha) for (const c of [...q.consumers]) c.channel.serverCancel(c, 'queue-down');
    q.setAvail(q.ha ? HUNG : DOWN);
    this.kernel.trace.emit({ type: 'queue-down', vhost: q.vhost.name, queue: q.name, node: q.node });
  }

  startNode(n: number | string): void {
    const i = this.index(n);
    const name = this.nodes[i];
    if (this.running[i]) return;
    const b = this.host;
    this.running[i] = true;
    this.kernel.trace.emit({ type: 'node-up', node: name });
    for (const vh of b.vhosts.values()) {
      for (const q of [...vh.queues.values()]) {
        if (q.quorum) {
          q.quorum.nodeUp(name);
          continue;
        }
        if (q.node === name && q.avail !== LIVE) {
          q.recoverMessages();
          this.kernel.trace.emit({ type: 'queue-up', vhost: vh.name, queue: q.name, node: name });
          q.setAvail(LIVE);
        }
        if (q.policy !== null) applyMirrors(q, vh.policies.get(q.policy) ?? null, this);
      }
    }
  }
}
