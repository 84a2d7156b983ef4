/**
 * The broker panel's live commands and the broker-wide timeline actions: restart (stop_app +
 * start_app), memory watermark, disk limit, modelled resources. And the `broker` status every
 * frame carries: memory and disk against their limits, alarms, blocked producers, a restart in
 * progress, the policies that apply, queues the broker no longer has, and refusals.
 *
 * Edits to users, vhosts, permissions and policies are not live commands: they change the
 * document, and a changed document rebuilds the run from time zero like any other edit, so a
 * document always means one reproducible run. Resources and restarts act on the running broker.
 */
import { relocatable, type Broker, type ResourceSettings, type ResourcesView } from '../engine';
import type { TimelineEntry } from '../scenario/schema';

/** Virtual ms clients wait before reconnecting after a restart (a client's retry delay). */
export const RECONNECT_MS = 2000;

export type BrokerOp =
  | { op: 'restart' }
  | { op: 'set-memory-watermark'; fraction: number }
  | { op: 'set-disk-free-limit'; bytes: number }
  | { op: 'set-resources'; resources: Partial<ResourceSettings> };

/** The broker as a whole, in every frame (`frame.broker`). */
export interface BrokerStatus {
  resources: ResourcesView;
  /** Producer node ids whose connection is blocked by an alarm (their publishes are held). */
  blocked: string[];
  /** Between a restart and the agents' reconnection. */
  restarting: boolean;
  /** Restarts so far in this run. */
  restarts: number;
  /** Queue node id → the policy that applies to it on the broker. */
  policies: Record<string, string>;
  /** Queue node ids the broker does not have (a transient queue after a restart, a refused declare). */
  missing: string[];
  /** What the broker refused: the broker section's commands at build, then live commands. */
  problems: string[];
}

/** What BrokerControl needs from the running simulation. */
export interface AgentLink {
  readonly broker: Broker;
  /** The canvas's queue nodes. */
  queueNodes(): { id: string; vhost: string; name: string }[];
  /** Producer node ids with their connection, for blocked status. */
  blockedProducers(): string[];
  /** Every agent loses its connection (the broker closes it); counters are kept. */
  disconnectAgents(reason: string): void;
  /** Agents that lost their connection open a new one and carry on. */
  reconnectAgents(): Promise<void>;
}

const SHUTDOWN_TEXT = "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'";

export class BrokerControl {
  restarting = false;
  restarts = 0;
  problems: string[] = [];
  private reconnectTimer: ReturnType<Broker['setTimer']> | null = null;

  constructor(private readonly sim: AgentLink) {}

  /** A broker-wide timeline action (the others are the simulation's own). */
  async perform(action: TimelineEntry['action']): Promise<void> {
    switch (action.type) {
      case 'restart-broker':
        return this.command({ op: 'restart' });
      case 'set-memory-watermark':
        return this.command({ op: 'set-memory-watermark', fraction: action.fraction });
      case 'set-disk-free':
        // The modelled free disk space changes (a disk filling up), not the limit.
        return this.command({ op: 'set-resources', resources: { diskFree: action.bytes } });
      default:
        return;
    }
  }

  /** Runs one admin command; a refusal is kept in `problems` in the broker's words. */
  async command(cmd: BrokerOp): Promise<void> {
    const admin = this.sim.broker.admin;
    try {
      switch (cmd.op) {
        case 'restart':
          return await this.restart();
        case 'set-memory-watermark':
          return await admin.setMemoryHighWatermark(cmd.fraction);
        case 'set-disk-free-limit':
          return await admin.setDiskFreeLimit(cmd.bytes);
        case 'set-resources':
          return await admin.setResources(cmd.resources);
      }
    } catch (e) {
      this.problems = [...this.problems, e instanceof Error ? e.message : String(e)].slice(-10);
    }
  }

  /**
   * stop_app + start_app: the agents lose their connections (320 CONNECTION_FORCED), transient
   * queues and non-persistent messages go; after RECONNECT_MS the agents reconnect.
   */
  private async restart(): Promise<void> {
    const broker = this.sim.broker;
    // Agents stop first, so none publishes on a connection the broker is closing.
    this.sim.disconnectAgents(SHUTDOWN_TEXT);
    await broker.admin.restart();
    this.restarting = true;
    this.restarts++;
    if (this.reconnectTimer) broker.clearTimer(this.reconnectTimer);
    this.reconnectTimer = broker.setTimer(RECONNECT_MS, relocatable(this, this.reconnectDue));
  }

  private reconnectDue(): void {
    this.reconnectTimer = null;
    void this.sim.reconnectAgents().finally(() => {
      this.restarting = false;
    });
  }

  status(): BrokerStatus {
    const broker = this.sim.broker;
    const policies: Record<string, string> = {};
    const missing: string[] = [];
    for (const { id, vhost, name } of this.sim.queueNodes()) {
      const q = broker.vhosts.get(vhost)?.queues.get(name);
      if (!q) missing.push(id);
      else if (q.policy) policies[id] = q.policy;
    }
    return {
      resources: broker.admin.resources(),
      blocked: this.sim.blockedProducers(),
      restarting: this.restarting,
      restarts: this.restarts,
      policies,
      missing,
      problems: this.problems,
    };
  }
}
