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
  /** Show the set-up at the start of a run (connections, channels, declarations); hidden until asked. */
  setup: boolean;
}

export const NO_FILTER: LogFilter = { groups: new Set(), node: null, messageId: null, setup: false };

/** What the clients do to get going: connect, open channels, declare, bind, start consuming, close the declaring channel. */
const SETUP_TYPES: ReadonlySet<string> = new Set([
  'connection-opened',
  'connection-closed',
  'channel-opened',
  'channel-closed',
  'exchange-declared',
  'queue-declared',
  'binding-created',
  'consumer-added',
]);

/**
 * A set-up event: one of those kinds at the very start of the run (0 ms). The same kinds later
 * (a reconnect after a restart, a consumer cancelled and back) are part of the story and stay.
 */
export const isSetup = (e: TraceEvent): boolean => e.t === 0 && SETUP_TYPES.has(e.type);

/** How many set-up events the log starts with (they all sit in its 0 ms prefix). */
export function countSetup(log: readonly TraceEvent[]): number {
  let n = 0;
  for (let i = 0; i < log.length && log[i].t === 0; i++) if (isSetup(log[i])) n++;
  return n;
}

/** `12`, `#12` or ` # 12 ` → 12; anything else → null (no filter). */
export function parseMessageId(text: string): number | null {
  const m = /^\s*#?\s*(\d+)\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Whether the user narrowed the log (hiding the set-up is the default, not a narrowing). */
export function isFiltering(f: LogFilter): boolean {
  return f.groups.size > 0 || f.node !== null || f.messageId !== null;
}

export function matchesFilter(e: TraceEvent, f: LogFilter, map: NodeMap): boolean {
  if (!f.setup && isSetup(e)) return false;
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
  if (!isFiltering(f)) {
    if (f.setup) return log;
    // Only the 0 ms prefix can hold set-up events; the rest is kept as it is.
    let end = 0;
    while (end < log.length && log[end].t === 0) end++;
    if (!log.slice(0, end).some(isSetup)) return log;
    return [...log.slice(0, end).filter((e) => !isSetup(e)), ...log.slice(end)];
  }
  return log.filter((e) => matchesFilter(e, f, map));
}

/** The rows [start, end) to render for a scroll position over rows of a fixed height, plus overscan. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): [number, number] {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [start, Math.max(start, end)];
}
