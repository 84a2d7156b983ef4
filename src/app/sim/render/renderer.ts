/**
 * The message layer's state and one frame of drawing, wherever it runs: the marks in motion (fed
 * from each engine frame), the node boxes and view they are drawn in, and the drawn virtual time,
 * which follows the run while it plays and glides to the new instant after a step.
 */
import { MotionView } from '../../../worker/motion';
import { hitTest, MarkLayer, type NodeBox, type View } from '../draw';
import type { RenderCommand } from './protocol';

/** How quickly the drawn time catches up with a step, in wall ms. */
const CATCH_UP_MS = 250;

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export class MessageRenderer {
  readonly motion = new MotionView();
  private marks = new MarkLayer();
  private boxes = new Map<string, NodeBox>();
  private view: View = { x: 0, y: 0, zoom: 1, dpr: 1 };
  private dark = false;
  private latestT = 0;
  private playing = false;
  private lag = 1;
  private lastWall = 0;
  /** The virtual time drawn. */
  drawnT = 0;
  /** Trace events received (the UI benchmark reads it to count events per second). */
  received = 0;
  /** Marks moving at the last drawn frame. */
  inFlight = 0;

  /** Applies everything but the canvas itself and hit tests. */
  apply(cmd: RenderCommand): void {
    switch (cmd.type) {
      case 'frame':
        if (cmd.motion) this.motion.apply(cmd.motion);
        this.received += cmd.eventCount;
        this.latestT = cmd.t;
        this.playing = cmd.playing;
        this.lag = cmd.lag;
        return;
      case 'clear':
        this.motion.clear();
        this.drawnT = 0;
        this.latestT = 0;
        return;
      case 'view':
        this.view.x = cmd.x;
        this.view.y = cmd.y;
        this.view.zoom = cmd.zoom;
        return;
      case 'size':
        this.view.dpr = cmd.dpr;
        return;
      case 'boxes':
        this.boxes.clear();
        cmd.ids.forEach((id, i) => this.boxes.set(id, { x: cmd.boxes[i * 4], y: cmd.boxes[i * 4 + 1], w: cmd.boxes[i * 4 + 2], h: cmd.boxes[i * 4 + 3] }));
        return;
      case 'theme':
        this.dark = cmd.dark;
        return;
      default:
        return;
    }
  }

  private boxOf = (id: string): NodeBox | undefined => this.boxes.get(id);

  /** Draws the frame at wall time `wall` (ms). */
  draw(ctx: Context2D, wall: number): void {
    const dt = this.lastWall ? wall - this.lastWall : 16;
    this.lastWall = wall;
    const target = this.playing ? this.latestT - this.lag : this.latestT;
    // While playing, time flows with the frames; after a step, glide to the new instant.
    this.drawnT = this.playing || target < this.drawnT ? target : this.drawnT + (target - this.drawnT) * Math.min(1, dt / CATCH_UP_MS);
    if (!this.playing && Math.abs(target - this.drawnT) < 0.5) this.drawnT = target;
    this.motion.prune(this.drawnT - 1);
    this.inFlight = this.marks.draw(ctx, this.motion, this.boxOf, this.drawnT, this.dark, this.view);
  }

  /** The message drawn nearest to a flow point, within `radius`. */
  hit(x: number, y: number, radius: number): number | null {
    return hitTest(this.motion, this.boxOf, this.drawnT, x, y, radius);
  }
}
