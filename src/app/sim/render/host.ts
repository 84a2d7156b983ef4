/**
 * Runs a renderer on a canvas with its own animation frames: in the render worker (worker.ts) or,
 * where a canvas cannot move to a worker, on the page. Stats go back about ten times a second.
 */
import { FRAME_BINS, type RenderCommand, type RenderReply } from './protocol';
import type { MotionMessage } from '../../../worker/protocol';
import type { Graphics } from '../draw';
import { MessageRenderer } from './renderer';
import { DutyCycle } from '../../../worker/duty-cycle';

const STATS_MS = 100;
/**
 * While nothing moves the host stops drawing, so a page left open costs (almost) nothing; it still
 * says it is alive this often, well inside the page's stall budget (client.ts RENDER_STALL_MS).
 */
const ASLEEP_STATS_MS = 1000;
/**
 * Of the wall time, the most drawing may take (duty-cycle.ts): where a frame takes longer than
 * half a frame's time (a slow machine, thousands of marks) the layer draws every other frame or
 * fewer, and the page keeps its share of the CPU.
 */
const DRAW_SHARE = 0.5;

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

// Workers have animation frames in Chromium and Firefox; elsewhere a timer stands in.
const nextFrame: (cb: (wall: number) => void) => number =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(() => cb(performance.now()), 1000 / 60) as unknown as number;
const cancelFrame: (id: number) => void = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

export interface RenderHost {
  handle(cmd: RenderCommand): void;
  stop(): void;
}

export interface RenderHostOptions {
  /** Times a frame's drawing, in ms (default `performance.now`; in a slowed worker, slowdown.ts slowedClock). */
  workClock?: () => number;
}

export function startRenderHost(reply: (r: RenderReply) => void, initial?: AnyCanvas, options: RenderHostOptions = {}): RenderHost {
  const renderer = new MessageRenderer();
  const duty = new DutyCycle(DRAW_SHARE);
  const workClock = options.workClock ?? (() => performance.now());
  const frameBins = new Array<number>(FRAME_BINS).fill(0);
  let canvas: AnyCanvas | null = null;
  let ctx: Graphics | null = null;
  let raf = 0;
  let lastFrame = 0;
  let lastStats = 0;
  let stopped = false;
  /** A command arrived since the last frame drawn: the scene may have changed. */
  let dirty = true;
  /** Set while no frames are asked for: the timer of the next heartbeat. */
  let heartbeat: ReturnType<typeof setTimeout> | null = null;

  const adopt = (c: AnyCanvas) => {
    canvas = c;
    ctx = c.getContext('2d') as Graphics | null;
  };
  if (initial) adopt(initial);

  const sendStats = () =>
    reply({
      type: 'stats',
      inFlight: renderer.inFlight,
      parked: renderer.motion.parkedAt(renderer.drawnT),
      t: Math.round(renderer.drawnT),
      events: renderer.received,
      stalled: renderer.stalled,
      frameBins: frameBins.slice(),
    });

  const beat = () => {
    sendStats();
    heartbeat = setTimeout(beat, ASLEEP_STATS_MS);
  };

  const frame = (wall: number) => {
    raf = 0;
    if (stopped) return;
    if (!duty.ready(wall)) {
      raf = nextFrame(frame);
      // Resting, not hung: the page's stall watch (client.ts) still hears from it.
      if (wall - lastStats >= STATS_MS) {
        lastStats = wall;
        sendStats();
      }
      return;
    }
    if (lastFrame) frameBins[Math.min(FRAME_BINS - 1, Math.round(wall - lastFrame))]++;
    lastFrame = wall;
    const changed = dirty;
    dirty = false;
    const started = workClock();
    if (ctx) renderer.draw(ctx, wall);
    duty.worked(wall, wall + (workClock() - started));
    if (!changed && renderer.settled) {
      // The frame just drawn is the one on screen until a command changes something.
      lastFrame = 0;
      beat();
      return;
    }
    raf = nextFrame(frame);
    if (wall - lastStats >= STATS_MS) {
      lastStats = wall;
      sendStats();
    }
  };
  raf = nextFrame(frame);

  const wake = () => {
    dirty = true;
    if (heartbeat !== null) clearTimeout(heartbeat);
    heartbeat = null;
    if (!raf && !stopped) raf = nextFrame(frame);
  };

  let port: MessagePort | null = null;
  const handle = (cmd: RenderCommand) => {
    if (cmd.type !== 'hit') wake();
    switch (cmd.type) {
      case 'port':
        port?.close();
        port = cmd.port;
        port.onmessage = (ev: MessageEvent<MotionMessage>) => handle(ev.data);
        return;
      case 'canvas':
        adopt(cmd.canvas);
        return;
      case 'size':
        if (canvas) {
          canvas.width = cmd.width;
          canvas.height = cmd.height;
        }
        renderer.apply(cmd);
        return;
      case 'hit':
        reply({ type: 'hit', requestId: cmd.requestId, id: renderer.hit(cmd.x, cmd.y, cmd.radius) });
        return;
      default:
        renderer.apply(cmd);
    }
  };

  return {
    handle,
    stop() {
      stopped = true;
      port?.close();
      cancelFrame(raf);
      if (heartbeat !== null) clearTimeout(heartbeat);
    },
  };
}
