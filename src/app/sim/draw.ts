/**
 * Drawing the message layer: envelopes along the same bezier curves the edges use, as sprites
 * copied into one bitmap per frame (see MarkLayer), and short effects on top.
 */
import { EFFECT_MS, Effect, Mark, PALETTE_SIZE } from '../../worker/flights';
import { isParked, type MotionView } from '../../worker/motion';
import { blit, compileSprite, type CompiledSprite, type Sprite } from './blit';

export interface NodeBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type BoxOf = (id: string) => NodeBox | undefined;

/** Routing-key colours: calm, distinct, legible on light and dark canvases. */
export const PALETTE = ['#3b82f6', '#10b981', '#f59e0b', '#ec4899', '#8b5cf6', '#06b6d4', '#84cc16', '#f43f5e'];
const ACK = '#16a34a';
const REQUEUE = '#d97706';
const RETURN = '#dc2626';
const DEAD = '#7c3aed';
/** A Direct Reply-to reply: teal, unlike any routed message's colour. */
const REPLY = '#0d9488';

const ENV_W = 12;
const ENV_H = 8;

/** React Flow's bezier control offset, so envelopes ride exactly on the drawn edges. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

const out = { x: 0, y: 0 };

/**
 * Point at `p` (0..1) on the edge from box a's right side (or bottom, for `side`) to box b's left
 * side, boxes given as x, y, width, height. Written out in numbers: the draw loop calls it 5,000
 * times a frame.
 */
function edgePoint(ax: number, ay: number, aw: number, ah: number, bx: number, by: number, bh: number, p: number, side: boolean): { x: number; y: number } {
  const sx = side ? ax + aw / 2 : ax + aw;
  const sy = side ? ay + ah : ay + ah / 2;
  const tx = bx;
  const ty = by + bh / 2;
  const c1x = side ? sx : sx + controlOffset(tx - sx);
  const c1y = side ? sy + controlOffset(ty - sy) : sy;
  const c2x = tx - controlOffset(tx - sx);
  const c2y = ty;
  const u = 1 - p;
  const a0 = u * u * u;
  const a1 = 3 * u * u * p;
  const a2 = 3 * u * p * p;
  const a3 = p * p * p;
  out.x = a0 * sx + a1 * c1x + a2 * c2x + a3 * tx;
  out.y = a0 * sy + a1 * c1y + a2 * c2y + a3 * ty;
  return out;
}

/** Point at `p` (0..1) on the edge from `a`'s right side (or bottom, for `side`) to `b`'s left side. */
export function pointOnEdge(a: NodeBox, b: NodeBox, p: number, side: boolean): { x: number; y: number } {
  return edgePoint(a.x, a.y, a.w, a.h, b.x, b.y, b.h, p, side);
}

/** Where the `i`-th message being processed at a consumer waits: in a row above its box. */
function parkedPoint(box: NodeBox, i: number): { x: number; y: number } {
  out.x = box.x + 8 + i * (ENV_W + 3) + ENV_W / 2;
  out.y = box.y - ENV_H / 2 - 4;
  return out;
}

/** Gentle ease in and out: a message starts and lands softly, but its timing stays true. */
const ease = (p: number) => p * p * (3 - 2 * p);

/** Where the flow is on the canvas: device pixels = (flow × zoom + x, y) × dpr. */
export interface View {
  x: number;
  y: number;
  zoom: number;
  dpr: number;
}

const BUCKETS = PALETTE_SIZE + 5;
const MARK_COLOURS = [ACK, REQUEUE, RETURN, DEAD, REPLY];
const bucketColour = (i: number) => (i < PALETTE_SIZE ? PALETTE[i] : MARK_COLOURS[i - PALETTE_SIZE]);

/** A 2D context on the page's canvas or on one handed to a worker. */
export type Graphics = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Draws one mark at (0, 0) in flow units, exactly as the vector path did. */
function paintMark(g: Graphics, ack: boolean, colour: string, dark: boolean): void {
  g.fillStyle = colour;
  g.beginPath();
  if (ack) g.arc(0, 0, 4, 0, Math.PI * 2);
  else g.rect(-ENV_W / 2, -ENV_H / 2, ENV_W, ENV_H);
  g.fill();
  // The envelope flap, and the tick of an ack.
  g.strokeStyle = dark ? 'rgba(9,9,11,0.75)' : 'rgba(255,255,255,0.9)';
  g.lineWidth = 1.2;
  g.beginPath();
  if (ack) {
    g.moveTo(-2, 0);
    g.lineTo(-0.5, 1.5);
    g.lineTo(2, -1.5);
  } else {
    g.moveTo(-ENV_W / 2 + 1, -ENV_H / 2 + 1);
    g.lineTo(0, 0.5);
    g.lineTo(ENV_W / 2 - 1, -ENV_H / 2 + 1);
  }
  g.stroke();
}

/** Steps an effect's fade is drawn in: near enough to smooth at 600 virtual ms, and few sprites. */
const FADE_STEPS = 8;
/** The cross of a dropped or unroutable message at its largest, in flow units. */
const CROSS_MAX = 2 * (4 + 6) + 2;

/** A faded mark for an effect `step` of FADE_STEPS in: an expired envelope, or a cross that grows as it fades. */
function paintEffect(g: Graphics, kind: number, step: number, dark: boolean): void {
  const k = (step + 0.5) / FADE_STEPS;
  g.globalAlpha = 1 - k;
  if (kind < PALETTE_SIZE) {
    // Fades where it waited (drifting up like smoke: the drift is the sprite's position).
    g.fillStyle = PALETTE[kind];
    g.fillRect(-ENV_W / 2, -ENV_H / 2, ENV_W, ENV_H);
    return;
  }
  g.strokeStyle = kind === PALETTE_SIZE ? RETURN : dark ? '#a1a1aa' : '#71717a';
  g.lineWidth = 2;
  const r = 4 + k * 6;
  g.beginPath();
  g.moveTo(-r, -r);
  g.lineTo(r, r);
  g.moveTo(r, -r);
  g.lineTo(-r, r);
  g.stroke();
}

/** Renders `paint` (in flow units around (0, 0), `size` across at most) at `scale` into a sprite. */
function renderSprite(scale: number, sizeW: number, sizeH: number, paint: (g: Graphics) => void): Sprite {
  const w = Math.max(1, Math.ceil(sizeW * scale) + 2);
  const h = Math.max(1, Math.ceil(sizeH * scale) + 2);
  const canvas: HTMLCanvasElement | OffscreenCanvas =
    typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const g = canvas.getContext('2d', { willReadFrequently: true }) as Graphics | null;
  const cx = w / 2;
  const cy = h / 2;
  if (!g) return { w: 0, h: 0, cx, cy, px: new Uint32Array(0), alpha: new Uint8Array(0) };
  g.setTransform(scale, 0, 0, scale, cx, cy);
  paint(g);
  const data = g.getImageData(0, 0, w, h).data;
  const px = new Uint32Array(data.buffer.slice(0));
  const alpha = new Uint8Array(w * h);
  for (let i = 0; i < alpha.length; i++) alpha[i] = data[i * 4 + 3];
  return { w, h, cx, cy, px, alpha };
}

/**
 * The marks layer in pixels: every mark and every effect is a sprite (rendered once per zoom level
 * and theme by the same canvas code) copied into one ImageData, which goes to the canvas in a
 * single putImageData. Thousands of filled and stroked paths cost Chromium's software rasteriser
 * tens of milliseconds a frame; copying small sprites costs a few.
 */
export class MarkLayer {
  private img: ImageData | null = null;
  private u32 = new Uint32Array(0);
  private width = 0;
  private height = 0;
  private sprites: CompiledSprite[] = [];
  /**
   * Effect sprites by kind (an expired envelope per palette colour, then the dropped and the
   * unroutable cross) and fade step, rendered when first needed.
   */
  private effects: (CompiledSprite | undefined)[] = [];
  private spriteKey = '';
  private scale = 1;
  private dark = false;
  private rect = [0, 0, 0, 0];
  /** Node boxes for this frame by the view's node index: x, y, width, height (x NaN: not on the canvas). */
  private boxes = new Float64Array(0);
  /** Rows the previous frame wrote, cleared before the next one. */
  private dirtyTop = 0;
  private dirtyBottom = 0;
  /** Bounding box of what this frame drew, in device pixels. */
  private x0 = 0;
  private y0 = 0;
  private x1 = 0;
  private y1 = 0;

  private prepare(ctx: Graphics, scale: number, dark: boolean): void {
    const { width, height } = ctx.canvas;
    if (!this.img || width !== this.width || height !== this.height) {
      this.img = ctx.createImageData(width, height);
      this.u32 = new Uint32Array(this.img.data.buffer);
      this.width = width;
      this.height = height;
      this.dirtyTop = this.dirtyBottom = 0;
    } else if (this.dirtyBottom > this.dirtyTop) {
      this.u32.fill(0, this.dirtyTop * width, this.dirtyBottom * width);
    }
    const key = `${Math.round(scale * 100)}|${dark}|${width}`;
    if (key !== this.spriteKey) {
      this.spriteKey = key;
      const q = Math.round(scale * 100) / 100;
      this.scale = q;
      this.dark = dark;
      this.sprites = Array.from({ length: BUCKETS }, (_, i) =>
        compileSprite(renderSprite(q, ENV_W, ENV_H, (g) => paintMark(g, i === PALETTE_SIZE, bucketColour(i), dark)), width),
      );
      this.effects = [];
    }
    this.x0 = width;
    this.y0 = height;
    this.x1 = 0;
    this.y1 = 0;
  }

  private effect(kind: number, step: number): CompiledSprite {
    const i = kind * FADE_STEPS + step;
    let c = this.effects[i];
    if (!c) {
      const size = kind < PALETTE_SIZE ? ENV_W : CROSS_MAX;
      c = compileSprite(renderSprite(this.scale, size, size, (g) => paintEffect(g, kind, step, this.dark)), this.width);
      this.effects[i] = c;
    }
    return c;
  }

  /** Copies a sprite centred on device pixel (x, y). */
  private blit(c: CompiledSprite, x: number, y: number): void {
    const r = this.rect;
    if (!blit(this.u32, this.width, this.height, c, Math.round(x - c.sprite.cx), Math.round(y - c.sprite.cy), r)) return;
    if (r[0] < this.x0) this.x0 = r[0];
    if (r[1] < this.y0) this.y0 = r[1];
    if (r[2] > this.x1) this.x1 = r[2];
    if (r[3] > this.y1) this.y1 = r[3];
  }

  /** Looks up every node the view knows once, rather than twice per flight. */
  private fillBoxes(view: MotionView, boxOf: BoxOf): Float64Array {
    const n = view.nodes.length;
    if (this.boxes.length < n * 4) this.boxes = new Float64Array(Math.max(64, n * 8));
    const boxes = this.boxes;
    for (let i = 0; i < n; i++) {
      const b = boxOf(view.nodes[i]);
      boxes[i * 4] = b ? b.x : NaN;
      if (b) {
        boxes[i * 4 + 1] = b.y;
        boxes[i * 4 + 2] = b.w;
        boxes[i * 4 + 3] = b.h;
      }
    }
    return boxes;
  }

  /**
   * Draws everything visible at virtual time `t` (the canvas is cleared first); returns how many
   * marks were in motion.
   */
  draw(ctx: Graphics, tracker: MotionView, boxOf: BoxOf, t: number, dark: boolean, view: View): number {
    const scale = view.zoom * view.dpr;
    const ox = view.x * view.dpr;
    const oy = view.y * view.dpr;
    this.prepare(ctx, scale, dark);
    const boxes = this.fillBoxes(tracker, boxOf);
    const { from, to, t0, t1, mark, color, flags } = tracker;
    let moving = 0;
    for (let i = 0; i < tracker.count; i++) {
      const start = t0[i];
      const end = t1[i];
      if (start > t || end < t) continue;
      const a = from[i] * 4;
      const b = to[i] * 4;
      if (Number.isNaN(boxes[a]) || Number.isNaN(boxes[b])) continue;
      const p = ease((t - start) / (end - start));
      // Acks and returns travel back along the edge they came by: the same curve, end to start.
      const f = flags[i];
      const pt = edgePoint(boxes[a], boxes[a + 1], boxes[a + 2], boxes[a + 3], boxes[b], boxes[b + 1], boxes[b + 3], f & 1 ? 1 - p : p, (f & 2) !== 0);
      const m = mark[i];
      this.blit(this.sprites[m === Mark.Message ? color[i] : PALETTE_SIZE + markSlot(m as Mark)], pt.x * scale + ox, pt.y * scale + oy);
      moving++;
    }
    // Messages being processed wait in a row above their consumer.
    perNode.clear();
    for (const p of tracker.parked.values()) {
      if (!isParked(p, t)) continue;
      const box = boxOf(p.node);
      if (!box) continue;
      const i = perNode.get(p.node) ?? 0;
      perNode.set(p.node, i + 1);
      if (i >= 8) continue;
      const pt = parkedPoint(box, i);
      this.blit(this.sprites[p.color], pt.x * scale + ox, pt.y * scale + oy);
    }
    for (const b of tracker.bursts) {
      if (b.t > t || b.t + EFFECT_MS < t) continue;
      const box = boxOf(b.node);
      if (!box) continue;
      const k = (t - b.t) / EFFECT_MS;
      const step = Math.min(FADE_STEPS - 1, Math.floor(k * FADE_STEPS));
      const x = box.x + box.w / 2;
      if (b.effect === Effect.Expired) {
        this.blit(this.effect(b.color, step), x * scale + ox, (box.y + box.h - 6 - k * 16) * scale + oy);
      } else {
        const y = b.effect === Effect.Unroutable ? box.y + box.h / 2 : box.y + box.h - 6;
        this.blit(this.effect(b.effect === Effect.Dropped ? PALETTE_SIZE : PALETTE_SIZE + 1, step), x * scale + ox, y * scale + oy);
      }
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    if (this.x1 > this.x0 && this.img) {
      ctx.putImageData(this.img, 0, 0, this.x0, this.y0, this.x1 - this.x0, this.y1 - this.y0);
      this.dirtyTop = this.y0;
      this.dirtyBottom = this.y1;
    } else this.dirtyTop = this.dirtyBottom = 0;
    return moving;
  }
}

const perNode = new Map<string, number>();

function markSlot(mark: Mark): number {
  switch (mark) {
    case Mark.Ack:
      return 0;
    case Mark.Requeue:
      return 1;
    case Mark.Return:
      return 2;
    case Mark.Reply:
      return 4;
    default:
      return 3;
  }
}

/** The flight nearest to a flow-space point at time `t`, within `radius`, for click-to-inspect. */
export function hitTest(tracker: MotionView, boxOf: BoxOf, t: number, fx: number, fy: number, radius = 10): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (let i = 0; i < tracker.count; i++) {
    const t0 = tracker.t0[i];
    const t1 = tracker.t1[i];
    if (t0 > t || t1 < t || tracker.mark[i] === Mark.Ack) continue;
    const a = boxOf(tracker.nodes[tracker.from[i]]);
    const b = boxOf(tracker.nodes[tracker.to[i]]);
    if (!a || !b) continue;
    const p = ease((t - t0) / (t1 - t0));
    const f = tracker.flags[i];
    const pt = pointOnEdge(a, b, f & 1 ? 1 - p : p, (f & 2) !== 0);
    const d = (pt.x - fx) ** 2 + (pt.y - fy) ** 2;
    if (d < bestD) {
      bestD = d;
      best = tracker.id[i];
    }
  }
  const perNode = new Map<string, number>();
  for (const p of tracker.parked.values()) {
    const box = boxOf(p.node);
    if (!box || !isParked(p, t)) continue;
    const i = perNode.get(p.node) ?? 0;
    perNode.set(p.node, i + 1);
    const pt = parkedPoint(box, i);
    const d = (pt.x - fx) ** 2 + (pt.y - fy) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p.id;
    }
  }
  return best;
}
