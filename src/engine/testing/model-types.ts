/**
 * Test support: the vocabulary of the model run checker (model.ts): the properties it checks, the states
 * of a message copy, what it keeps per message, consumer and channel, and the report it gives.
 */

export type Property = 'accounting' | 'prefetch' | 'tags' | 'fifo' | 'confirms' | 'client';

export type CopyState =
  // settled (final) states
  | 'acked' | 'dropped' | 'expired' | 'dead-lettered' | 'returned' | 'unroutable'
  // live states a copy may end a run in
  | 'ready' | 'unacked'
  // transitional: something must follow within the same instant (or hop)
  | 'routing' | 'transit' | 'settling-requeue' | 'settling-discard' | 'expiring' | 'rejected-publish'
  // dropped from the head by max-length, its dead-lettering not traced yet (see 'enqueued')
  | 'held-dead-letter';

export const FINAL_STATES: readonly CopyState[] = ['acked', 'dropped', 'expired', 'dead-lettered', 'returned', 'unroutable', 'ready', 'unacked'];

export interface Copy {
  id: number;
  queue: string | null;
  state: CopyState;
  /** Enqueue order within the queue (kept across requeues: a requeued copy returns to its place). */
  seq: number;
  bucket: number;
  requeued: boolean;
  holder: { channel: number; tag: number; consumer: string | null } | null;
}

export interface MsgInfo {
  priority: number;
  size: number;
  mandatory: boolean;
  /** Published on a confirm channel: (channel, publishSeq). */
  confirm: { channel: number; seq: number } | null;
  rejectedPublish: boolean;
}

export interface ConsumerModel {
  channel: number;
  queue: string;
  prefetch: number;
  noAck: boolean;
  unacked: number;
  active: boolean;
}

export interface ChannelModel {
  lastTag: number;
  prefetch: number;
  global: number;
  /** Unacked deliveries to consumers (basic.get does not count against prefetch). */
  consumerUnacked: number;
  open: boolean;
  pendingPriorities: number[];
  confirmed: Map<number, boolean>;
  published: Map<number, number>;
}

export interface Violation {
  property: Property;
  text: string;
}

export interface ModelReport {
  violations: Violation[];
  /** Copies by final state (for reporting and to see that runs exercise every state). */
  states: Record<string, number>;
  events: number;
}

/** The key of a copy: one message in one queue (null: the message reached no queue). */
export const key = (id: number, queue: string | null) => `${id}|${queue ?? ''}`;

/** Violations of one property, as text (empty when it holds). */
export function violationsOf(report: ModelReport, property: Property): string[] {
  return report.violations.filter((x) => x.property === property).map((x) => x.text);
}
