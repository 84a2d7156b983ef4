/**
 * The counters a lesson's counter check can name (RabbitMQ's words, kebab-case) and the frame's
 * counter fields they read: one table for the lesson panel (app/lessons) and the scrubber's lesson
 * marks (worker/travel.ts).
 */
import type { Lesson } from '../scenario/schema';
import type { NodeCounters } from './protocol';

export type CounterCheck = Extract<NonNullable<Lesson['steps'][number]['check']>, { kind: 'counter' }>;

const COUNTER_FIELDS: Record<string, keyof NodeCounters> = {
  published: 'published',
  confirmed: 'confirmed',
  nacked: 'nacked',
  returned: 'returned',
  ready: 'ready',
  unacked: 'unacked',
  enqueued: 'enqueued',
  dropped: 'dropped',
  expired: 'expired',
  'dead-lettered': 'deadLettered',
  deadLettered: 'deadLettered',
  delivered: 'delivered',
  acked: 'acked',
  rejected: 'rejected',
};

/** The counter field a check names, or undefined for a name the engine does not report. */
export function counterField(name: string): keyof NodeCounters | undefined {
  return Object.hasOwn(COUNTER_FIELDS, name) ? COUNTER_FIELDS[name] : undefined;
}

/** The counter's current value for a check (0 before the first frame). */
export function counterValue(check: CounterCheck, counters: Record<string, NodeCounters>): number {
  const field = counterField(check.counter);
  const v = field ? counters[check.node]?.[field] : undefined;
  return typeof v === 'number' ? v : 0;
}
