import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine';
import type { NodeMap } from '../../worker/protocol';
import { simulationT } from '../testing/i18n';
import { describeEvent, formatClock } from './describe';
import { countSetup, eventNodes, filterLog, isSetup, NO_FILTER, parseMessageId, visibleRange } from './filter';
import { EVENT_TYPES, groupOf } from './kinds';

const map: NodeMap = { exchanges: { '//logs': 'x1', '//': 'xd' }, queues: { '//q1': 'n-q1', '//q2': 'n-q2' }, channels: { 3: 'n-p', 4: 'n-c' } };
const names = { channel: (ch: number) => ({ 3: 'P1', 4: 'C1' })[ch] };

const ev = (e: Partial<TraceEvent> & { type: TraceEvent['type'] }, t = 0, seq = 0): TraceEvent => ({ t, seq, vhost: '/', ...e }) as TraceEvent;

const LOG: TraceEvent[] = [
  ev({ type: 'published', id: 1, exchange: 'logs', routingKey: 'a.b', channel: 3, size: 5, mandatory: false }, 0, 0),
  ev({ type: 'routed', id: 1, exchange: 'logs', bindings: [], queues: ['q1', 'q2'] }, 150, 1),
  ev({ type: 'enqueued', id: 1, queue: 'q1', ready: 1 }, 300, 2),
  ev({ type: 'enqueued', id: 1, queue: 'q2', ready: 1 }, 300, 3),
  ev({ type: 'delivered', id: 1, queue: 'q1', channel: 4, consumerTag: 'C1', deliveryTag: 1, redelivered: false, noAck: false }, 600, 4),
  ev({ type: 'acked', id: 1, queue: 'q1', channel: 4, deliveryTag: 1 }, 900, 5),
  ev({ type: 'expired', id: 1, queue: 'q2' }, 1000, 6),
  ev({ type: 'dead-lettered', id: 1, queue: 'q2', reason: 'expired', newId: 2, exchange: '', routingKeys: ['x'] }, 1000, 7),
  ev({ type: 'returned', id: 9, exchange: 'logs', routingKey: 'nope', channel: 3, replyCode: 312, replyText: 'NO_ROUTE' }, 1200, 8),
  ev({ type: 'channel-opened', channel: 4, connection: 2, confirm: false }, 0, 9),
];

describe('formatClock', () => {
  it('writes mm:ss.mmm', () => {
    expect(formatClock(0)).toBe('00:00.000');
    expect(formatClock(3250)).toBe('00:03.250');
    expect(formatClock(61_005.7)).toBe('01:01.005');
    expect(formatClock(3_600_000)).toBe('60:00.000');
  });
});

describe('describeEvent', () => {
  it('names entities and clients, in English and Chinese', async () => {
    const en = await simulationT('en');
    const zh = await simulationT('zh');
    expect(describeEvent(LOG[0], en, names)).toBe('P1 published to `logs` with key `a.b`');
    expect(describeEvent(LOG[0], zh, names)).toBe('P1 发布到 `logs`，路由键 `a.b`');
    expect(describeEvent(LOG[1], en, names)).toBe('`logs` routed it to `q1`, `q2`');
    expect(describeEvent(LOG[4], en, names)).toBe('delivered from `q1` to C1');
    expect(describeEvent(LOG[4], zh, names)).toBe('从 `q1` 投递给 C1');
    expect(describeEvent(LOG[7], en, names)).toBe('dead-lettered from `q2` (expired) to the default exchange as #2');
    expect(describeEvent(LOG[8], en, names)).toBe('returned to P1: 312 NO_ROUTE');
    expect(describeEvent(ev({ type: 'acked', id: 1, queue: 'q', channel: 99, deliveryTag: 1 }), en, names)).toBe('channel 99 acked it');
  });

  it('labels every kind of trace event in both languages, short enough for the kind column', async () => {
    for (const lng of ['en', 'zh'] as const) {
      const t = await simulationT(lng);
      for (const type of EVENT_TYPES) {
        const label = t(`kind.${type}`);
        expect(label, `${lng} kind.${type}`).not.toBe(`kind.${type}`);
        // The column is 15ch wide; a Chinese character takes two.
        expect([...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0), `${lng} kind.${type}`).toBeLessThanOrEqual(15);
      }
    }
  });

  it('has a description (not a raw key) for every kind in the log', async () => {
    for (const lng of ['en', 'zh'] as const) {
      const t = await simulationT(lng);
      for (const e of LOG) expect(describeEvent(e, t, names)).not.toMatch(/ev\.|dropReason\.|dlReason\./);
    }
  });
});

describe('log filtering', () => {
  it('maps events to the canvas nodes they concern', () => {
    expect(eventNodes(LOG[0], map)).toEqual(['n-p', 'x1']);
    expect(eventNodes(LOG[1], map)).toEqual(['x1', 'n-q1', 'n-q2']);
    expect(eventNodes(LOG[4], map)).toEqual(['n-c', 'n-q1']);
  });

  it('filters by kind group, node and message id, and returns the log itself when nothing filters', () => {
    const all = { ...NO_FILTER, setup: true };
    expect(filterLog(LOG, all, map)).toBe(LOG);
    expect(filterLog(LOG, { ...NO_FILTER, groups: new Set(['death']) }, map).map((e) => e.seq)).toEqual([6, 7]);
    expect(filterLog(LOG, { ...NO_FILTER, node: 'n-q2' }, map).map((e) => e.seq)).toEqual([1, 3, 6, 7]);
    expect(filterLog(LOG, { ...NO_FILTER, messageId: 2 }, map).map((e) => e.seq)).toEqual([7]);
    expect(filterLog(LOG, { groups: new Set(['queue', 'deliver']), node: 'n-q1', messageId: 1, setup: true }, map).map((e) => e.seq)).toEqual([2, 4]);
    expect(groupOf('returned')).toBe('route');
    expect(groupOf('channel-opened')).toBe('lifecycle');
  });

  it('hides the set-up at 0 ms until asked, and keeps the same kinds later in the run', () => {
    // A run's log in time order: the clients' set-up at 0 ms, then the messages, then a reconnect.
    const setup = ev({ type: 'channel-opened', channel: 4, connection: 2, confirm: false }, 0, -1);
    const later = ev({ type: 'channel-opened', channel: 5, connection: 3, confirm: false }, 5000, 10);
    const log = [setup, ...LOG.slice(0, 9), later];
    expect(countSetup(log)).toBe(1);
    expect(isSetup(setup)).toBe(true);
    expect(isSetup(later)).toBe(false);
    expect(filterLog(log, NO_FILTER, map).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(filterLog(log, { ...NO_FILTER, setup: true }, map)).toBe(log);
    // Narrowed by a group, the set-up stays hidden unless shown.
    expect(filterLog(log, { ...NO_FILTER, groups: new Set(['lifecycle']) }, map).map((e) => e.seq)).toEqual([10]);
    expect(filterLog(log, { ...NO_FILTER, groups: new Set(['lifecycle']), setup: true }, map).map((e) => e.seq)).toEqual([-1, 10]);
  });

  it('parses message ids leniently', () => {
    expect(parseMessageId('12')).toBe(12);
    expect(parseMessageId(' #7 ')).toBe(7);
    expect(parseMessageId('')).toBeNull();
    expect(parseMessageId('abc')).toBeNull();
  });

  it('windows a long list to the visible rows', () => {
    expect(visibleRange(0, 200, 20, 5000, 0)).toEqual([0, 10]);
    expect(visibleRange(20 * 4990, 200, 20, 5000, 4)).toEqual([4986, 5000]);
    expect(visibleRange(0, 200, 20, 3, 8)).toEqual([0, 3]);
  });
});
