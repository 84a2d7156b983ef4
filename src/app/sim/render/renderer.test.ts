import { describe, expect, it } from 'vitest';
import { Mark } from '../../../worker/flights';
import { FLIGHT_STRIDE, type Motion } from '../../../worker/motion';
import { pointOnEdge } from '../draw';
import { MessageRenderer } from './renderer';

const P = { x: 0, y: 0, w: 100, h: 40 };
const Q = { x: 300, y: 100, w: 100, h: 40 };

function motion(flights: number[][]): Motion {
  const packed = new Float64Array(flights.length * FLIGHT_STRIDE);
  flights.forEach((f, i) => packed.set(f, i * FLIGHT_STRIDE));
  return { nodes: ['p', 'q'], flights: packed, bursts: new Float64Array(0), parkedKeys: [], parked: new Float64Array(0), unparked: [], unparkedAt: [] };
}

describe('MessageRenderer', () => {
  it('finds the message drawn at a point from the boxes and the motion it was sent', () => {
    const r = new MessageRenderer();
    r.apply({ type: 'boxes', ids: ['p', 'q'], boxes: Float64Array.from([P.x, P.y, P.w, P.h, Q.x, Q.y, Q.w, Q.h]) });
    // Message #7 travels p → q over [0, 1000].
    r.apply({ type: 'frame', motion: motion([[7, 0, 1, 0, 1000, Mark.Message, 2, 0]]), t: 1000, playing: false, speed: 1, eventCount: 2, lag: 1 });
    expect(r.received).toBe(2);
    r.drawnT = 500;
    const mid = { ...pointOnEdge(P, Q, 0.5, false) };
    expect(r.hit(mid.x, mid.y, 10)).toBe(7);
    expect(r.hit(mid.x + 30, mid.y + 30, 10)).toBeNull();
    // Before it left and after it arrived, nothing is there.
    r.drawnT = 1500;
    expect(r.hit(mid.x, mid.y, 10)).toBeNull();
  });

  it('a new run forgets every mark; moved boxes move the marks', () => {
    const r = new MessageRenderer();
    r.apply({ type: 'boxes', ids: ['p', 'q'], boxes: Float64Array.from([P.x, P.y, P.w, P.h, Q.x, Q.y, Q.w, Q.h]) });
    r.apply({ type: 'frame', motion: motion([[9, 0, 1, 0, 1000, Mark.Message, 0, 0]]), t: 1000, playing: false, speed: 1, eventCount: 1, lag: 1 });
    r.drawnT = 500;
    const mid = { ...pointOnEdge(P, Q, 0.5, false) };
    const moved = { ...Q, y: Q.y + 200 };
    r.apply({ type: 'boxes', ids: ['p', 'q'], boxes: Float64Array.from([P.x, P.y, P.w, P.h, moved.x, moved.y, moved.w, moved.h]) });
    const movedMid = { ...pointOnEdge(P, moved, 0.5, false) };
    expect(r.hit(mid.x, mid.y, 10)).toBeNull();
    expect(r.hit(movedMid.x, movedMid.y, 10)).toBe(9);
    r.apply({ type: 'clear' });
    expect(r.hit(movedMid.x, movedMid.y, 10)).toBeNull();
    expect(r.drawnT).toBe(0);
  });

  it('playing, the drawn time flows at the speed of the run and keeps moving through a gap in engine frames', () => {
    const r = new MessageRenderer();
    const speed = 10;
    const lag = 600;
    let wall = 0;
    let t = 0;
    const frame = () => r.apply({ type: 'frame', t, playing: true, speed, eventCount: 0, lag });
    // Two seconds of frames, one engine frame each: the drawn time settles and advances smoothly.
    for (let i = 0; i < 120; i++) {
      wall += 1000 / 60;
      t += (1000 / 60) * speed;
      frame();
      r.advance(wall);
    }
    const settled = r.drawnT;
    expect(settled).toBeLessThanOrEqual(t - lag);
    // The page stalls for 100 ms: no engine frames, yet the drawn time moves every frame...
    const before: number[] = [];
    for (let i = 0; i < 6; i++) {
      wall += 1000 / 60;
      before.push(r.drawnT);
      r.advance(wall);
      expect(r.drawnT).toBeGreaterThan(before[i]);
    }
    expect(r.stalled).toBe(0);
    // ...and never past what is known: a long stall ends in frames that cannot move, counted.
    for (let i = 0; i < 30; i++) {
      wall += 1000 / 60;
      r.advance(wall);
      expect(r.drawnT).toBeLessThanOrEqual(t - lag);
    }
    expect(r.stalled).toBeGreaterThan(0);
    expect(r.drawnT).toBe(t - lag);
  });

  it('playing a run that arrives slower than its speed (a slow machine), the drawn time flows at the speed achieved and does not stop and start', () => {
    const r = new MessageRenderer();
    const speed = 10;
    const lag = 600;
    let wall = 0;
    let t = 0;
    // The engine manages 3× of the asked 10×, in a tick every fifth frame.
    const run = (frames: number) => {
      for (let i = 1; i <= frames; i++) {
        wall += 1000 / 60;
        if (i % 5 === 0) {
          t += 5 * (1000 / 60) * 3;
          r.apply({ type: 'frame', t, playing: true, speed, eventCount: 0, lag });
        }
        r.advance(wall);
      }
    };
    run(180);
    const stalled = r.stalled;
    const from = r.drawnT;
    run(120);
    // Two seconds at 3×: about six virtual seconds drawn, in steady steps.
    expect(r.drawnT - from).toBeGreaterThan(5000);
    expect(r.drawnT - from).toBeLessThan(7000);
    expect(r.stalled - stalled).toBeLessThanOrEqual(3);
  });

  it('paused after a step, the drawn time glides to the new instant and stops there', () => {
    const r = new MessageRenderer();
    r.apply({ type: 'frame', t: 1000, playing: false, speed: 1, eventCount: 1, lag: 600 });
    let wall = 0;
    const seen: number[] = [];
    // Two and a half seconds: the glide closes most of the way in the first half second.
    for (let i = 0; i < 150; i++) {
      wall += 1000 / 60;
      r.advance(wall);
      seen.push(r.drawnT);
    }
    expect(seen[30]).toBeGreaterThan(850);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(1000);
    expect(seen.at(-1)).toBe(1000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('never runs backwards: not on resuming after a pause, nor on a change of speed', () => {
    const r = new MessageRenderer();
    const lag = 600;
    let wall = 0;
    let t = 0;
    const run = (frames: number, speed: number, playing = true) => {
      const seen: number[] = [];
      for (let i = 0; i < frames; i++) {
        wall += 1000 / 60;
        if (playing) t += (1000 / 60) * speed;
        r.apply({ type: 'frame', t, playing, speed, eventCount: 0, lag });
        r.advance(wall);
        seen.push(r.drawnT);
      }
      return seen;
    };
    const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);
    const playing = run(120, 10);
    const paused = run(150, 10, false);
    expect(paused.at(-1)).toBe(t);
    const resumed = run(120, 10);
    expect(ascending([...playing, ...paused, ...resumed])).toBe(true);
    // From 100x down to 0.1x: after the change the marks move at about the new speed, not racing through a backlog.
    run(120, 100);
    const before = r.drawnT;
    const slow = run(60, 0.1);
    expect(ascending([before, ...slow])).toBe(true);
    const perFrame = (slow.at(-1)! - slow[0]) / 59;
    expect(perFrame).toBeLessThanOrEqual(1.5 * (1000 / 60) * 0.1);
    expect(r.drawnT).toBeLessThanOrEqual(t - lag);
  });
});
