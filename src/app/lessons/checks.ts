/**
 * What the simulation says about a lesson's checks: which queues a routing key reached (read from
 * the trace), and whether a node's counter has reached its target. Pure, so it is unit-tested.
 */
import type { TraceEvent } from '../../engine';
import type { Lesson } from '../../scenario/schema';
import type { NodeMap } from '../../worker/protocol';

export type Check = NonNullable<Lesson['steps'][number]['check']>;
export type SelectQueuesCheck = Extract<Check, { kind: 'select-queues' }>;
export type { CounterCheck } from '../../worker/lesson-counters';

export { counterField, counterValue } from '../../worker/lesson-counters';

/** What the simulation did with the first message published with the check's routing key. */
export interface Routing {
  messageId: number;
  /** Canvas node ids of the queues the message reached (alternate exchanges included). */
  queues: string[];
  /** Queue names reached that are not on the canvas (e.g. server-named). */
  unknown: string[];
  t: number;
}

/**
 * Find, in the trace, the first publish with the check's routing key (from its producer, when it
 * names one) whose routing is already known, and the queues it reached. Null when there is none yet.
 */
export function routingFromLog(log: readonly TraceEvent[], map: NodeMap, check: SelectQueuesCheck): Routing | null {
  const wanted = new Set<number>();
  for (const e of log) {
    if (e.type === 'published') {
      if (e.routingKey !== check.routingKey || e.parentId !== undefined) continue;
      if (check.producer && map.channels[e.channel] !== check.producer) continue;
      wanted.add(e.id);
    } else if ((e.type === 'routed' || e.type === 'unroutable') && wanted.has(e.id)) {
      const names = e.type === 'routed' ? e.queues : [];
      const queues: string[] = [];
      const unknown: string[] = [];
      for (const name of names) {
        const id = map.queues[`${e.vhost}/${name}`];
        if (id) queues.push(id);
        else unknown.push(name);
      }
      return { messageId: e.id, queues, unknown, t: e.t };
    }
  }
  return null;
}

/** Whether two lists hold the same ids, in any order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
