/** The cluster status a frame carries: nodes up or down, where each queue lives, each agent's node. */
import { ERRORS, type Broker } from '../engine';
import type { ClusterAgentStatus, ClusterQueueStatus, ClusterStatus } from './cluster-protocol';
import { entityKey } from './build';
import type { NodeMap } from './protocol';

/** Why a queue is unavailable, in RabbitMQ's words where RabbitMQ has words for it. */
export function unavailableReason(q: ClusterQueueStatus, name: string, vhost: string): string | undefined {
  if (q.state === 'live') return undefined;
  if (q.state === 'down') return ERRORS.homeNodeDown(name, vhost, q.node)[1].replace(/^NOT_FOUND - /, '');
  if (q.type === 'quorum') {
    const online = q.online?.length ?? 0;
    const members = q.members?.length ?? 0;
    return q.electing
      ? `leader ${q.node} stopped: ${online} of ${members} members online elect a new leader`
      : `no quorum: ${online} of ${members} members online; operations wait until a majority is back`;
  }
  return `master ${q.node} stopped and no synchronised mirror could take over: the queue waits for it`;
}

export function clusterStatus(
  broker: Broker,
  map: NodeMap,
  agentNode: ReadonlyMap<string, string>,
  dropped: ReadonlyMap<string, number>,
  reconnectMs: number,
): ClusterStatus {
  const nodes = broker.admin.nodes().map((n) => ({ name: n.name, up: n.running, connections: n.connections }));
  const up = new Set(nodes.filter((n) => n.up).map((n) => n.name));
  const queues: Record<string, ClusterQueueStatus> = {};
  for (const q of broker.snapshot().queues) {
    const id = map.queues[entityKey(q.vhost, q.name)];
    if (!id) continue;
    const s: ClusterQueueStatus = { type: q.type === 'quorum' ? 'quorum' : 'classic', node: q.node, state: q.state };
    if (q.members) {
      s.members = q.members;
      s.online = q.members.filter((m) => up.has(m));
      if (q.state === 'hung' && s.online.length * 2 > q.members.length) s.electing = true;
    }
    if (q.mirrors) {
      s.mirrors = q.mirrors;
      s.syncMirrors = broker.admin.syncedMirrorNodes(q.name, q.vhost);
    }
    const reason = unavailableReason(s, q.name, q.vhost);
    if (reason) s.reason = reason;
    queues[id] = s;
  }
  const agents: Record<string, ClusterAgentStatus> = {};
  for (const [id, node] of agentNode) {
    const at = dropped.get(id);
    agents[id] = at === undefined ? { node, dropped: false } : { node, dropped: true, reconnectAt: at };
  }
  return { nodes, queues, agents, electionMs: broker.admin.electionMs, reconnectMs };
}

/** A cheap identity for change detection (notices excluded). */
export function statusKey(s: ClusterStatus): string {
  return JSON.stringify([s.nodes, s.queues, s.agents]);
}
