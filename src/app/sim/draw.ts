/**
 * Drawing the message layer: envelopes along the same bezier curves the edges use, as sprites
 * copied into one bitmap per frame (see MarkLayer), and short effects on top.
 */
import { EFFECT_MS, Effect, Mark, PALETTE_SIZE, type FlightSource } from '../../worker/flights';
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

const ENV_W = 12;
const ENV_H = 8;

/** React Flow's bezier control offset, so envelopes ride exactly on the drawn edges. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

const out = { x: 0, y: 0 };

/** Point at `p` (0..1) on the edge from `a`'s right side (or bottom, for `side`) to `b`'s left side. */
export function pointOnEdge(a: NodeBox, b: NodeBox, p: number, side: boolean): { x: number; y: number } {
  const sx = side ? a.x + a.w / 2 : a.x + a.w;
  const sy = side ? a.y + a.h : a.y + a.h / 2;
  const tx = b.x;
  const ty = b.y + b.h / 2;
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

/** Gentle ease in and out: a message starts and lands softly, but its timing stays true. */
const ease = (p: number) => p * p * (3 - 2 * p);

/** Where the flow is on the canvas: device pixels = (flow × zoom + x, y) × dpr. */
export interface View {
  x: number;
  y: number;
  zoom: number;
  dpr: number;
}

const BUCKETS = PALETTE_SIZE + 4;
const MARK_COLOURS = [ACK, REQUEUE, RETURN, DEAD];
const bucketColour = (i: number) => (i < PALETTE_SIZE ? PALETTE[i] : MARK_COLOURS[i - PALETTE_SIZE]);

/** Draws one mark at (0, 0) in flow units, exactly as the vector path did. */
function paintMark(g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, ack: boolean, colour: string, dark: boolean): void {
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

function renderSprite(scale: number, ack: boolean, colour: string, dark: boolean): Sprite {
  const w = Math.max(1, Math.ceil(ENV_W * scale) + 2);
  const h = Math.max(1, Math.ceil(ENV_H * scale) + 2);
  const canvas: HTMLCanvasElement | OffscreenCanvas =
    typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const g = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  const cx = w / 2;
  const cy = h / 2;
  if (!g) return { w: 0, h: 0, cx, cy, px: new Uint32Array(0), alpha: new Uint8Array(0) };
  g.setTransform(scale, 0, 0, scale, cx, cy);
  paintMark(g, ack, colour, dark);
  const data = g.getImageData(0, 0, w, h).data;
  const px = new Uint32Array(data.buffer.slice(0));
  const alpha = new Uint8Array(w * h);
  for (let i = 0; i < alpha.length; i++) alpha[i] = data[i * 4 + 3];
  return { w, h, cx, cy, px, alpha };
}

/**
 * The marks layer in pixels: every mark is a sprite (rendered once per zoom level and theme by the
 * same canvas code) copied into one ImageData, which goes to the canvas in a single putImageData.
 * Thousands of filled and stroked paths cost Chromium's software rasteriser tens of milliseconds
 * a frame; copying small sprites costs a few.
 */
export class MarkLayer {
  private img: ImageData | null = null;
  private u32 = new Uint32Array(0);
  private width = 0;
  private height = 0;
  private sprites: CompiledSprite[] = [];
  private spriteKey = '';
  private rect = [0, 0, 0, 0];
  /** Rows the previous frame wrote, cleared before the next one. */
  private dirtyTop = 0;
  private dirtyBottom = 0;
  /** Bounding box of what this frame drew, in device pixels. */
  private x0 = 0;
  private y0 = 0;
  private x1 = 0;
  private y1 = 0;

  private prepare(ctx: CanvasRenderingContext2D, scale: number, dark: boolean): void {
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
      this.sprites = Array.from({ length: BUCKETS }, (_, i) => compileSprite(renderSprite(q, i === PALETTE_SIZE, bucketColour(i), dark), width));
    }
    this.x0 = width;
    this.y0 = height;
    this.x1 = 0;
    this.y1 = 0;
  }

  /** Copies sprite `bucket` centred on device pixel (x, y). */
  private blit(bucket: number, x: number, y: number): void {
    const c = this.sprites[bucket];
    const r = this.rect;
    if (!blit(this.u32, this.width, this.height, c, Math.round(x - c.sprite.cx), Math.round(y - c.sprite.cy), r)) return;
    if (r[0] < this.x0) this.x0 = r[0];
    if (r[1] < this.y0) this.y0 = r[1];
    if (r[2] > this.x1) this.x1 = r[2];
    if (r[3] > this.y1) this.y1 = r[3];
  }

  /**
   * Draws everything visible at virtual time `t` (the canvas is cleared first); returns how many
   * marks were in motion.
   */
  draw(ctx: CanvasRenderingContext2D, tracker: FlightSource, boxOf: BoxOf, t: number, dark: boolean, view: View): number {
    const scale = view.zoom * view.dpr;
    const ox = view.x * view.dpr;
    const oy = view.y * view.dpr;
    this.prepare(ctx, scale, dark);
    let moving = 0;
    for (const f of tracker.flights) {
      if (f.t0 > t || f.t1 < t) continue;
      const a = boxOf(f.from);
      const b = boxOf(f.to);
      if (!a || !b) continue;
      const p = ease((t - f.t0) / (f.t1 - f.t0));
      // Acks and returns travel back along the edge they came by: the same curve, end to start.
      const pt = pointOnEdge(a, b, f.reverse ? 1 - p : p, f.side);
      const bucket = f.mark === Mark.Message ? f.color : PALETTE_SIZE + markSlot(f.mark);
      this.blit(bucket, pt.x * scale + ox, pt.y * scale + oy);
      moving++;
    }
    // Messages being processed wait in a row above their consumer.
    perNode.clear();
    for (const p of tracker.parked.values()) {
      if (p.t > t) continue;
      const box = boxOf(p.node);
      if (!box) continue;
      const i = perNode.get(p.node) ?? 0;
      perNode.set(p.node, i + 1);
      if (i >= 8) continue;
      this.blit(p.color, (box.x + 8 + i * (ENV_W + 3) + ENV_W / 2) * scale + ox, (box.y - ENV_H / 2 - 4) * scale + oy);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    if (this.x1 > this.x0 && this.img) {
      ctx.putImageData(this.img, 0, 0, this.x0, this.y0, this.x1 - this.x0, this.y1 - this.y0);
      this.dirtyTop = this.y0;
      this.dirtyBottom = this.y1;
    } else this.dirtyTop = this.dirtyBottom = 0;
    if (tracker.bursts.length) {
      ctx.setTransform(scale, 0, 0, scale, ox, oy);
      drawBursts(ctx, tracker, boxOf, t, dark);
    }
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
    default:
      return 3;
  }
}

function drawBursts(ctx: CanvasRenderingContext2D, tracker: FlightSource, boxOf: BoxOf, t: number, dark: boolean): void {
  for (const b of tracker.bursts) {
    if (b.t > t || b.t + EFFECT_MS < t) continue;
    const box = boxOf(b.node);
    if (!box) continue;
    const k = (t - b.t) / EFFECT_MS;
    const x = box.x + box.w / 2;
    const y = b.effect === Effect.Unroutable ? box.y + box.h / 2 : box.y + box.h - 6;
    ctx.globalAlpha = 1 - k;
    if (b.effect === Effect.Expired) {
      // Fades where it waited, drifting up like smoke.
      ctx.fillStyle = PALETTE[b.color];
      ctx.fillRect(x - ENV_W / 2, y - ENV_H / 2 - k * 16, ENV_W, ENV_H);
    } else {
      ctx.strokeStyle = b.effect === Effect.Dropped ? RETURN : dark ? '#a1a1aa' : '#71717a';
      ctx.lineWidth = 2;
      const r = 4 + k * 6;
      ctx.beginPath();
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}

/** The flight nearest to a flow-space point at time `t`, within `radius`, for click-to-inspect. */
export function hitTest(tracker: FlightSource, boxOf: BoxOf, t: number, fx: number, fy: number, radius = 10): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (const f of tracker.flights) {
    if (f.t0 > t || f.t1 < t || f.mark === Mark.Ack) continue;
    const a = boxOf(f.from);
    const b = boxOf(f.to);
    if (!a || !b) continue;
    const p = ease((t - f.t0) / (f.t1 - f.t0));
    const pt = pointOnEdge(a, b, f.reverse ? 1 - p : p, f.side);
    const d = (pt.x - fx) ** 2 + (pt.y - fy) ** 2;
    if (d < bestD) {
      bestD = d;
      best = f.id;
    }
  }
  const perNode = new Map<string, number>();
  for (const p of tracker.parked.values()) {
    const box = boxOf(p.node);
    if (!box || p.t > t) continue;
    const i = perNode.get(p.node) ?? 0;
    perNode.set(p.node, i + 1);
    const d = (box.x + 8 + i * (ENV_W + 3) + ENV_W / 2 - fx) ** 2 + (box.y - ENV_H / 2 - 4 - fy) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p.id;
    }
  }
  return best;
}
