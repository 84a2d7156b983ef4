import { deliveryOrder } from '../routing/order';
import { Binding, bindingArgs } from '../routing/binding';
import type { Kernel } from '../kernel/kernel';
import type { ServerConnection, VHostHost } from './ports';
import { isDeadLetterCycle, makeDeadLetter } from '../queues/dead-letter';
import { ERRORS, fail } from '../amqp/errors';
import { Exchange, isExchangeType, type ExchangeType } from '../routing/exchange';
import type { Message } from '../amqp/message';
import { Queue } from '../queues/queue';
import { assertArgsEquivalent, assertFieldEquivalent, QUEUE_ARGS, validateQueueArgs } from '../queues/arguments';
import { applyMirrors } from '../queues/mirrors';
import { alternateOf, bestPolicy, withPolicy, type Policy } from '../queues/policies';
import { QuorumState } from '../queues/quorum';
import { DOWN } from '../queues/queue';
import { Router } from '../routing/router';
import type { DeadLetterReason, QueueDeleteReason } from '../kernel/trace';
import type { MemoryMeterPort, QueueHost } from '../queues/ports';

const PREDECLARED: [string, ExchangeType, boolean][] = [
  ['amq.direct', 'direct', false],
  ['amq.fanout', 'fanout', false],
  ['amq.topic', 'topic', false],
  ['amq.headers', 'headers', false],
  ['amq.match', 'headers', false],
  ['amq.rabbitmq.trace', 'topic', true],
];

const QUEUE_ARG_KEYS = QUEUE_ARGS.map(([k]) => k);

/**
 * A virtual host: its exchanges (the default one and `amq.*` predeclared), queues and bindings,
 * and the server side of every declare/delete/bind operation, with RabbitMQ's checks and texts.
 */
export class VHost implements QueueHost<Queue> {
  readonly exchanges = new Map<string, Exchange>();
  readonly queues = new Map<string, Queue>();
  readonly router: Router<Queue>;
  /** Policies of this vhost by name (see policies.ts). */
  readonly policies = new Map<string, Policy>();

  readonly kernel: Kernel;

  constructor(readonly host: VHostHost, readonly name: string) {
    this.kernel = host.kernel;
    this.router = new Router(this.exchanges, this.queues);
    this.addExchange('', 'direct', true, false, false, {});
    for (const [n, t, internal] of PREDECLARED) this.addExchange(n, t, true, false, internal, {});
  }

  // ------------------------------------------------------------------ the queues' port (queues/ports.ts)

  get shuttingDown(): boolean {
    return this.host.shuttingDown;
  }

  get memory(): MemoryMeterPort {
    return this.host.alarms.meter;
  }

  gateChanged(delta: 1 | -1): void {
    this.host.gatedQueues += delta;
  }

  private addExchange(name: string, type: ExchangeType, durable: boolean, autoDelete: boolean, internal: boolean, args: Record<string, unknown>): Exchange {
    const counters = this.kernel.metrics.counters(this.kernel.metrics.exchanges, `${this.name}/${name}`);
    const x = new Exchange(this.name, name, type, durable, autoDelete, internal, args, counters);
    this.exchanges.set(name, x);
    if (this.policies.size) x.alternate = alternateOf(args, bestPolicy(this.policies, 'exchanges', name));
    return x;
  }

  // ---- exchanges ----

  declareExchange(name: string, type: string, durable: boolean, autoDelete: boolean, internal: boolean, args: Record<string, unknown>): void {
    if (!isExchangeType(type)) fail(ERRORS.unknownExchangeType(type));
    if (name === '') fail(ERRORS.defaultExchange());
    const found = this.exchanges.get(name);
    if (found) {
      assertFieldEquivalent('exchange', name, this.name, 'type', found.type, type);
      assertFieldEquivalent('exchange', name, this.name, 'durable', found.durable, durable);
      assertFieldEquivalent('exchange', name, this.name, 'auto_delete', found.autoDelete, autoDelete);
      assertFieldEquivalent('exchange', name, this.name, 'internal', found.internal, internal);
      assertArgsEquivalent('exchange', name, this.name, found.args, args, ['alternate-exchange']);
      return;
    }
    if (name.startsWith('amq.')) fail(ERRORS.reservedName('exchange', name));
    this.addExchange(name, type, durable, autoDelete, internal, args);
    this.kernel.trace.emit({ type: 'exchange-declared', vhost: this.name, exchange: name, exchangeType: type, durable, autoDelete, internal });
  }

  exchangeOrDie(name: string): Exchange {
    const x = this.exchanges.get(name);
    if (!x) fail(ERRORS.noExchange(name, this.name));
    return x;
  }

  checkExchange(name: string): void {
    if (name === '') fail(ERRORS.defaultExchange());
    this.exchangeOrDie(name);
  }

  deleteExchange(name: string, ifUnused: boolean): void {
    if (name === '') fail(ERRORS.defaultExchange());
    if (name.startsWith('amq.')) fail(ERRORS.systemExchangeDelete(name, this.name));
    const x = this.exchanges.get(name);
    if (!x) return;
    if (ifUnused && x.bindings.size > 0) fail(ERRORS.inUse('exchange', name, this.name));
    this.removeExchange(x, 'delete');
  }

  private removeExchange(x: Exchange, reason: 'delete' | 'auto-delete'): void {
    if (this.exchanges.get(x.name) !== x) return;
    this.exchanges.delete(x.name);
    for (const b of [...x.bindings.values()]) this.dropBinding(b, false);
    for (const b of [...x.inbound]) this.dropBinding(b, true);
    this.kernel.trace.emit({ type: 'exchange-deleted', vhost: this.name, exchange: x.name, reason });
  }

  // ---- queues ----

  /** queue.declare (non-passive). Returns the queue (new or existing). `access` checks configure permission on the name. */
  declareQueue(
    conn: ServerConnection, name: string, durable: boolean, exclusive: boolean, autoDelete: boolean, args: Record<string, unknown>,
    access?: (queue: string) => void,
  ): Queue {
    let qname = name;
    if (qname === '') qname = `amq.gen-${this.kernel.prng.base64url(22)}`;
    else if (qname.startsWith('amq.')) fail(ERRORS.reservedName('queue', qname));
    access?.(qname);
    const isDurable = durable && !exclusive;
    const found = this.queues.get(qname);
    if (found) {
      if (found.avail === DOWN) fail(ERRORS.homeNodeDown(qname, this.name, found.node));
      if (found.owner !== (exclusive ? conn : null)) fail(ERRORS.locked(qname, this.name));
      assertFieldEquivalent('queue', qname, this.name, 'durable', found.durable, isDurable);
      assertFieldEquivalent('queue', qname, this.name, 'auto_delete', found.autoDelete, autoDelete);
      assertArgsEquivalent('queue', qname, this.name, found.args, args, QUEUE_ARG_KEYS);
      found.touch();
      return found;
    }
    validateQueueArgs(qname, this.name, args);
    if (args['x-queue-type'] === 'quorum') {
      if (autoDelete) fail(ERRORS.invalidProperty(qname, this.name, 'auto-delete'));
      if (exclusive) fail(ERRORS.invalidProperty(qname, this.name, 'exclusive-owner'));
      if (!isDurable) fail(ERRORS.invalidProperty(qname, this.name, 'non-durable'));
    }
    const counters = this.kernel.metrics.counters(this.kernel.metrics.queues, `${this.name}/${qname}`);
    const q = new Queue(this.kernel, this, qname, isDurable, exclusive ? conn : null, autoDelete, args, conn.node, counters);
    this.queues.set(qname, q);
    if (exclusive) conn.exclusiveQueues.add(q);
    if (q.settings.type === 'quorum') q.quorum = new QuorumState(q, this.host.cluster, conn.node);
    if (this.policies.size) this.applyQueuePolicy(q);
    this.kernel.trace.emit({ type: 'queue-declared', vhost: this.name, queue: qname, durable: isDurable, exclusive, autoDelete, arguments: { ...args } });
    return q;
  }

  /** A queue for an operation by `conn`: 404 when missing, 405 when another connection holds it exclusively. */
  queueFor(conn: ServerConnection, name: string): Queue {
    const q = this.queues.get(name);
    if (!q) fail(ERRORS.noQueue(name, this.name));
    if (q.avail === DOWN) fail(ERRORS.homeNodeDown(name, this.name, q.node));
    if (q.owner !== null && q.owner !== conn) fail(ERRORS.locked(name, this.name));
    return q;
  }

  deleteQueue(conn: ServerConnection, name: string, ifUnused: boolean, ifEmpty: boolean): number {
    const q = this.queues.get(name);
    if (!q) return 0;
    this.queueFor(conn, name);
    if (q.settings.type === 'quorum' && (ifUnused || ifEmpty)) fail(ERRORS.quorumConditionalDelete(name, this.name, ifUnused ? 'if-unused' : 'if-empty'));
    if (ifUnused && q.consumerCount > 0) fail(ERRORS.inUse('queue', name, this.name));
    if (ifEmpty && q.messageCount > 0) fail(ERRORS.notEmpty(name, this.name));
    return this.removeQueue(q, 'delete');
  }

  /** Deletes a queue (explicitly, auto-delete, x-expires or exclusive owner gone). Returns its ready count. */
  removeQueue(q: Queue, reason: QueueDeleteReason): number {
    if (this.queues.get(q.name) !== q) return 0;
    this.queues.delete(q.name);
    q.owner?.exclusiveQueues.delete(q);
    for (const c of [...q.consumers]) c.channel.serverCancel(c);
    q.quorum?.dispose();
    const n = q.destroy();
    for (const b of [...q.inbound]) this.dropBinding(b, true);
    this.kernel.trace.emit({ type: 'queue-deleted', vhost: this.name, queue: q.name, reason });
    return n;
  }

  // ---- policies and broker-level changes ----

  /** Re-applies the policies to every queue and exchange (a policy was set or cleared). */
  applyPolicies(): void {
    for (const q of [...this.queues.values()]) this.applyQueuePolicy(q);
    for (const x of this.exchanges.values()) x.alternate = alternateOf(x.args, bestPolicy(this.policies, 'exchanges', x.name));
  }

  private applyQueuePolicy(q: Queue): void {
    const p = bestPolicy(this.policies, 'queues', q.name);
    q.reconfigure(withPolicy(q.baseSettings, q.args, p), p ? p.name : null);
    applyMirrors(q, p, this.host.cluster);
  }

  /** A broker restart: transient exchanges and queues go; durable queues keep their persistent messages. */
  restart(): void {
    for (const x of [...this.exchanges.values()]) if (!x.durable) this.removeExchange(x, 'delete');
    for (const q of [...this.queues.values()]) {
      if (!q.durable || q.exclusive) this.removeQueue(q, 'restart');
      else q.recoverMessages();
    }
  }

  /** The vhost is deleted: every queue goes, its consumers cancelled (its connections are closed next). */
  destroy(): void {
    for (const q of [...this.queues.values()]) this.removeQueue(q, 'vhost-deleted');
  }

  // ---- bindings ----

  bind(conn: ServerConnection, destKind: 'queue' | 'exchange', dest: string, source: string, key: string, argt: unknown): void {
    const args = bindingArgs(argt);
    if (source === '' || (destKind === 'exchange' && dest === '')) fail(ERRORS.defaultExchange());
    const x = this.exchangeOrDie(source);
    const d = destKind === 'queue' ? this.queues.get(dest) : this.exchanges.get(dest);
    if (!d) fail(destKind === 'queue' ? ERRORS.noQueue(dest, this.name) : ERRORS.noExchange(dest, this.name));
    if (destKind === 'queue') this.queueFor(conn, dest);
    const b = new Binding(source, d, key, args, x.type === 'headers');
    if (x.addBinding(b)) this.kernel.trace.emit({ type: 'binding-created', vhost: this.name, binding: b.ref() });
  }

  unbind(conn: ServerConnection, destKind: 'queue' | 'exchange', dest: string, source: string, key: string, argt: unknown): void {
    const args = bindingArgs(argt);
    if (source === '' || (destKind === 'exchange' && dest === '')) fail(ERRORS.defaultExchange());
    const x = this.exchanges.get(source);
    const d = destKind === 'queue' ? this.queues.get(dest) : this.exchanges.get(dest);
    if (!x || !d) return;
    if (destKind === 'queue') this.queueFor(conn, dest);
    const probe = new Binding(source, d, key, args, false);
    const b = x.bindings.get(probe.signature);
    if (b) this.dropBinding(b, true);
  }

  /** Removes a binding; an auto-delete source exchange goes with its last binding. */
  private dropBinding(b: Binding, maybeAutoDelete: boolean): void {
    const x = this.exchanges.get(b.sourceName);
    if (!x) return;
    x.removeBinding(b);
    this.kernel.trace.emit({ type: 'binding-deleted', vhost: this.name, binding: b.ref() });
    if (maybeAutoDelete && x.autoDelete && x.bindings.size === 0) this.removeExchange(x, 'auto-delete');
  }

  // ---- dead-lettering ----

  /** Dead-letters a message leaving queue `q`: to its DLX, cutting automatic cycles; dropped when the DLX is missing. */
  /** Dead-letters held back while a publish reaches all its queues (see `holdDeadLetters`). */
  private heldDeadLetters: { q: Queue; msg: Message; reason: DeadLetterReason }[] | null = null;

  /** From now until `releaseDeadLetters`, dead-lettering waits in order instead of routing at once. */
  holdDeadLetters(): void {
    this.heldDeadLetters ??= [];
  }

  releaseDeadLetters(): void {
    const held = this.heldDeadLetters;
    this.heldDeadLetters = null;
    if (held) for (const d of held) this.deadLetter(d.q, d.msg, d.reason);
  }

  deadLetter(q: Queue, msg: Message, reason: DeadLetterReason): void {
    if (this.heldDeadLetters) {
      this.heldDeadLetters.push({ q, msg, reason });
      return;
    }
    const b = this.kernel;
    const host = this.host;
    const x = q.settings.dlx === null ? undefined : this.exchanges.get(q.settings.dlx);
    if (!x) {
      q.dropMessage(msg, 'no-dlx-target');
      return;
    }
    const dl = makeDeadLetter(msg, reason, q, x.name, q.settings.dlrk, b.nextMessageId(), b.clock.now, host.epochMs);
    q.counters.deadLettered++;
    b.metrics.total.deadLettered++;
    x.counters.published++;
    const r = this.router.route(x, dl, b.trace.enabled);
    deliveryOrder(r.queues, 'dead-letter');
    if (b.trace.enabled) {
      b.trace.emit({ type: 'dead-lettered', id: msg.id, vhost: this.name, queue: q.name, reason, newId: dl.id, exchange: x.name, routingKeys: dl.routingKeys() });
      host.observeMessage?.(dl);
      if (r.queues.length) b.trace.routed(dl.id, this.name, x.name, r.bindings!, r.queues);
      else b.trace.emit({ type: 'unroutable', id: dl.id, vhost: this.name, exchange: x.name });
    }
    if (r.queues.length === 0) {
      x.counters.unroutable++;
      return;
    }
    x.counters.routed++;
    const deaths = dl.props.headers!['x-death'];
    for (const target of r.queues) {
      if (reason !== 'rejected' && isDeadLetterCycle(target.name, deaths)) {
        target.dropMessage(dl, 'dlx-cycle');
        continue;
      }
      target.publish(dl);
    }
  }
}
