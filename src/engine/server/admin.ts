import type { Alarms, ResourcesView } from './alarms';
import type { ResourceSettings } from './resources';
import type { Auth, PermissionInfo, UserInfo } from './auth';
import type { Cluster, NodeInfo } from './cluster';
import type { ServerConnection, VHostHost } from './ports';
import { AmqpError, ERRORS } from '../amqp/errors';
import { syncedMirrors } from '../queues/mirrors';
import { makePolicy, policyInfo, type ApplyTo, type PolicyInfo } from '../queues/policies';
import { DOWN } from '../queues/queue';
import { VHost } from './vhost';

/** `admin.queueInfo()`: where a queue lives, nodes as 1-based numbers, lists sorted. */
export type ClusterQueueInfo =
  | { type: 'quorum'; leader: number; members: number[]; online: number[] }
  | { type: 'classic'; node: number; mirrors: number[]; syncMirrors: number[]; state: 'live' | 'down' };

export interface PolicyOptions {
  applyTo?: ApplyTo;
  priority?: number;
  vhost?: string;
}

/** What the admin needs of the broker (broker.ts implements it). */
export interface AdminHost extends VHostHost {
  readonly vhosts: Map<string, VHost>;
  readonly connections: Iterable<ServerConnection>;
  /** Set while a restart closes everything. */
  shuttingDown: boolean;
  readonly auth: Auth;
  readonly alarms: Alarms;
  readonly cluster: Cluster;
  readonly nodes: string[];
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * The broker's administration, shaped like `rabbitmqctl`: every command is async and rejects
 * with a clear Error on bad input, changing nothing. Read-only views (users(), vhostList(),
 * permissions(), policies(), resources(), nodes()) are plain data for an admin panel.
 */
export class Admin {
  constructor(private readonly host: AdminHost) {}

  private run<T>(fn: () => T): Promise<T> {
    this.host.kernel.activity++;
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private vhost(name: string): VHost {
    if (typeof name !== 'string') throw new TypeError('vhost must be a string');
    const vh = this.host.vhosts.get(name);
    if (!vh) throw new Error(`no such vhost '${name}'`);
    return vh;
  }

  // ------------------------------------------------------------------ broker

  /** stop_app + start_app: connections close with 320; transient entities and messages are lost. */
  restart(): Promise<void> {
    return this.run(() => {
      const b = this.host;
      b.shuttingDown = true;
      try {
        for (const c of [...b.connections]) c.serverClose(new AmqpError(ERRORS.shutdown()));
        for (const vh of b.vhosts.values()) vh.restart();
      } finally {
        b.shuttingDown = false;
      }
      b.kernel.trace.emit({ type: 'broker-restarted' });
    });
  }

  /** set_vm_memory_high_watermark: a fraction of total memory, 0 to 1. */
  setMemoryHighWatermark(fraction: number): Promise<void> {
    return this.run(() => this.host.alarms.configure({ memoryHighWatermark: fraction }));
  }

  /** set_disk_free_limit in bytes. */
  setDiskFreeLimit(bytes: number): Promise<void> {
    return this.run(() => this.host.alarms.configure({ diskFreeLimit: bytes }));
  }

  /** Changes the modelled machine (total memory, base memory, free disk) or the limits. */
  setResources(change: Partial<ResourceSettings>): Promise<void> {
    return this.run(() => {
      if (change === null || typeof change !== 'object') throw new TypeError('setResources takes an object');
      this.host.alarms.configure(change);
    });
  }

  // ------------------------------------------------------------------ vhosts

  addVhost(name: string): Promise<void> {
    return this.run(() => {
      if (typeof name !== 'string' || name === '') throw new TypeError('vhost name must be a non-empty string');
      if (this.host.vhosts.has(name)) throw new Error(`vhost '${name}' already exists`);
      this.host.vhosts.set(name, new VHost(this.host, name));
    });
  }

  /** Deletes a vhost: its queues go (consumers are cancelled), its connections close with 320, its entities, permissions and policies go. */
  deleteVhost(name: string): Promise<void> {
    return this.run(() => {
      const vh = this.vhost(name);
      const b = this.host;
      // RabbitMQ deletes the queues first (their consumers get basic.cancel), then closes the connections
      // (recorded: w-vhost-deleted-consumer)
      vh.destroy();
      const conns = [...b.connections].filter((c) => c.vhost === vh);
      b.kernel.defer(() => { for (const c of conns) c.serverClose(new AmqpError(ERRORS.vhostDeleted(name))); });
      b.vhosts.delete(name);
      b.auth.dropVhost(name);
    });
  }

  // ------------------------------------------------------------------ users and permissions

  addUser(name: string, password: string, tags: string[] = []): Promise<void> {
    return this.run(() => this.host.auth.addUser(name, password, tags));
  }

  /** Deletes a user: its connections close with 320. */
  deleteUser(name: string): Promise<void> {
    return this.run(() => {
      const b = this.host;
      b.auth.deleteUser(name);
      for (const c of [...b.connections]) if (c.user === name) c.serverClose(new AmqpError(ERRORS.userDeleted(name)));
    });
  }

  setPermissions(user: string, vhost: string, configure: string, write: string, read: string): Promise<void> {
    return this.run(() => {
      this.vhost(vhost);
      this.host.auth.setPermissions(user, vhost, { configure, write, read });
    });
  }

  clearPermissions(user: string, vhost: string): Promise<void> {
    return this.run(() => {
      this.vhost(vhost);
      this.host.auth.clearPermissions(user, vhost);
    });
  }

  // ------------------------------------------------------------------ policies

  setPolicy(name: string, pattern: string, definition: Record<string, unknown>, options: PolicyOptions = {}): Promise<void> {
    return this.run(() => {
      if (options === null || typeof options !== 'object') throw new TypeError('setPolicy options must be an object');
      const vh = this.vhost(options.vhost ?? '/');
      const p = makePolicy(vh.name, name, pattern, definition, options.applyTo ?? 'all', options.priority ?? 0, this.host.nodes);
      vh.policies.set(name, p);
      vh.applyPolicies();
      this.host.kernel.trace.emit({ type: 'policy-set', vhost: vh.name, name, pattern, applyTo: p.applyTo, priority: p.priority, definition: { ...p.definition } });
    });
  }

  clearPolicy(name: string, vhost = '/'): Promise<void> {
    return this.run(() => {
      const vh = this.vhost(vhost);
      if (!vh.policies.delete(name)) throw new Error(`no policy '${name}' in vhost '${vhost}'`);
      vh.applyPolicies();
      this.host.kernel.trace.emit({ type: 'policy-cleared', vhost: vh.name, name });
    });
  }

  // ------------------------------------------------------------------ cluster

  /** stop_app on one node (1-based index or name). Stopping the last running node is refused. */
  stopNode(node: number | string): Promise<void> {
    return this.run(() => this.host.cluster.stopNode(node));
  }

  startNode(node: number | string): Promise<void> {
    return this.run(() => this.host.cluster.startNode(node));
  }

  /** Where a queue lives (nodes as numbers), or null when there is no such queue. */
  queueInfo(name: string, vhost = '/'): Promise<ClusterQueueInfo | null> {
    return this.run(() => {
      const q = this.host.vhosts.get(vhost)?.queues.get(name);
      if (!q) return null;
      const cl = this.host.cluster;
      const num = (n: string) => cl.number(n);
      if (q.quorum) {
        return { type: 'quorum' as const, leader: num(q.quorum.leader), members: sorted(q.quorum.members.map(num)), online: sorted(q.quorum.online().map(num)) };
      }
      return {
        type: 'classic' as const,
        node: num(q.node),
        mirrors: sorted((q.ha?.mirrors ?? []).map(num)),
        syncMirrors: sorted(syncedMirrors(q).map(num)),
        // a mirrored queue waiting for its master keeps a 'live' record (its master's pid is dead)
        state: q.avail === DOWN ? ('down' as const) : ('live' as const),
      };
    });
  }

  // ------------------------------------------------------------------ read-only views

  users(): UserInfo[] {
    return this.host.auth.listUsers();
  }

  vhostList(): string[] {
    return [...this.host.vhosts.keys()].sort();
  }

  permissions(): PermissionInfo[] {
    return this.host.auth.permissions();
  }

  policies(): PolicyInfo[] {
    const out: PolicyInfo[] = [];
    for (const vh of this.host.vhosts.values()) for (const p of vh.policies.values()) out.push(policyInfo(p));
    return out;
  }

  resources(): ResourcesView {
    return this.host.alarms.view();
  }

  /** Virtual ms a quorum queue takes to elect a new leader after losing its leader (`BrokerOptions.electionMs`). */
  get electionMs(): number {
    return this.host.cluster.electionMs;
  }

  /** The nodes of a classic queue's mirrors that are synchronised (names, in mirror order); [] for no such queue. */
  syncedMirrorNodes(name: string, vhost = '/'): string[] {
    const q = this.host.vhosts.get(vhost)?.queues.get(name);
    return q ? syncedMirrors(q) : [];
  }

  nodes(): NodeInfo[] {
    return this.host.cluster.view();
  }
}
