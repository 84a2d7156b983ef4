import { ERRORS, fail } from '../amqp/errors';
import { HUNG, type Queue } from '../queues/queue';
import type { AssertExchangeOptions, AssertQueueOptions } from './channel-options';
import * as V from '../amqp/validate';
import { REPLY_TO } from '../server/reply-to';
import { ChannelRpc } from './channel-rpc';

/** A Channel's declarations, deletions and bindings of queues and exchanges (queue.*, exchange.*). */
export abstract class ChannelTopology extends ChannelRpc {
  /** queue.declare → `{queue, messageCount, consumerCount}`. */
  assertQueue(queue?: string, options?: AssertQueueOptions): Promise<{ queue: string; messageCount: number; consumerCount: number }> {
    return this.rpc('QueueDeclare', () => {
      const name = V.shortstr('queue', queue ?? '');
      if (name.startsWith(REPLY_TO)) return this.declareReplyTo(name);
      const o = V.optionsObject('assertQueue', options);
      const args = V.fieldTable('arguments', o.arguments);
      const promote: [string, string][] = [
        ['expires', 'x-expires'], ['messageTtl', 'x-message-ttl'], ['deadLetterExchange', 'x-dead-letter-exchange'],
        ['deadLetterRoutingKey', 'x-dead-letter-routing-key'], ['maxLength', 'x-max-length'], ['maxPriority', 'x-max-priority'],
        ['overflow', 'x-overflow'], ['queueMode', 'x-queue-mode'],
      ];
      for (const [opt, arg] of promote) if (o[opt] !== undefined) args[arg] = o[opt];
      const q = this.vhost.declareQueue(
        this.connection, name, V.flag('durable', o.durable, true), V.flag('exclusive', o.exclusive, false),
        V.flag('autoDelete', o.autoDelete, false), args, (n) => this.can('configure', 'queue', n),
      );
      return this.declareOk(q);
    });
  }

  /** Passive queue.declare: 404 when missing. */
  checkQueue(queue: string): Promise<{ queue: string; messageCount: number; consumerCount: number }> {
    return this.rpc('QueueDeclare', () => {
      if (typeof queue === 'string' && queue.startsWith(REPLY_TO)) return this.declareReplyTo(queue);
      const q = this.vhost.queueFor(this.connection, V.shortstr('queue', queue));
      q.touch(); // a passive declare counts as use for x-expires
      return this.declareOk(q);
    });
  }

  /**
   * declare-ok for a queue. A mirrored queue whose master stopped with no synchronised mirror to promote
   * answers no declare, passive or not, until its master is back (seen on a 3.10.8 cluster; rabbitmq-server
   * #1578: "trying to declare or passively declare the queue will result in a timeout error").
   */
  protected declareOk(q: Queue): { queue: string; messageCount: number; consumerCount: number } | Promise<{ queue: string; messageCount: number; consumerCount: number }> {
    const ok = () => ({ queue: q.name, messageCount: q.messageCount, consumerCount: q.consumerCount });
    if (q.avail === HUNG && q.ha) return new Promise((resolve) => q.whenLive(() => resolve(ok())));
    return ok();
  }

  /** A declare (passive or not) of the pseudo-queue or of a live reply name: it exists, with one consumer and no messages. */
  protected declareReplyTo(name: string): { queue: string; messageCount: number; consumerCount: number } {
    const found = name === REPLY_TO || this.broker.replyTo.lookup(name)?.target.hasReplyKey(name);
    if (!found) fail(ERRORS.noQueue(name, this.vhost.name));
    return { queue: name, messageCount: 0, consumerCount: 1 };
  }

  deleteQueue(queue: string, options?: { ifUnused?: boolean; ifEmpty?: boolean }): Promise<{ messageCount: number }> {
    return this.rpc('QueueDelete', () => {
      const o = V.optionsObject('deleteQueue', options);
      this.can('configure', 'queue', V.shortstr('queue', queue));
      const n = this.vhost.deleteQueue(this.connection, queue, !!o.ifUnused, !!o.ifEmpty);
      return { messageCount: n };
    });
  }

  purgeQueue(queue: string): Promise<{ messageCount: number }> {
    return this.rpc('QueuePurge', () => {
      this.can('read', 'queue', V.shortstr('queue', queue));
      const q = this.vhost.queueFor(this.connection, queue);
      const n = q.purge();
      this.kernel.trace.emit({ type: 'queue-purged', vhost: this.vhost.name, queue: q.name, count: n });
      return { messageCount: n };
    });
  }

  bindQueue(queue: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('QueueBind', () => {
      this.bindAccess('queue', V.shortstr('queue', queue), V.shortstr('exchange', source, true));
      this.vhost.bind(this.connection, 'queue', queue, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  unbindQueue(queue: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('QueueUnbind', () => {
      this.bindAccess('queue', V.shortstr('queue', queue), V.shortstr('exchange', source, true));
      this.vhost.unbind(this.connection, 'queue', queue, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  /**
   * exchange.declare → `{exchange}`. An unknown type is a connection error (503). No type is 'direct', as
   * amqplib's encoder fills it in (recorded: w-api-exchange-no-type).
   */
  assertExchange(exchange: string, type?: string, options?: AssertExchangeOptions): Promise<{ exchange: string }> {
    return this.rpc('ExchangeDeclare', () => {
      const name = V.shortstr('exchange', exchange, true);
      const t = type === undefined ? 'direct' : V.shortstr('type', type, true);
      const o = V.optionsObject('assertExchange', options);
      const args = V.fieldTable('arguments', o.arguments);
      if (o.alternateExchange !== undefined) args['alternate-exchange'] = o.alternateExchange;
      if (name !== '') this.can('configure', 'exchange', name);
      this.vhost.declareExchange(name, t, V.flag('durable', o.durable, true), V.flag('autoDelete', o.autoDelete, false), V.flag('internal', o.internal, false), args);
      return { exchange: name };
    });
  }

  checkExchange(exchange: string): Promise<Record<string, never>> {
    return this.rpc('ExchangeDeclare', () => {
      this.vhost.checkExchange(V.shortstr('exchange', exchange, true));
      return {};
    });
  }

  deleteExchange(exchange: string, options?: { ifUnused?: boolean }): Promise<Record<string, never>> {
    return this.rpc('ExchangeDelete', () => {
      const o = V.optionsObject('deleteExchange', options);
      if (exchange) this.can('configure', 'exchange', V.shortstr('exchange', exchange, true));
      this.vhost.deleteExchange(V.shortstr('exchange', exchange, true), !!o.ifUnused);
      return {};
    });
  }

  bindExchange(destination: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('ExchangeBind', () => {
      this.bindAccess('exchange', V.shortstr('destination', destination, true), V.shortstr('source', source, true));
      this.vhost.bind(this.connection, 'exchange', destination, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  unbindExchange(destination: string, source: string, pattern?: string, args?: Record<string, unknown>): Promise<Record<string, never>> {
    return this.rpc('ExchangeUnbind', () => {
      this.bindAccess('exchange', V.shortstr('destination', destination, true), V.shortstr('source', source, true));
      this.vhost.unbind(this.connection, 'exchange', destination, source, V.shortstr('routingKey', pattern), args);
      return {};
    });
  }

  /** queue.bind / exchange.bind need write on the destination and read on the source. */
  protected bindAccess(kind: 'queue' | 'exchange', dest: string, source: string): void {
    if (source === '' || (kind === 'exchange' && dest === '')) return; // 403 on the default exchange comes first
    this.can('write', kind, dest);
    this.can('read', 'exchange', source);
  }
}
