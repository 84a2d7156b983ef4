/**
 * The message layer's state and one frame of drawing, wherever it runs: the marks in motion (fed
 * from each engine frame), the node boxes and view they are drawn in, and the drawn virtual time,
 * which follows the run while it plays and glides to the new instant after a step.
 */
import { MotionView } from '../../../worker/motion';
import { hitTest, MarkLayer, type Graphics, type NodeBox, type View } from '../draw';
import type { RenderCommand } from './protocol';

/** How quickly the drawn time catches up with a step, in wall ms. */
const CATCH_UP_MS = 250;
/**
 * Wall ms the drawn time stays behind what is known while playing, so that it can keep moving when
 * engine frames stop coming for a moment (the page busy with a refresh, a garbage collection): the
 * marks move on through such a gap instead of freezing.
 */
const STALL_MS = 120;
/** ...but never more than this much run time behind, so that a fast run holds few extra marks. */
const STALL_MAX = 2000;
/**
 * Wall ms over which the layer measures how fast the run's time arrives: where the engine cannot
 * keep up with the asked speed (a slow machine), the drawn time flows at the speed achieved, so the
 * marks move steadily instead of racing ahead and waiting.
 */
const ARRIVAL_WINDOW_MS = 500;
/** The measured speed counts from this share of the asked one up (a long pause in frames is not a slow run). */
const ARRIVAL_FLOOR = 0.1;
/** How much of the gap to its target the drawn time closes per frame while playing... */
const TRACK = 0.05;
/** ...never flowing slower than half the run's speed or faster than one and a half times it. */
const DRIFT = 0.5;

export class MessageRenderer {
  readonly motion = new MotionView();
  private marks = new MarkLayer();
  private boxes = new Map<string, NodeBox>();
  private view: View = { x: 0, y: 0, zoom: 1, dpr: 1 };
  private dark = false;
  private latestT = 0;
  private playing = false;
  private speed = 1;
  private lag = 1;
  private lastWall = 0;
  /** Virtual ms per wall ms at which the run's time arrived over the last windows (0: not measured yet). */
  private arriving = 0;
  private windowT = 0;
  private windowWall = 0;
  /** The virtual time drawn. */
  drawnT = 0;
  /** Trace events received (the UI benchmark reads it to count events per second). */
  received = 0;
  /** Marks moving at the last drawn frame. */
  inFlight = 0;
  /** Frames drawn while playing in which the drawn time could not move (nothing newer was known). */
  stalled = 0;

  /** Applies everything but the canvas itself and hit tests. */
  apply(cmd: RenderCommand): void {
    switch (cmd.type) {
      case 'frame':
        if (cmd.motion) this.motion.apply(cmd.motion);
        this.received += cmd.eventCount;
        // A new speed while playing: the drawn time keeps its place relative to what is known,
        // scaled, so that slowing down does not leave a backlog to race through.
        if (cmd.playing && this.playing && cmd.speed !== this.speed && this.speed > 0) {
          const known = this.latestT - this.lag;
          this.drawnT = Math.max(this.drawnT, known - (known - this.drawnT) * (cmd.speed / this.speed));
        }
        if (!cmd.playing || !this.playing || cmd.speed !== this.speed || cmd.t < this.latestT) this.restartArrival();
        this.latestT = cmd.t;
        this.playing = cmd.playing;
        this.speed = cmd.speed;
        this.lag = cmd.lag;
        return;
      case 'clear':
        this.restartArrival();
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

  private restartArrival(): void {
    this.arriving = 0;
    this.windowWall = 0;
  }

  /** The speed the drawn time flows at: the asked speed, or the measured one where the run arrives slower. */
  private flowSpeed(wall: number): number {
    if (!this.windowWall) {
      this.windowWall = wall;
      this.windowT = this.latestT;
    } else if (wall - this.windowWall >= ARRIVAL_WINDOW_MS) {
      const rate = (this.latestT - this.windowT) / (wall - this.windowWall);
      this.arriving = this.arriving ? (this.arriving + rate) / 2 : rate;
      this.windowWall = wall;
      this.windowT = this.latestT;
    }
    return this.arriving ? Math.min(this.speed, Math.max(this.arriving, this.speed * ARRIVAL_FLOOR)) : this.speed;
  }

  private boxOf = (id: string): NodeBox | undefined => this.boxes.get(id);

  /** Advances the drawn time to wall time `wall` (ms). */
  advance(wall: number): void {
    const dt = this.lastWall ? Math.min(wall - this.lastWall, 100) : 16;
    this.lastWall = wall;
    if (this.playing) {
      // Every hop that started by `known` has ended by `latestT`, so drawing there misses none.
      const known = this.latestT - this.lag;
      // Just resumed from a pause (drawn at the paused instant): wait there for the run to catch up.
      if (this.drawnT > known) return;
      const speed = this.flowSpeed(wall);
      const target = known - Math.min(STALL_MS * speed, STALL_MAX);
      // Time flows at the run's speed, drifting gently toward `target`; never past `known`.
      const step = dt * speed;
      const drift = Math.max(-DRIFT * step, Math.min(DRIFT * step, (target - this.drawnT - step) * TRACK));
      const next = Math.min(known, this.drawnT + step + drift);
      if (next <= this.drawnT) this.stalled++;
      this.drawnT = Math.max(this.drawnT, next);
      return;
    }
    // Paused or stepping: glide to the new instant.
    const target = this.latestT;
    this.drawnT = target < this.drawnT ? target : this.drawnT + (target - this.drawnT) * Math.min(1, dt / CATCH_UP_MS);
    if (Math.abs(target - this.drawnT) < 0.5) this.drawnT = target;
  }

  /** Paused with the drawn time at the run's: the next frame would draw the same picture. */
  get settled(): boolean {
    return !this.playing && this.drawnT === this.latestT;
  }

  /** Draws the frame at wall time `wall` (ms). */
  draw(ctx: Graphics, wall: number): void {
    this.advance(wall);
    this.motion.prune(this.drawnT - 1);
    this.inFlight = this.marks.draw(ctx, this.motion, this.boxOf, this.drawnT, this.dark, this.view);
  }

  /** The message drawn nearest to a flow point, within `radius`. */
  hit(x: number, y: number, radius: number): number | null {
    return hitTest(this.motion, this.boxOf, this.drawnT, x, y, radius);
  }
}
