import { fieldValue } from '../amqp/types';
import type { TimerTarget, Timer } from '../kernel/clock';
import type { ClusterView, QuorumGroup } from './ports';
import { HUNG, LIVE, type Queue } from './queue';

/** A quorum queue's Raft group as the simulation models it: members, the leader, an election in progress. */
export class QuorumState implements TimerTarget, QuorumGroup {
  /** Member nodes, in cluster order. */
  readonly members: string[];
  leader: string;
  private election: Timer | null = null;

  constructor(readonly queue: Queue, private readonly cluster: ClusterView, declaringNode: string) {
    const nodes = cluster.nodes;
    const size = queue.args['x-quorum-initial-group-size'];
    const n = Math.min(nodes.length, size === undefined ? nodes.length : (fieldValue(size) as number));
    const start = nodes.indexOf(declaringNode);
    const picked = new Set<string>();
    for (let i = 0; i < n; i++) picked.add(nodes[(start + i) % nodes.length]);
    this.members = nodes.filter((x) => picked.has(x));
    this.leader = declaringNode;
  }

  online(): string[] {
    return this.members.filter((m) => this.cluster.isRunning(m));
  }

  hasMajority(): boolean {
    return this.online().length * 2 > this.members.length;
  }

  /** A node stopped: without its leader the queue hangs until a new one is elected (if a majority is left). */
  nodeDown(node: string): void {
    if (!this.members.includes(node)) return;
    if (!this.hasMajority()) {
      this.cancelElection();
      this.queue.setAvail(HUNG);
      return;
    }
    if (node === this.leader) {
      this.queue.setAvail(HUNG);
      this.startElection();
    }
  }

  /** A node came back: a queue that lost its majority elects a leader again. */
  nodeUp(node: string): void {
    if (!this.members.includes(node)) return;
    if (this.queue.avail === HUNG && !this.election && this.hasMajority()) {
      if (this.cluster.isRunning(this.leader)) this.queue.setAvail(LIVE);
      else this.startElection();
    }
  }

  private startElection(): void {
    if (this.election) return;
    this.election = this.queue.kernel.clock.schedule(this.cluster.electionMs, this, 0);
  }

  private cancelElection(): void {
    this.queue.kernel.clock.cancel(this.election);
    this.election = null;
  }

  /** The election timer: the first online member (in cluster order) becomes leader; the leader never moves back by itself. */
  onTimer(): void {
    this.election = null;
    const q = this.queue;
    if (q.deleted || !this.hasMajority()) return;
    const next = this.online()[0];
    this.leader = next;
    q.node = next;
    q.kernel.trace.emit({ type: 'leader-elected', vhost: q.vhost.name, queue: q.name, node: next, queueType: 'quorum' });
    q.setAvail(LIVE);
  }

  dispose(): void {
    this.cancelElection();
  }
}
