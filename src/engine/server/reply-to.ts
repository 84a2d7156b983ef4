/**
 * Direct Reply-to (RabbitMQ's `amq.rabbitmq.reply-to` pseudo-queue): a channel consumes from it with
 * noAck; a publish on that channel with `replyTo: 'amq.rabbitmq.reply-to'` gets a reply-to name made
 * for the channel (`amq.rabbitmq.reply-to.<channel>.<key>`); a publish to the default exchange with that
 * name as routing key is handed straight to the channel's reply consumer, without any queue. As in
 * RabbitMQ 3.10.8 (rabbit_exchange:route), such a key does not count as routed: a mandatory reply is
 * also returned (312 NO_ROUTE), and a reply to a channel that is gone is dropped.
 */
import type { Message } from '../amqp/message';
import type { Prng } from '../kernel/prng';

export const REPLY_TO = 'amq.rabbitmq.reply-to';
const PREFIX = `${REPLY_TO}.`;

/** Whether a routing key names a reply-to (the default exchange hands it to a channel, not a queue). */
export function isReplyName(key: string): boolean {
  return key.startsWith(PREFIX);
}

/** What a channel that consumes from the pseudo-queue needs to receive replies. */
export interface ReplyTarget {
  /** Hands a reply to the channel's reply consumer (the key is checked, as RabbitMQ checks it); false if dropped. */
  deliverReply(key: string, reply: Message): boolean;
  /** Whether a reply name is the channel's current one (a declare of it succeeds). */
  hasReplyKey(name: string): boolean;
}

/** One channel's reply consumer: its tag and the name replies are addressed to. */
export interface ReplyConsumer {
  tag: string;
  name: string;
  key: string;
}

/** The broker's table of reply names → channels (RabbitMQ encodes the channel pid in the name instead). */
export class DirectReplyTo {
  private readonly byChannel = new Map<string, ReplyTarget>();

  /** A new reply consumer for a channel: a name with the channel's id and a random key, as RabbitMQ makes it. */
  open(target: ReplyTarget, channelId: number, tag: string, prng: Prng): ReplyConsumer {
    const pid = `ch${channelId}`;
    const key = prng.base64url(22);
    this.byChannel.set(pid, target);
    return { tag, key, name: `${PREFIX}${pid}.${key}` };
  }

  /** The channel closed or cancelled its reply consumer. */
  close(channelId: number): void {
    this.byChannel.delete(`ch${channelId}`);
  }

  /** The channel a reply name points at (its consumer may have moved on to another key), or null. */
  lookup(name: string): { target: ReplyTarget; key: string } | null {
    if (!isReplyName(name)) return null;
    const rest = name.slice(PREFIX.length);
    const dot = rest.indexOf('.');
    if (dot < 0) return null;
    const target = this.byChannel.get(rest.slice(0, dot));
    return target ? { target, key: rest.slice(dot + 1) } : null;
  }
}
