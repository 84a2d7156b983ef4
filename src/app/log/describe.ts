/**
 * One line per trace event in the reader's language, with the names a person gave things
 * (queues and exchanges in backticks, producers and consumers by their node names).
 */
import type { TraceEvent } from '../../engine';
import type { Translate } from '../text';
import { serverText } from './serverText';

type T = Translate;

export interface Names {
  /** The producer or consumer behind a channel, by its canvas name. */
  channel(channel: number): string | undefined;
}

/** `00:03.250`: minutes, seconds and milliseconds of virtual time (hours roll into minutes). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  const m = Math.floor(total / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const rest = total % 1000;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(rest).padStart(3, '0')}`;
}

export function describeEvent(e: TraceEvent, t: T, names: Names): string {
  const who = (channel: number) => names.channel(channel) ?? t('ev.channel', { channel });
  const x = (name: string) => (name === '' ? t('ev.defaultExchange') : `\`${name}\``);
  switch (e.type) {
    case 'published':
      return t('ev.published', { who: who(e.channel), exchange: x(e.exchange), key: e.routingKey });
    case 'routed':
      if (!e.queues.length) return t('ev.routedNone', { exchange: x(e.exchange) });
      return t(e.alternate ? 'ev.routedAlternate' : 'ev.routed', {
        exchange: x(e.exchange),
        queues: e.queues.map((q) => `\`${q}\``).join(t('match.and')),
        alternate: e.alternate,
      });
    case 'unroutable':
      return t('ev.unroutable', { exchange: x(e.exchange) });
    case 'returned':
      return t('ev.returned', { who: who(e.channel), code: e.replyCode, text: serverText(e.replyText, t) });
    case 'enqueued':
      return t('ev.enqueued', { queue: e.queue, ready: e.ready });
    case 'dropped': {
      const reason = t(`dropReason.${e.reason}`);
      return e.queue === null ? t('ev.droppedNoQueue', { reason }) : t('ev.dropped', { queue: e.queue, reason });
    }
    case 'delivered':
      return t(e.redelivered ? 'ev.redelivered' : 'ev.delivered', { queue: e.queue, who: who(e.channel) });
    case 'acked':
      return t('ev.acked', { who: who(e.channel) });
    case 'nacked':
      return t(e.requeue ? 'ev.nackedRequeue' : 'ev.nackedDiscard', { who: who(e.channel) });
    case 'rejected':
      return t(e.requeue ? 'ev.rejectedRequeue' : 'ev.rejectedDiscard', { who: who(e.channel) });
    case 'requeued':
      return t('ev.requeued', { queue: e.queue, cause: t(`requeueCause.${e.cause}`) });
    case 'expired':
      return t('ev.expired', { queue: e.queue });
    case 'dead-lettered':
      return t('ev.deadLettered', { queue: e.queue, reason: t(`dlReason.${e.reason}`), exchange: x(e.exchange), newId: e.newId });
    case 'confirmed':
      return t(e.ack ? 'ev.confirmedAck' : 'ev.confirmedNack', { who: who(e.channel) });
    case 'queue-declared':
      return t('ev.queueDeclared', { queue: e.queue });
    case 'queue-deleted':
      return t('ev.queueDeleted', { queue: e.queue, reason: e.reason });
    case 'queue-purged':
      return t('ev.queuePurged', { queue: e.queue, count: e.count });
    case 'exchange-declared':
      return t('ev.exchangeDeclared', { exchange: e.exchange, exchangeType: e.exchangeType });
    case 'exchange-deleted':
      return t('ev.exchangeDeleted', { exchange: e.exchange });
    case 'binding-created':
      return t('ev.bindingCreated', { destination: e.binding.destination, source: e.binding.source, key: e.binding.routingKey });
    case 'binding-deleted':
      return t('ev.bindingDeleted', { destination: e.binding.destination, source: e.binding.source });
    case 'consumer-added':
      return t('ev.consumerAdded', { who: who(e.channel), queue: e.queue });
    case 'consumer-cancelled':
      return t('ev.consumerCancelled', { who: who(e.channel), queue: e.queue, reason: e.reason });
    case 'channel-opened':
      return t('ev.channelOpened', { channel: e.channel, who: names.channel(e.channel) ?? t('ev.someone') });
    case 'channel-closed':
      return t('ev.channelClosed', { channel: e.channel, who: names.channel(e.channel) ?? t('ev.someone') });
    case 'channel-error':
      return t('ev.channelError', { channel: e.channel, who: names.channel(e.channel) ?? t('ev.someone'), code: e.code, text: serverText(e.text, t) });
    case 'connection-opened':
      return t('ev.connectionOpened', { connection: e.connection, user: e.user, vhost: e.vhost });
    case 'connection-closed':
      return t('ev.connectionClosed', { connection: e.connection });
    case 'connection-error':
      return t('ev.connectionError', { connection: e.connection, code: e.code, text: serverText(e.text, t) });
    case 'alarm-set':
      return t('ev.alarmSet', { resource: e.resource });
    case 'alarm-cleared':
      return t('ev.alarmCleared', { resource: e.resource });
    case 'connection-blocked':
      return t('ev.blocked', { connection: e.connection, reason: e.reason });
    case 'connection-unblocked':
      return t('ev.unblocked', { connection: e.connection });
    case 'broker-restarted':
      return t('ev.restarted');
    case 'policy-set':
      return t('ev.policySet', { name: e.name, pattern: e.pattern });
    case 'policy-cleared':
      return t('ev.policyCleared', { name: e.name });
    case 'node-down':
      return t('ev.nodeDown', { node: e.node });
    case 'node-up':
      return t('ev.nodeUp', { node: e.node });
    case 'leader-elected':
      return t('ev.leaderElected', { queue: e.queue, node: e.node });
    case 'queue-down':
      return t('ev.queueDown', { queue: e.queue, node: e.node });
    case 'queue-up':
      return t('ev.queueUp', { queue: e.queue, node: e.node });
    default:
      return (e as { type: string }).type;
  }
}
