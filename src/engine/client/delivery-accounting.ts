/** The counters and trace events of deliveries (consumer or basic.get) and of their settlements. */
import type { ChannelRpc } from './channel-rpc';
import type { EntryQueue, QEntry } from '../queues/consumer';

/** Settlement kinds of basic.ack / basic.nack / basic.reject. */
export const ACK = 0;
export const NACK = 1;
export const REJECT = 2;

/** Counters and the `delivered` trace event of one delivery (consumer or basic.get). */
export function noteDelivery(ch: ChannelRpc, q: EntryQueue, e: QEntry, consumerTag: string | null, tag: number, noAck: boolean): void {
  ch.counters.delivered++;
  const b = q.kernel;
  b.metrics.total.delivered++;
  if (consumerTag === null) b.metrics.total.got++;
  if (e.redelivered) {
    ch.counters.redelivered++;
    b.metrics.total.redelivered++;
  }
  if (b.trace.enabled) {
    b.trace.delivered(e.msg.id, q.vhost.name, q.name, ch.id, consumerTag, tag, e.redelivered, noAck);
  }
}

/** Counters and the acked / nacked / rejected trace event of one settlement. */
export function noteSettle(ch: ChannelRpc, kind: number, e: QEntry, requeue: boolean): void {
  const q = e.queue;
  const b = q.kernel;
  const c = e.consumer;
  if (kind === ACK) {
    ch.counters.acked++;
    q.counters.acked++;
    b.metrics.total.acked++;
    if (c) c.counters.acked++;
  } else if (kind === NACK) {
    ch.counters.nacked++;
    q.counters.nacked++;
    b.metrics.total.nacked++;
    if (c) c.counters.nacked++;
  } else {
    ch.counters.rejected++;
    q.counters.rejected++;
    b.metrics.total.rejected++;
    if (c) c.counters.rejected++;
  }
  if (!b.trace.enabled) return;
  // plain literals, not a spread of a shared base: this runs once per ack with tracing on
  if (kind === ACK) b.trace.acked(e.msg.id, q.vhost.name, q.name, ch.id, e.tag);
  else b.trace.emit({ type: kind === NACK ? 'nacked' : 'rejected', id: e.msg.id, vhost: q.vhost.name, queue: q.name, channel: ch.id, deliveryTag: e.tag, requeue });
}
