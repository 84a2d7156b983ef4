import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { LOG_EVENTS, LogGate } from './log-gate';
import type { Frame } from './protocol';

let seq = 0;
const events = (n: number): TraceEvent[] => Array.from({ length: n }, () => ({ type: 'expired', id: seq, vhost: '/', queue: 'q', t: 0, seq: seq++ }) as unknown as TraceEvent);
const frame = (evs: TraceEvent[], playing = true): Frame => ({ type: 'frame', t: 0, playing, speed: 1, events: evs, refresh: true, eventCount: evs.length, lost: 0, counters: {} });

describe('LogGate', () => {
  it('paused, every frame carries its events and refreshes the panels', () => {
    const gate = new LogGate();
    const e = events(3);
    const out = gate.pass(frame(e, false), 16);
    expect(out.events).toEqual(e);
    expect(out.refresh).toBe(true);
  });

  it('playing, events gather for 100 ms of wall time and then go out together, in order', () => {
    const gate = new LogGate();
    const sent: TraceEvent[] = [];
    const refreshes: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const out = gate.pass(frame(events(2)), 16);
      sent.push(...out.events);
      if (out.refresh) refreshes.push(i);
      else expect(out.events).toEqual([]);
    }
    // 16 ms frames: the 7th frame reaches 112 ms, the 14th 224 ms (100 ms after the 7th).
    expect(refreshes).toEqual([7, 14]);
    expect(sent.map((e) => e.seq)).toEqual([...sent.map((e) => e.seq)].sort((a, b) => a - b));
    // Everything of frames 1 to 14, nothing lost; frames 15 to 20 wait for the next refresh.
    expect(sent).toHaveLength(28);
  });

  it('a busy run refreshes every 400 ms and sends at most the log size, the newest events', () => {
    const gate = new LogGate();
    const refreshes: number[] = [];
    for (let i = 1; i <= 60; i++) {
      const out = gate.pass(frame(events(1_000)), 16);
      if (!out.refresh) continue;
      refreshes.push(i);
      // The newest events, up to the log's size.
      expect(out.events).toHaveLength(LOG_EVENTS);
      expect(out.events.at(-1)!.seq).toBe(seq - 1);
    }
    // 62,500 events a second is busy from the start: a refresh every 25 frames of 16 ms.
    expect(refreshes).toEqual([25, 50]);
  });

  it('a pause or a command frame flushes what was held', () => {
    const gate = new LogGate();
    const held = events(5);
    expect(gate.pass(frame(held), 16).events).toEqual([]);
    const mine = events(1);
    expect(gate.flush(frame(mine, false)).events).toEqual([...held, ...mine]);
  });
});
