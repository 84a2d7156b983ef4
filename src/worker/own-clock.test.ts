import { describe, expect, it } from 'vitest';
import { createHandler, type FrameClock } from './handler';
import type { Frame, MotionMessage } from './protocol';
import { presetDoc, wholeFrames } from './test-helpers';

/** A clock the test advances by hand: each `frame(ms)` runs what was asked for, `ms` later. */
function manualClock() {
  let asked: ((now: number) => unknown)[] = [];
  let now = 1000;
  const clock: FrameClock = (f) => void asked.push(f);
  return {
    clock,
    get waiting() {
      return asked.length;
    },
    async frame(ms: number) {
      now += ms;
      const due = asked;
      asked = [];
      await Promise.all(due.map((f) => f(now)));
    },
  };
}

/** A handler on the worker's own clock, with a port to the message layer (as the page gives it). */
function onOwnClock(options: { port?: boolean; workClock?: () => number } = {}) {
  const frames: Frame[] = [];
  const motion: MotionMessage[] = [];
  const c = manualClock();
  // Ticks take no time unless a test says otherwise: the results do not depend on this machine's speed.
  const handle = createHandler(wholeFrames(frames), undefined, { clock: c.clock, workClock: options.workClock ?? (() => 0) });
  const channel = new MessageChannel();
  channel.port2.onmessage = (ev: MessageEvent<MotionMessage>) => motion.push(ev.data);
  if (options.port !== false) void handle({ type: 'motion-port', port: channel.port1 });
  return { frames, motion, clock: c, handle, close: () => channel.port2.close() };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe("the worker's own clock", () => {
  it('keeps time while playing and sends the page only the frames it refreshes on; the motion of every frame goes to the layer', async () => {
    const { frames, motion, clock, handle, close } = onOwnClock();
    await handle({ type: 'load', doc: presetDoc('work-queues') });
    await handle({ type: 'play' });
    const before = frames.length;
    for (let i = 0; i < 120; i++) await clock.frame(1000 / 60);
    await settle();
    close();
    const playing = frames.slice(before);
    // Two seconds of wall time at 1×: about two virtual seconds (the first frame only starts the clock).
    expect(frames.at(-1)!.t).toBeGreaterThan(1900);
    expect(frames.at(-1)!.t).toBeLessThanOrEqual(2000);
    // A refresh every 100 ms of wall time: about 20 frames for the page, not 120.
    expect(playing.length).toBeGreaterThanOrEqual(15);
    expect(playing.length).toBeLessThanOrEqual(25);
    expect(playing.every((f) => f.refresh)).toBe(true);
    // Every event reached the page's log, in order, none missing and none twice.
    const seqs = frames.flatMap((f) => f.events.map((e) => e.seq));
    expect(seqs.length).toBeGreaterThan(20);
    expect(seqs.every((seq, i) => i === 0 || seq === seqs[i - 1] + 1)).toBe(true);
    // The layer was sent a frame for every tick.
    const moved = motion.filter((m) => m.type === 'frame' && m.playing);
    expect(moved.length).toBeGreaterThanOrEqual(118);
  });

  it('runs the same as the page ticking the same frames', async () => {
    const own = onOwnClock();
    await own.handle({ type: 'load', doc: presetDoc('work-queues') });
    await own.handle({ type: 'play' });
    for (let i = 0; i < 90; i++) await own.clock.frame(30);
    await own.handle({ type: 'pause' });
    await settle();
    own.close();

    const ticked: Frame[] = [];
    const page = createHandler(wholeFrames(ticked));
    await page({ type: 'load', doc: presetDoc('work-queues') });
    await page({ type: 'play' });
    // The clock's first frame starts it; the 89 after it each bring 30 ms.
    for (let i = 0; i < 89; i++) await page({ type: 'tick', wallMs: 30 });
    await page({ type: 'pause' });

    const last = (fs: Frame[]) => fs.at(-1)!;
    expect(last(own.frames).t).toBe(last(ticked).t);
    expect(last(own.frames).counters).toEqual(last(ticked).counters);
    const seqs = (fs: Frame[]) => fs.flatMap((f) => f.events.map((e) => `${e.seq}:${e.type}:${e.t}`));
    expect(seqs(own.frames)).toEqual(seqs(ticked));
  });

  it("takes a playing tick from the page only as a request for a frame, and stops asking for frames when paused", async () => {
    const { frames, clock, handle, close } = onOwnClock();
    await handle({ type: 'load', doc: presetDoc('work-queues') });
    await handle({ type: 'play' });
    await clock.frame(16);
    await handle({ type: 'tick', wallMs: 5000 });
    expect(frames.at(-1)!.t).toBe(0);
    await clock.frame(100);
    expect(frames.at(-1)!.t).toBeLessThanOrEqual(100);
    await handle({ type: 'pause' });
    expect(clock.waiting).toBe(1);
    await clock.frame(16);
    // The frame after the pause ran nothing and asked for no other.
    expect(clock.waiting).toBe(0);
    const t = frames.at(-1)!.t;
    await handle({ type: 'play' });
    expect(clock.waiting).toBe(1);
    for (let i = 0; i < 10; i++) await clock.frame(50);
    expect(frames.at(-1)!.t).toBeGreaterThan(t);
    close();
  });

  it('waits while the page is hidden, and plays on from where it was when shown, owing nothing', async () => {
    const { frames, clock, handle, close } = onOwnClock();
    await handle({ type: 'load', doc: presetDoc('work-queues') });
    await handle({ type: 'play' });
    for (let i = 0; i < 30; i++) await clock.frame(50);
    await handle({ type: 'visibility', hidden: true });
    await clock.frame(50);
    expect(clock.waiting).toBe(0);
    await handle({ type: 'pause' });
    const t = frames.at(-1)!.t;
    await handle({ type: 'play' });
    // still hidden: Play does not start the clock
    expect(clock.waiting).toBe(0);
    await handle({ type: 'visibility', hidden: false });
    expect(clock.waiting).toBe(1);
    // a long time later: the first frame only starts the clock again
    await clock.frame(60_000);
    for (let i = 0; i < 4; i++) await clock.frame(50);
    await handle({ type: 'pause' });
    expect(frames.at(-1)!.t).toBeGreaterThan(t);
    expect(frames.at(-1)!.t).toBeLessThanOrEqual(t + 200);
    close();
  });

  it("spaces refreshes by the page's pace", async () => {
    const { frames, clock, handle, close } = onOwnClock();
    await handle({ type: 'load', doc: presetDoc('work-queues') });
    await handle({ type: 'pace', ms: 500 });
    await handle({ type: 'play' });
    const before = frames.length;
    for (let i = 0; i < 180; i++) await clock.frame(1000 / 60);
    close();
    // Three seconds at a refresh per 500 ms.
    expect(frames.length - before).toBeGreaterThanOrEqual(5);
    expect(frames.length - before).toBeLessThanOrEqual(7);
  });

  it('without a port to the message layer, sends every frame (their motion travels in them)', async () => {
    const { frames, clock, handle, close } = onOwnClock({ port: false });
    await handle({ type: 'load', doc: presetDoc('work-queues') });
    await handle({ type: 'play' });
    const before = frames.length;
    for (let i = 0; i < 120; i++) await clock.frame(25);
    close();
    expect(frames.length - before).toBeGreaterThanOrEqual(119);
    expect(frames.some((f) => f.motion && f.motion.flights.length > 0)).toBe(true);
  });

  it('while the page says its frames come late, rests between long ticks so the page keeps half the CPU, and runs slower rather than in bigger ticks', async () => {
    // Each tick works 39 ms of wall time: more than two frames.
    let worked = 0;
    const workClock = () => (worked += 39);
    const { motion, clock, handle, close } = onOwnClock({ workClock });
    await handle({ type: 'load', doc: presetDoc('work-queues') });
    await handle({ type: 'play' });
    const ticks = () => motion.filter((m) => m.type === 'frame' && m.playing).length;
    // A page at ease: a tick every frame, however long.
    for (let i = 0; i < 30; i++) await clock.frame(1000 / 60);
    await settle();
    expect(ticks()).toBeGreaterThanOrEqual(29);
    const eased = ticks();
    const lastT = () => motion.filter((m) => m.type === 'frame').at(-1)!.t;
    const from = lastT();
    await handle({ type: 'pace', ms: 100, strained: true });
    for (let i = 0; i < 60; i++) await clock.frame(1000 / 60);
    await settle();
    close();
    // A tick of 39 ms, then a rest of 39 ms: every fifth frame runs one.
    expect(ticks() - eased).toBeGreaterThanOrEqual(10);
    expect(ticks() - eased).toBeLessThanOrEqual(13);
    // Each owed at most two frames (33 ms): a second of wall time ran about a third of a second of the run.
    const ran = lastT() - from;
    expect(ran).toBeGreaterThan(300);
    expect(ran).toBeLessThanOrEqual((ticks() - eased) * (1000 / 30) + 1);
  });
});
