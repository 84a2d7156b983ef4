import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RenderReply } from './protocol';
import { startRenderHost, type RenderHost } from './host';

/** A 2D context that draws nothing and counts the frames cleared on it (every drawn frame clears first). */
function fakeContext(canvas: { width: number; height: number }, drawn = { frames: 0 }) {
  const image = (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) });
  const state: Record<string, unknown> = {
    canvas,
    createImageData: image,
    getImageData: (_x: number, _y: number, w: number, h: number) => image(w, h),
    clearRect: () => drawn.frames++,
  };
  return new Proxy(state, {
    get: (target, key) => (key in target ? target[key as string] : () => undefined),
    set: (target, key, value) => ((target[key as string] = value), true),
  });
}

/** The layer's canvas, and the count of frames drawn on it. */
function countingCanvas() {
  const drawn = { frames: 0 };
  const canvas = { width: 100, height: 100, getContext: (): unknown => ctx };
  const ctx = fakeContext(canvas, drawn);
  return { canvas: canvas as unknown as OffscreenCanvas, drawn };
}

// The sprites of the marks are drawn once on canvases of their own.
class FakeOffscreenCanvas {
  constructor(public width: number, public height: number) {}
  getContext() {
    return fakeContext(this);
  }
}

describe('render host', () => {
  let host: RenderHost | null = null;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('OffscreenCanvas', FakeOffscreenCanvas);
  });
  afterEach(() => {
    host?.stop();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stops drawing once the picture is settled, keeps a heartbeat, and draws again on a command', () => {
    const { canvas, drawn } = countingCanvas();
    const replies: RenderReply[] = [];
    host = startRenderHost((r) => replies.push(r), canvas);
    vi.advanceTimersByTime(1000);
    // Paused at time zero: a frame or two, then nothing more for a second of frames.
    const settled = drawn.frames;
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThan(5);
    vi.advanceTimersByTime(3000);
    expect(drawn.frames).toBe(settled);
    // Still heard from about once a second (the page's stall watch counts on it).
    const beats = replies.filter((r) => r.type === 'stats').length;
    expect(beats).toBeGreaterThanOrEqual(3);

    // A step to a later instant: the drawn time glides there over frames, then rests again.
    host.handle({ type: 'frame', t: 500, playing: false, speed: 1, eventCount: 1, lag: 1 });
    vi.advanceTimersByTime(3000);
    const glided = drawn.frames - settled;
    expect(glided).toBeGreaterThan(5);
    vi.advanceTimersByTime(2000);
    expect(drawn.frames - settled).toBe(glided);

    // Playing: a frame every frame for as long as it plays.
    host.handle({ type: 'frame', t: 600, playing: true, speed: 1, eventCount: 1, lag: 1 });
    const before = drawn.frames;
    vi.advanceTimersByTime(1000);
    expect(drawn.frames - before).toBeGreaterThan(50);
  });

  it('on a machine where drawing takes longer than half a frame, draws fewer frames and leaves the rest of the time to the page', () => {
    const { canvas, drawn } = countingCanvas();
    // Each frame's drawing takes 20 ms (the host times it with this clock).
    let worked = 0;
    host = startRenderHost(() => undefined, canvas, { workClock: () => (worked += 20) });
    host.handle({ type: 'frame', t: 600, playing: true, speed: 1, eventCount: 1, lag: 1 });
    vi.advanceTimersByTime(100);
    const before = drawn.frames;
    vi.advanceTimersByTime(1000);
    // 20 ms of drawing, then 20 ms of rest: a frame in three at 60 frames a second, about 20 in a second.
    expect(drawn.frames - before).toBeGreaterThanOrEqual(17);
    expect(drawn.frames - before).toBeLessThanOrEqual(26);
  });

  it('answers a hit test while asleep without waking', () => {
    const { canvas, drawn } = countingCanvas();
    const replies: RenderReply[] = [];
    host = startRenderHost((r) => replies.push(r), canvas);
    vi.advanceTimersByTime(1000);
    const settled = drawn.frames;
    host.handle({ type: 'hit', requestId: 4, x: 1, y: 1, radius: 5 });
    expect(replies.at(-1)).toEqual({ type: 'hit', requestId: 4, id: null });
    vi.advanceTimersByTime(1000);
    expect(drawn.frames).toBe(settled);
  });

  it('draws what comes through its motion port, and only the newest port', async () => {
    // Port messages are tasks of their own: real time here.
    vi.useRealTimers();
    const { canvas } = countingCanvas();
    const replies: RenderReply[] = [];
    host = startRenderHost((r) => replies.push(r), canvas);
    const events = () => {
      const s = replies.filter((r) => r.type === 'stats').at(-1);
      return s?.type === 'stats' ? s.events : -1;
    };
    const first = new MessageChannel();
    host.handle({ type: 'port', port: first.port2 });
    first.port1.postMessage({ type: 'frame', t: 100, playing: false, speed: 1, eventCount: 3, lag: 1 });
    await vi.waitFor(() => expect(events()).toBe(3), { timeout: 5000 });
    const second = new MessageChannel();
    host.handle({ type: 'port', port: second.port2 });
    first.port1.postMessage({ type: 'frame', t: 200, playing: false, speed: 1, eventCount: 5, lag: 1 });
    second.port1.postMessage({ type: 'frame', t: 300, playing: false, speed: 1, eventCount: 2, lag: 1 });
    await vi.waitFor(() => expect(events()).toBe(5), { timeout: 5000 });
    // what came through the closed first port is not counted, however long one waits for it
    first.port1.postMessage({ type: 'frame', t: 400, playing: false, speed: 1, eventCount: 50, lag: 1 });
    second.port1.postMessage({ type: 'frame', t: 500, playing: false, speed: 1, eventCount: 1, lag: 1 });
    await vi.waitFor(() => expect(events()).toBe(6), { timeout: 5000 });
    first.port1.close();
    second.port1.close();
  });
});
