import type { ClusterView, MirrorState } from './ports';
import type { Policy } from './policies';
import type { Queue } from './queue';

/** Nodes an ha policy wants the queue on (master included), in cluster order. */
function wanted(p: Policy, master: string, nodes: string[]): string[] {
  const d = p.definition;
  if (d['ha-mode'] === 'all') return nodes;
  if (d['ha-mode'] === 'nodes') return nodes.filter((n) => (d['ha-params'] as string[]).includes(n) || n === master);
  const count = d['ha-params'] as number;
  const start = nodes.indexOf(master);
  return Array.from({ length: count }, (_, i) => nodes[(start + i) % nodes.length]);
}

/** Brings a classic queue's mirrors in line with its policy and the running nodes. */
export function applyMirrors(q: Queue, p: Policy | null, cluster: ClusterView): void {
  if (q.settings.type !== 'classic' || q.exclusive) return;
  if (!p || p.definition['ha-mode'] === undefined) {
    q.ha = null;
    return;
  }
  if (!q.ha) q.ha = { mirrors: [], unsynced: new Map<string, number>() };
  const ha: MirrorState = q.ha;
  const want = wanted(p, q.node, cluster.nodes).filter((n) => n !== q.node && cluster.isRunning(n));
  const automatic = p.definition['ha-sync-mode'] === 'automatic';
  for (const n of want) {
    if (ha.mirrors.includes(n)) continue;
    ha.mirrors.push(n);
    // a new mirror starts empty: synchronised at once only with automatic sync or an empty queue
    if (!automatic && q.messageCount + q.unacked > 0) ha.unsynced.set(n, q.nextSequence);
  }
  ha.mirrors = cluster.nodes.filter((n) => want.includes(n) && ha.mirrors.includes(n));
  for (const n of [...ha.unsynced.keys()]) if (!ha.mirrors.includes(n)) ha.unsynced.delete(n);
}

/** The synchronised mirrors now (an unsynchronised one catches up once every message older than its joining is gone). */
export function syncedMirrors(q: Queue): string[] {
  const ha = q.ha;
  if (!ha) return [];
  if (ha.unsynced.size) {
    const oldest = q.unacked > 0 ? -Infinity : q.store.minSeq();
    for (const [n, seq] of ha.unsynced) if (oldest >= seq) ha.unsynced.delete(n);
  }
  return ha.mirrors.filter((n) => !ha.unsynced.has(n));
}

/** A node stopped: drop it as a mirror; if it was the master, promote the oldest synchronised mirror. Returns false when none could take over. */
export function mirrorsNodeDown(q: Queue, node: string, cluster: ClusterView): boolean {
  const ha = q.ha;
  if (!ha) return false;
  if (node !== q.node) {
    ha.mirrors = ha.mirrors.filter((n) => n !== node);
    ha.unsynced.delete(node);
    return true;
  }
  let next = syncedMirrors(q).find((n) => cluster.isRunning(n));
  // stop_app is a controlled shutdown: an unsynchronised mirror takes over only with
  // ha-promote-on-shutdown: always (the default, when-synced, leaves the queue to wait for its master),
  // and then has only the messages published since it joined (recorded: w-mirror-unsynced-promote-always).
  const policy = q.policy === null ? null : q.vhost.policies.get(q.policy) ?? null;
  if (!next && policy?.definition['ha-promote-on-shutdown'] === 'always') next = ha.mirrors.find((n) => n !== node && cluster.isRunning(n));
  if (!next) {
    // the unsynchronised mirrors stop with their master: the queue's record keeps a dead master and no mirrors
    ha.mirrors = [];
    ha.unsynced.clear();
    return false;
  }
  const joined = ha.unsynced.get(next);
  q.node = next;
  ha.mirrors = ha.mirrors.filter((n) => n !== next && n !== node);
  ha.unsynced.delete(next);
  if (joined !== undefined) q.keepFrom(joined);
  // every message of the promoted mirror counts as redelivered
  for (const e of q.store.toArray()) e.redelivered = true;
  q.kernel.trace.emit({ type: 'leader-elected', vhost: q.vhost.name, queue: q.name, node: next, queueType: 'classic' });
  for (const c of [...q.consumers]) if (c.cancelOnFailover) c.channel.serverCancel(c, 'failover');
  return true;
}
