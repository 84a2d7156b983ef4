import type { ViewedBroker } from './ports';
import { DOWN, LIVE } from '../queues/queue';
import type { BindingRef } from '../kernel/trace';

export interface ExchangeInfo {
  vhost: string;
  name: string;
  type: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: Record<string, unknown>;
}

export interface ConsumerInfo {
  consumerTag: string;
  channel: number;
  noAck: boolean;
  exclusive: boolean;
  priority: number;
  prefetch: number;
  unacked: number;
}

export interface QueueInfo {
  vhost: string;
  name: string;
  type: string;
  node: string;
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  arguments: Record<string, unknown>;
  ready: number;
  readyBytes: number;
  unacked: number;
  consumers: ConsumerInfo[];
  /** The policy that applies, if any. */
  policy: string | null;
  /** 'down': home node stopped; 'hung': a quorum queue without a leader (or a mirrored queue waiting for its master). */
  state: 'live' | 'down' | 'hung';
  /** Classic mirrored queues: mirror nodes; quorum queues: member nodes. */
  mirrors?: string[];
  members?: string[];
}

export interface ChannelInfo {
  id: number;
  connection: number;
  number: number;
  confirm: boolean;
  unacked: number;
  consumers: string[];
}

export interface ConnectionInfo {
  id: number;
  user: string;
  vhost: string;
  node: string;
  channels: number[];
  /** Blocked by a resource alarm (its publishes are held). */
  blocked: boolean;
}

/** A plain-data picture of the broker at one instant (for the UI; computed on demand). */
export interface BrokerSnapshot {
  time: number;
  vhosts: string[];
  exchanges: ExchangeInfo[];
  queues: QueueInfo[];
  bindings: (BindingRef & { vhost: string })[];
  connections: ConnectionInfo[];
  channels: ChannelInfo[];
}

export function snapshot(b: ViewedBroker): BrokerSnapshot {
  const out: BrokerSnapshot = { time: b.clock.now, vhosts: [...b.vhosts.keys()], exchanges: [], queues: [], bindings: [], connections: [], channels: [] };
  for (const vh of b.vhosts.values()) {
    for (const x of vh.exchanges.values()) {
      out.exchanges.push({ vhost: vh.name, name: x.name, type: x.type, durable: x.durable, autoDelete: x.autoDelete, internal: x.internal, arguments: { ...x.args } });
      for (const bd of x.bindings.values()) out.bindings.push({ vhost: vh.name, ...bd.ref() });
    }
    for (const q of vh.queues.values()) {
      out.queues.push({
        vhost: vh.name, name: q.name, type: q.settings.type, node: q.node, durable: q.durable, exclusive: q.exclusive,
        autoDelete: q.autoDelete, arguments: { ...q.args }, ready: q.messageCount, readyBytes: q.store.bytes, unacked: q.unacked,
        consumers: q.consumers.map((c) => ({
          consumerTag: c.tag, channel: c.channel.id, noAck: c.noAck, exclusive: c.exclusive, priority: c.priority, prefetch: c.prefetch, unacked: c.unacked,
        })),
        policy: q.policy,
        state: q.avail === LIVE ? 'live' : q.avail === DOWN ? 'down' : 'hung',
        ...(q.ha ? { mirrors: [...q.ha.mirrors] } : {}),
        ...(q.quorum ? { members: [...q.quorum.members] } : {}),
      });
    }
  }
  for (const c of b.connections) {
    out.connections.push({ id: c.id, user: c.user, vhost: c.vhost.name, node: c.node, channels: [...c.channels.values()].map((ch) => ch.id), blocked: b.alarms.isBlocked(c) });
    for (const ch of c.channels.values()) {
      out.channels.push({ id: ch.id, connection: c.id, number: ch.number, confirm: ch.confirm, unacked: ch.unacked.size, consumers: [...ch.consumers.keys()] });
    }
  }
  return out;
}
