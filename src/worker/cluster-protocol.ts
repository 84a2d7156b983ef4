/**
 * The cluster part of the worker protocol: the `cluster` command (stop or start a node) and the
 * `cluster` field of a frame (which nodes are up, where each queue lives, which node each agent
 * is connected to). Plain data, structured-clone safe.
 */

/** Stop or start one cluster node (`rabbitmqctl stop_app` / `start_app`); a full name or a short one (`r2`). */
export interface ClusterCommand {
  type: 'cluster';
  action: 'stop-node' | 'start-node';
  node: string;
}

export interface ClusterNodeStatus {
  name: string;
  up: boolean;
  /** Client connections open on this node now. */
  connections: number;
}

export interface ClusterQueueStatus {
  type: 'classic' | 'quorum';
  /** Classic: the home (master) node; quorum: the leader. */
  node: string;
  /** Quorum: member nodes and those of them running. */
  members?: string[];
  online?: string[];
  /** Classic mirrored: mirror nodes and the synchronised ones. */
  mirrors?: string[];
  syncMirrors?: string[];
  /** 'down': home node stopped; 'hung': quorum without a leader / mirrored queue waiting for its master. */
  state: 'live' | 'down' | 'hung';
  /** Quorum: a leader election is under way (a majority is online, the leader is not). */
  electing?: boolean;
  /** Why the queue is unavailable: RabbitMQ's own text where it has one. */
  reason?: string;
}

export interface ClusterAgentStatus {
  /** The node of its connection (the last one, while dropped); null before it ever connected. */
  node: string | null;
  /** Its connection was closed by its node stopping and it has not reconnected yet. */
  dropped: boolean;
  /** Virtual time of the next reconnect attempt, while dropped. */
  reconnectAt?: number;
}

export interface ClusterStatus {
  nodes: ClusterNodeStatus[];
  /** Canvas queue node id → where it lives. */
  queues: Record<string, ClusterQueueStatus>;
  /** Canvas producer / consumer node id → its connection's node. */
  agents: Record<string, ClusterAgentStatus>;
  /** Virtual ms a quorum leader election takes, and a dropped client waits before reconnecting. */
  electionMs: number;
  reconnectMs: number;
  /** Problems since the previous frame (a refused stop, an unknown node name), for a toast. */
  notices?: string[];
}
