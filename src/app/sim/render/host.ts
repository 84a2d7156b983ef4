/**
 * Runs a renderer on a canvas with its own animation frames: in the render worker (worker.ts) or,
 * where a canvas cannot move to a worker, on the page. Stats go back about ten times a second.
 */
import { FRAME_BINS, type RenderCommand, type RenderReply } from './protocol';
import type { Graphics } from '../draw';
import { MessageRenderer } from './renderer';

const STATS_MS = 100;

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

// Workers have animation frames in Chromium and Firefox; elsewhere a timer stands in.
const nextFrame: (cb: (wall: number) => void) => number =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(() => cb(performance.now()), 1000 / 60) as unknown as number;
const cancelFrame: (id: number) => void = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id);

export interface RenderHost {
  handle(cmd: RenderCommand): void;
  stop(): void;
}

export function startRenderHost(reply: (r: RenderReply) => void, initial?: AnyCanvas): RenderHost {
  const renderer = new MessageRenderer();
  const frameBins = new Array<number>(FRAME_BINS).fill(0);
  let canvas: AnyCanvas | null = null;
  let ctx: Graphics | null = null;
  let raf = 0;
  let lastFrame = 0;
  let lastStats = 0;
  let stopped = false;

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

  const frame = (wall: number) => {
    if (stopped) return;
    raf = nextFrame(frame);
    if (lastFrame) frameBins[Math.min(FRAME_BINS - 1, Math.round(wall - lastFrame))]++;
    lastFrame = wall;
    if (ctx) renderer.draw(ctx, wall);
    if (wall - lastStats >= STATS_MS) {
      lastStats = wall;
      sendStats();
    }
  };
  raf = nextFrame(frame);

  return {
    handle(cmd) {
      switch (cmd.type) {
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
    },
    stop() {
      stopped = true;
      cancelFrame(raf);
    },
  };
}
