import { Message, type StoredProps } from '../amqp/message';
import type { Queue } from './queue';
import type { DeadLetterReason } from '../kernel/trace';

/** One x-death entry as amqplib decodes it (`time` is an AMQP timestamp). */
export interface XDeath {
  count: number;
  reason: DeadLetterReason;
  queue: string;
  time: { '!': 'timestamp'; value: number };
  exchange: string;
  'routing-keys': string[];
  'original-expiration'?: string;
}

/**
 * The dead-lettered copy of `msg` leaving queue `q` (RabbitMQ 3.10's `make_msg`): x-death updated
 * (an entry for the same queue and reason is counted up and moved to the front), x-first-death-*
 * on the first death, `expiration` moved into x-death, routed to the DLX with the
 * dead-letter routing key or, without one, with the original key plus CC and BCC.
 */
export function makeDeadLetter(
  msg: Message, reason: DeadLetterReason, q: Queue, dlx: string, dlrk: string | null,
  id: number, now: number, epochMs: number,
): Message {
  const old = msg.props.headers;
  const headers: Record<string, unknown> = old ? { ...old } : {};
  const cc = Array.isArray(headers.CC) ? (headers.CC as unknown[]).map(String) : [];
  const info: XDeath = {
    count: 1,
    reason,
    queue: q.name,
    time: { '!': 'timestamp', value: Math.floor((epochMs + now) / 1000) },
    exchange: msg.exchange,
    'routing-keys': [msg.routingKey, ...cc],
  };
  if (msg.props.expiration !== undefined) info['original-expiration'] = msg.props.expiration;
  const deaths = Array.isArray(headers['x-death']) ? (headers['x-death'] as XDeath[]) : null;
  if (!deaths) {
    headers['x-first-death-reason'] = reason;
    headers['x-first-death-queue'] = q.name;
    headers['x-first-death-exchange'] = msg.exchange;
    headers['x-death'] = [info];
  } else {
    const i = deaths.findIndex((d) => d && d.queue === q.name && d.reason === reason);
    if (i < 0) headers['x-death'] = [info, ...deaths];
    else headers['x-death'] = [{ ...deaths[i], count: (deaths[i].count ?? 0) + 1 }, ...deaths.filter((_, j) => j !== i)];
  }
  if (dlrk !== null) delete headers.CC;
  const props: StoredProps = { ...msg.props, headers };
  delete props.expiration;
  return new Message(id, msg.id, dlx, dlrk ?? msg.routingKey, dlrk !== null ? null : msg.extraKeys, msg.content, props, now);
}

/**
 * RabbitMQ's `is_cycle`: re-entering `queue` is a cycle to cut when every death since the message
 * last left that queue (and that one) was automatic, i.e. none was a rejection.
 */
export function isDeadLetterCycle(queue: string, deaths: unknown): boolean {
  if (!Array.isArray(deaths)) return false;
  const i = deaths.findIndex((d) => d && typeof d === 'object' && (d as XDeath).queue === queue);
  if (i < 0) return false;
  for (let j = 0; j <= i; j++) {
    const d = deaths[j];
    if (!d || typeof d !== 'object' || (d as XDeath).reason === 'rejected') return false;
  }
  return true;
}
