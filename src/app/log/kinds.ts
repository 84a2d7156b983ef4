/** Trace event kinds as the log groups and colours them. */
import type { TraceEvent, TraceEventType } from '../../engine';

export const GROUPS = ['publish', 'route', 'queue', 'deliver', 'ack', 'negative', 'death', 'lifecycle'] as const;
export type KindGroup = (typeof GROUPS)[number];

const GROUP_OF: Partial<Record<TraceEventType, KindGroup>> = {
  published: 'publish',
  confirmed: 'publish',
  routed: 'route',
  unroutable: 'route',
  returned: 'route',
  enqueued: 'queue',
  requeued: 'queue',
  delivered: 'deliver',
  acked: 'ack',
  nacked: 'negative',
  rejected: 'negative',
  expired: 'death',
  'dead-lettered': 'death',
  dropped: 'death',
};

export const groupOf = (type: TraceEventType): KindGroup => GROUP_OF[type] ?? 'lifecycle';

/** Every trace event type, once: the compiler keeps the list whole, and each has a label in the log. */
export const EVENT_TYPES = Object.keys({
  published: true,
  confirmed: true,
  routed: true,
  unroutable: true,
  returned: true,
  enqueued: true,
  requeued: true,
  delivered: true,
  acked: true,
  nacked: true,
  rejected: true,
  expired: true,
  'dead-lettered': true,
  dropped: true,
  'alarm-set': true,
  'alarm-cleared': true,
  'binding-created': true,
  'binding-deleted': true,
  'broker-restarted': true,
  'channel-opened': true,
  'channel-closed': true,
  'channel-error': true,
  'connection-opened': true,
  'connection-closed': true,
  'connection-error': true,
  'connection-blocked': true,
  'connection-unblocked': true,
  'consumer-added': true,
  'consumer-cancelled': true,
  'exchange-declared': true,
  'exchange-deleted': true,
  'queue-declared': true,
  'queue-deleted': true,
  'queue-purged': true,
  'queue-down': true,
  'queue-up': true,
  'node-down': true,
  'node-up': true,
  'leader-elected': true,
  'policy-set': true,
  'policy-cleared': true,
} satisfies Record<TraceEventType, true>) as TraceEventType[];

/** Text colour classes per group (light and dark), chosen to read on white and on zinc-950. */
export const GROUP_TONE: Record<KindGroup, string> = {
  publish: 'text-sky-700 dark:text-sky-300',
  route: 'text-indigo-700 dark:text-indigo-300',
  queue: 'text-zinc-700 dark:text-zinc-300',
  deliver: 'text-violet-700 dark:text-violet-300',
  ack: 'text-emerald-700 dark:text-emerald-300',
  negative: 'text-amber-700 dark:text-amber-300',
  death: 'text-red-700 dark:text-red-300',
  lifecycle: 'text-zinc-500 dark:text-zinc-400',
};

/** A dot of the group's colour for chips. */
export const GROUP_DOT: Record<KindGroup, string> = {
  publish: 'bg-sky-500',
  route: 'bg-indigo-500',
  queue: 'bg-zinc-500',
  deliver: 'bg-violet-500',
  ack: 'bg-emerald-500',
  negative: 'bg-amber-500',
  death: 'bg-red-500',
  lifecycle: 'bg-zinc-300 dark:bg-zinc-600',
};

/** Returned and unroutable are warnings even though they belong to routing. */
export function toneOf(e: TraceEvent): string {
  if (e.type === 'returned' || e.type === 'unroutable') return 'text-orange-700 dark:text-orange-300';
  if (e.type === 'channel-error' || e.type === 'connection-error') return 'text-red-700 dark:text-red-300';
  return GROUP_TONE[groupOf(e.type)];
}

/** The message an event is about, if any (a dead-lettering names the copy it made too). */
export function messageIdOf(e: TraceEvent): number | null {
  if (e.type === 'confirmed') return e.id;
  return 'id' in e ? e.id : null;
}
