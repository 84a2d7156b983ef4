/** Which canvas nodes an event concerns, and filtering the log by kind group, node and message. */
import type { TraceEvent } from '../../engine';
import type { NodeMap } from '../../worker/protocol';
import { groupOf, type KindGroup } from './kinds';

const key = (vhost: string, name: string) => `${vhost}/${name}`;

/** Canvas node ids an event is about: its exchange, queue(s) and the channel's producer or consumer. */
export function eventNodes(e: TraceEvent, map: NodeMap): string[] {
  const out: string[] = [];
  const add = (id: string | undefined) => {
    if (id && !out.includes(id)) out.push(id);
  };
  const vhost = 'vhost' in e ? e.vhost : '/';
  if ('channel' in e && typeof e.channel === 'number') add(map.channels[e.channel]);
  if ('exchange' in e && typeof e.exchange === 'string') add(map.exchanges[key(vhost, e.exchange)]);
  if ('queue' in e && typeof e.queue === 'string') add(map.queues[key(vhost, e.queue)]);
  if (e.type === 'routed') for (const q of e.queues) add(map.queues[key(vhost, q)]);
  if (e.type === 'binding-created' || e.type === 'binding-deleted') {
    add(map.exchanges[key(vhost, e.binding.source)]);
    add((e.binding.destinationType === 'queue' ? map.queues : map.exchanges)[key(vhost, e.binding.destination)]);
  }
  return out;
}

export interface LogFilter {
  /** Kind groups to show; empty shows all. */
  groups: ReadonlySet<KindGroup>;
  /** A canvas node id, or null for all. */
  node: string | null;
  /** A message id, or null for all. */
  messageId: number | null;
}

export const NO_FILTER: LogFilter = { groups: new Set(), node: null, messageId: null };

/** `12`, `#12` or ` # 12 ` → 12; anything else → null (no filter). */
export function parseMessageId(text: string): number | null {
  const m = /^\s*#?\s*(\d+)\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

export function isFiltering(f: LogFilter): boolean {
  return f.groups.size > 0 || f.node !== null || f.messageId !== null;
}

export function matchesFilter(e: TraceEvent, f: LogFilter, map: NodeMap): boolean {
  if (f.groups.size && !f.groups.has(groupOf(e.type))) return false;
  if (f.messageId !== null) {
    const hit = ('id' in e && e.id === f.messageId) || (e.type === 'dead-lettered' && e.newId === f.messageId);
    if (!hit) return false;
  }
  if (f.node !== null && !eventNodes(e, map).includes(f.node)) return false;
  return true;
}

/** The events to show, in log order; the same array when nothing is filtered. */
export function filterLog(log: readonly TraceEvent[], f: LogFilter, map: NodeMap): readonly TraceEvent[] {
  if (!isFiltering(f)) return log;
  return log.filter((e) => matchesFilter(e, f, map));
}

/** The rows [start, end) to render for a scroll position over rows of a fixed height, plus overscan. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): [number, number] {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [start, Math.max(start, end)];
}
