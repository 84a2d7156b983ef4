import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';
import type { Frame, MotionMessage } from './protocol';
import { presetDoc, wholeFrames } from './test-helpers';

/** Waits until the handler has answered `n` frames (its commands run one after another). */
async function frames(list: Frame[], n: number): Promise<void> {
  for (let i = 0; i < 200 && list.length < n; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('handler', () => {
  it('stamps every frame with its run: load, reset and seed each start a new one', async () => {
    const got: Frame[] = [];
    const handle = createHandler(wholeFrames(got));
    handle({ type: 'load', doc: presetDoc('work-queues') });
    handle({ type: 'play' });
    handle({ type: 'tick', wallMs: 16 });
    await frames(got, 3);
    handle({ type: 'reset' });
    handle({ type: 'tick', wallMs: 16 });
    await frames(got, 5);
    handle({ type: 'seed', seed: 9 });
    handle({ type: 'load', doc: presetDoc('hello-world') });
    await frames(got, 7);
    expect(got.map((f) => f.run)).toEqual([1, 1, 1, 2, 2, 3, 4]);
  });
});

describe('motion port', () => {
  it('sends each frame’s motion to the port, in order, with a clear at each new run; the frames go without it', async () => {
    const got: Frame[] = [];
    const handle = createHandler(wholeFrames(got));
    const channel = new MessageChannel();
    const motion: MotionMessage[] = [];
    channel.port2.onmessage = (ev: MessageEvent<MotionMessage>) => motion.push(ev.data);
    handle({ type: 'motion-port', port: channel.port1 });
    handle({ type: 'load', doc: presetDoc('work-queues') });
    handle({ type: 'play' });
    for (let i = 0; i < 30; i++) handle({ type: 'tick', wallMs: 100 });
    await frames(got, 32);
    handle({ type: 'reset' });
    await frames(got, 33);
    await new Promise((r) => setTimeout(r, 20));
    channel.port2.close();

    expect(got.every((f) => f.motion === undefined)).toBe(true);
    // One clear when the port came, one per run; a message per frame, for the same instants.
    expect(motion.map((m) => m.type).join(' ')).toBe(['clear', 'clear', ...got.slice(0, 32).map(() => 'frame'), 'clear', 'frame'].join(' '));
    const frames_ = motion.filter((m) => m.type === 'frame');
    expect(frames_.map((m) => m.t)).toEqual(got.map((f) => f.t));
    expect(frames_.map((m) => m.eventCount)).toEqual(got.map((f) => f.eventCount));
    expect(frames_.some((m) => m.motion && m.motion.flights.length > 0)).toBe(true);
    // work-queues' latency: marks travel for the longer of publish and ack, at least 1 ms
    const { publish, ack } = presetDoc('work-queues').settings.latency;
    expect(frames_[0].lag).toBe(Math.max(publish, ack, 1));
  });

  it('without a port, the motion stays in the frames', async () => {
    const got: Frame[] = [];
    const handle = createHandler(wholeFrames(got));
    handle({ type: 'load', doc: presetDoc('work-queues') });
    handle({ type: 'play' });
    for (let i = 0; i < 30; i++) handle({ type: 'tick', wallMs: 100 });
    await frames(got, 32);
    expect(got.some((f) => f.motion && f.motion.flights.length > 0)).toBe(true);
  });
});
