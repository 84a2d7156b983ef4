import type { Binding, BindingDestination } from '../routing/binding';
import type { Timer, TimerTarget } from '../kernel/clock';
import { QEntry, type Consumer } from './consumer';
import { ConsumerLine } from './consumer-line';
import type { Message } from '../amqp/message';
import { queueSettings, type QueueSettings } from './arguments';
import type { Counters } from '../kernel/stats';
import { ReadyStore } from './ready-store';
import type { DeadLetterReason, DropReason } from '../kernel/trace';
import type { Kernel } from '../kernel/kernel';
import type { MirrorState, QueueHost, QueueOwner, QuorumGroup } from './ports';

/** Availability: live, home node down (404), or hanging (a quorum queue without a leader). */
export const LIVE = 0;
export const DOWN = 1;
export const HUNG = 2;

const EXPIRY_TIMER = 1;
const EXPIRES_TIMER = 2;

/**
 * A queue (classic semantics; quorum queues add delivery counting): ready messages, consumers in
 * priority/round-robin order, TTL at the head, length limits with their overflow behaviour, and
 * dead-lettering through its vhost.
 */
export class Queue implements BindingDestination, TimerTarget {
  readonly kind = 'queue' as const;
  readonly inbound = new Set<Binding>();
  routeStamp = 0;
  /** Effective settings: the arguments, with the queue's policy applied. */
  settings: QueueSettings;
  /** Settings from the arguments alone. */
  readonly baseSettings: QueueSettings;
  /** Name of the policy that applies, if any. */
  policy: string | null = null;
  readonly store: ReadyStore;
  /** LIVE, DOWN or HUNG (see `setAvail`). */
  avail = LIVE;
  /** Operations waiting for a hung queue to come back (publishes, gets). */
  pending: (() => void)[] = [];
  /** Classic mirrored queues: the mirrors (null when no ha policy applies). */
  ha: MirrorState | null = null;
  /** Quorum queues: members and leader. */
  quorum: QuorumGroup | null = null;
  private readonly line = new ConsumerLine();
  /** Consumers ordered by priority (highest first), round-robin within a priority. */
  readonly consumers: Consumer[] = this.line.list;
  unacked = 0;
  deleted = false;
  private nextSeq = 1;
  private hadConsumers = false;
  private dispatching = false;
  private mayExpire = false;
  private expiryTimer: Timer | null = null;
  private expiresTimer: Timer | null = null;
  private lastUsed = 0;

  constructor(
    /** Time, trace and counters (the queue reaches nothing else of the broker). */
    readonly kernel: Kernel,
    /** The vhost, seen through the port a queue needs (queues/ports.ts). */
    readonly vhost: QueueHost<Queue>,
    readonly name: string,
    readonly durable: boolean,
    /** The owning connection of an exclusive queue. */
    readonly owner: QueueOwner<Queue> | null,
    readonly autoDelete: boolean,
    readonly args: Record<string, unknown>,
    /** Home node (cluster placement): the node of the declaring connection; a quorum queue's leader. */
    public node: string,
    readonly counters: Counters,
  ) {
    this.baseSettings = queueSettings(args);
    this.settings = this.baseSettings;
    this.store = new ReadyStore(this.settings.maxPriority, vhost.memory);
    this.touch();
  }

  get exclusive(): boolean {
    return this.owner !== null;
  }

  get messageCount(): number {
    return this.store.length;
  }

  get consumerCount(): number {
    return this.consumers.length;
  }

  private get now(): number {
    return this.kernel.clock.now;
  }

  /** Marks the queue as used (resets x-expires). */
  touch(): void {
    if (this.settings.expires <= 0 || this.deleted) return;
    this.lastUsed = this.now;
    if (!this.expiresTimer) this.expiresTimer = this.kernel.clock.schedule(this.settings.expires, this, EXPIRES_TIMER);
  }

  /** A message routed here. Returns false when refused by a reject-publish overflow (publisher nack). */
  publish(msg: Message): boolean {
    const s = this.settings;
    const b = this.kernel;
    if (s.overflow !== 'drop-head' && this.willOverflow(msg)) {
      this.dropMessage(msg, 'reject-publish');
      if (s.overflow === 'reject-publish-dlx') this.vhost.deadLetter(this, msg, 'maxlen');
      return false;
    }
    let ttl = msg.ttl;
    if (s.messageTtl >= 0 && (ttl < 0 || s.messageTtl < ttl)) ttl = s.messageTtl;
    const e = new QEntry(this, msg, this.nextSeq++, ttl >= 0 ? this.now + ttl : Infinity, msg.persistent && this.durable);
    this.counters.enqueued++;
    if (b.trace.enabled) b.trace.enqueued(msg.id, this.vhost.name, this.name, this.store.length);
    // like attempt_delivery: a consumer with credit takes the new message at once (normally the
    // queue is then empty; after a single-active-consumer hand-over it may not be, and 3.10 still does)
    // Older ready messages go first: a message that arrives while others wait (e.g. dead-lettered
    // back into its own queue by a nack that has just freed credit) queues behind them.
    const older = this.store.length > 0 && !s.singleActive;
    const c = older ? null : this.pickConsumer();
    if (c) {
      this.deliver(c, e);
      return true;
    }
    if (ttl >= 0) this.mayExpire = true;
    this.store.push(e);
    // as deliver_or_enqueue: expired heads are looked for only when the new message may be the head
    // (it is alone) or the length limit dropped a head
    const dropped = this.maybeDropHead();
    if (dropped ? this.store.length !== 1 || ttl >= 0 : this.store.length === 1) this.dropExpired();
    // (after the length limit and expiry have had their say, as when no consumer could take it)
    if (older && this.consumers.length > 0) this.dispatch();
    return true;
  }

  private willOverflow(msg: Message): boolean {
    const s = this.settings;
    return (s.maxLength >= 0 && this.store.length + 1 > s.maxLength) || (s.maxLengthBytes >= 0 && this.store.bytes + msg.size > s.maxLengthBytes);
  }

  /** Drops heads while over a length limit (drop-head); whether any went. */
  private maybeDropHead(): boolean {
    const s = this.settings;
    if (s.overflow !== 'drop-head' || (s.maxLength < 0 && s.maxLengthBytes < 0)) return false;
    for (let dropped = false; ; dropped = true) {
      const byLen = s.maxLength >= 0 && this.store.length > s.maxLength;
      const byBytes = s.maxLengthBytes >= 0 && this.store.bytes > s.maxLengthBytes;
      if (!byLen && !byBytes) return dropped;
      const e = this.store.shift()!;
      this.removeDead(e.msg, byLen ? 'maxlen' : 'maxlen-bytes', 'maxlen');
    }
  }

  /** Dead-letters `msg` (reason as x-death names it) or drops it when there is no DLX. */
  private removeDead(msg: Message, drop: DropReason, reason: DeadLetterReason): void {
    if (this.settings.dlx !== null) this.vhost.deadLetter(this, msg, reason);
    else this.dropMessage(msg, drop);
  }

  dropMessage(msg: Message, reason: DropReason): void {
    this.counters.dropped++;
    const b = this.kernel;
    b.metrics.total.dropped++;
    if (b.trace.enabled) b.trace.emit({ type: 'dropped', id: msg.id, vhost: this.vhost.name, queue: this.name, reason });
  }

  /**
   * Expires ready heads whose time has come (per-message TTL only takes effect at the head), then sets the
   * TTL timer for the new head: RabbitMQ's drop_expired_msgs, which runs only at certain moments (a publish
   * that may be the head, after a delivery or get, after a requeue, when the timer fires).
   */
  private dropExpired(): void {
    if (!this.mayExpire) return;
    const now = this.now;
    for (let e = this.store.takeExpired(now); e; e = this.store.takeExpired(now)) this.expire(e);
    if (this.store.length === 0) this.mayExpire = false;
    else this.armExpiry();
  }

  private expire(e: QEntry): void {
    this.counters.expired++;
    const b = this.kernel;
    b.metrics.total.expired++;
    if (b.trace.enabled) b.trace.emit({ type: 'expired', id: e.msg.id, vhost: this.vhost.name, queue: this.name });
    this.removeDead(e.msg, 'expired', 'expired');
  }

  private armExpiry(): void {
    const next = this.store.nextExpiry();
    if (next === Infinity) return;
    if (this.expiryTimer && this.expiryTimer.t <= next) return;
    const clock = this.kernel.clock;
    clock.cancel(this.expiryTimer);
    this.expiryTimer = clock.scheduleAt(next, this, EXPIRY_TIMER);
  }

  onTimer(kind: number): void {
    if (this.deleted) return;
    if (kind === EXPIRY_TIMER) {
      this.expiryTimer = null;
      this.dropExpired();
      this.dispatch();
    } else if (kind === EXPIRES_TIMER) {
      this.expiresTimer = null;
      const idleFor = this.now - this.lastUsed;
      if (this.consumers.length === 0 && idleFor >= this.settings.expires) this.vhost.removeQueue(this, 'expires');
      else this.expiresTimer = this.kernel.clock.schedule(this.settings.expires - (this.consumers.length ? 0 : idleFor), this, EXPIRES_TIMER);
    }
  }

  /** Delivers ready messages to consumers with credit. Safe to call any time state changed. */
  dispatch(): void {
    if (this.dispatching || this.deleted || this.avail !== LIVE) return;
    this.dispatching = true;
    try {
      while (this.store.length > 0) {
        const c = this.pickConsumer();
        if (!c) break;
        this.deliver(c, this.store.shift()!);
        this.dropExpired();
      }
    } finally {
      this.dispatching = false;
    }
  }

  private pickConsumer(): Consumer | null {
    return this.line.pick(this.settings.singleActive);
  }

  /** A consumer this queue found at its prefetch limit can take messages again: it goes to the back of the line. */
  unblocked(c: Consumer): void {
    this.line.unblocked(c, this.settings.singleActive);
  }

  private deliver(c: Consumer, e: QEntry): void {
    this.counters.delivered++;
    if (e.redelivered) this.counters.redelivered++;
    if (!c.noAck) this.unacked++;
    c.channel.deliver(this, e, c);
  }

  /** basic.get: the head message (or null); expired heads are dropped after it (afterGet), as fetch does. */
  get(ackRequired: boolean): QEntry | null {
    this.touch();
    const e = this.store.shift();
    if (!e) return null;
    this.counters.delivered++;
    if (e.redelivered) this.counters.redelivered++;
    if (ackRequired) this.unacked++;
    return e;
  }

  /** After basic.get's delivery is traced: expire what is now at the head (so the trace keeps causal order). */
  afterGet(): void {
    this.dropExpired();
  }

  /** An unacked delivery was acked (or is otherwise gone). */
  settle(): void {
    if (this.unacked > 0) this.unacked--;
  }

  /** Returns unacked deliveries to their original positions, marked redelivered. */
  requeue(entries: QEntry[]): void {
    for (const e of entries) {
      this.settle();
      if (this.deleted) {
        this.dropMessage(e.msg, 'queue-deleted');
        continue;
      }
      e.redelivered = true;
      e.channel = null;
      e.consumer = null;
      if (this.settings.type === 'quorum') {
        e.deliveryCount++;
        if (this.settings.deliveryLimit >= 0 && e.deliveryCount > this.settings.deliveryLimit) {
          this.removeDead(e.msg, 'delivery-limit', 'delivery_limit');
          continue;
        }
      }
      this.counters.requeued++;
      if (e.expiry !== Infinity) this.mayExpire = true;
      this.store.insertBySeq(e);
    }
    if (this.deleted) return;
    this.maybeDropHead();
    this.dropExpired();
    this.dispatch();
  }

  /** A rejected/nacked delivery without requeue: dead-letter ('rejected') or drop. */
  discard(e: QEntry): void {
    this.settle();
    if (this.deleted) return;
    this.removeDead(e.msg, 'rejected', 'rejected');
  }

  addConsumer(c: Consumer): void {
    this.line.add(c);
    this.hadConsumers = true;
    this.touch();
    this.dispatch();
  }

  /** Removes a consumer; an auto-delete queue goes when its last consumer does. */
  removeConsumer(c: Consumer): void {
    if (!this.line.remove(c)) return;
    c.active = false;
    this.touch();
    if (this.autoDelete && this.hadConsumers && this.consumers.length === 0 && !this.vhost.shuttingDown) {
      this.vhost.removeQueue(this, 'auto-delete');
      return;
    }
    // 3.10 activates the next single active consumer without running the queue: ready messages
    // wait for the next event (a publish, an ack, a requeue)
    if (!this.settings.singleActive) this.dispatch();
  }

  /** Removes every ready message; returns how many. */
  purge(): number {
    const all = this.store.clear();
    for (const e of all) this.dropMessage(e.msg, 'purged');
    this.mayExpire = false;
    return all.length;
  }

  /** Called by the vhost when the queue is deleted: drops ready messages, stops timers. */
  destroy(): number {
    this.setAvail(LIVE);
    this.pending = [];
    const n = this.store.length;
    for (const e of this.store.clear()) this.dropMessage(e.msg, 'queue-deleted');
    this.deleted = true;
    const clock = this.kernel.clock;
    clock.cancel(this.expiryTimer);
    clock.cancel(this.expiresTimer);
    return n;
  }

  // ---------------------------------------------------------------- broker-level changes

  /** New effective settings (a policy was set or cleared): a lower max-length cuts the queue at once, from the head. */
  reconfigure(settings: QueueSettings, policy: string | null): void {
    const old = this.settings;
    this.settings = settings;
    this.policy = policy;
    if (this.deleted) return;
    if (settings.expires !== old.expires) {
      this.kernel.clock.cancel(this.expiresTimer);
      this.expiresTimer = null;
      this.touch();
    }
    this.maybeDropHead();
    this.dispatch();
  }

  /** Changes availability, keeping the broker's count of gated queues; back to LIVE runs what waited. */
  setAvail(v: number): void {
    if (v === this.avail) return;
    const b = this.kernel;
    if (this.avail === LIVE) this.vhost.gateChanged(1);
    else if (v === LIVE) this.vhost.gateChanged(-1);
    this.avail = v;
    if (v !== LIVE) return;
    const waiting = this.pending;
    this.pending = [];
    for (const fn of waiting) fn();
    b.userCode++;
    this.dispatch();
  }

  /** Runs `fn` once the queue is live again (an operation on a hung queue). */
  whenLive(fn: () => void): void {
    this.pending.push(fn);
  }

  /** After a restart or a node's return: only persistent messages remain (a quorum queue keeps all). */
  recoverMessages(): void {
    if (this.settings.type === 'quorum') return;
    this.store.retain((e) => e.persistent, (e) => this.dropMessage(e.msg, 'node-down'));
    this.hadConsumers = false;
  }

  /** An unsynchronised mirror was promoted: the ready messages older than its joining were never on it. */
  keepFrom(seq: number): void {
    this.store.retain((e) => e.seq >= seq, (e) => this.dropMessage(e.msg, 'node-down'));
  }

  /** Sequence number the next message will get. */
  get nextSequence(): number {
    return this.nextSeq;
  }
}
