/**
 * Drawing the message layer: envelopes along the same bezier curves the edges use, batched by
 * colour so that thousands of marks cost a handful of canvas calls.
 */
import { EFFECT_MS, Effect, Mark, PALETTE_SIZE, type FlightTracker } from './flights';

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

const buckets: number[][] = Array.from({ length: PALETTE_SIZE + 4 }, () => []);

/** Draws everything visible at virtual time `t`; returns how many marks were in motion. */
export function drawLayer(ctx: CanvasRenderingContext2D, tracker: FlightTracker, boxOf: BoxOf, t: number, dark: boolean): number {
  for (const b of buckets) b.length = 0;
  let moving = 0;
  for (const f of tracker.flights) {
    if (f.t0 > t || f.t1 < t) continue;
    const a = boxOf(f.from);
    const b = boxOf(f.to);
    if (!a || !b) continue;
    const p = ease((t - f.t0) / (f.t1 - f.t0));
    // Acks and returns travel back along the edge they came by.
    const pt = f.reverse ? pointOnEdge(b, a, 1 - p, f.side) : pointOnEdge(a, b, p, f.side);
    const bucket = f.mark === Mark.Message ? f.color : PALETTE_SIZE + markSlot(f.mark);
    buckets[bucket].push(pt.x, pt.y, f.mark);
    moving++;
  }
  // Messages being processed wait in a row above their consumer.
  const perNode = new Map<string, number>();
  for (const p of tracker.parked.values()) {
    if (p.t > t) continue;
    const box = boxOf(p.node);
    if (!box) continue;
    const i = perNode.get(p.node) ?? 0;
    perNode.set(p.node, i + 1);
    if (i >= 8) continue;
    buckets[p.color].push(box.x + 8 + i * (ENV_W + 3) + ENV_W / 2, box.y - ENV_H / 2 - 4, Mark.Message);
  }
  for (let i = 0; i < buckets.length; i++) {
    const list = buckets[i];
    if (!list.length) continue;
    const colour = i < PALETTE_SIZE ? PALETTE[i] : [ACK, REQUEUE, RETURN, DEAD][i - PALETTE_SIZE];
    drawMarks(ctx, list, colour, dark);
  }
  drawBursts(ctx, tracker, boxOf, t, dark);
  return moving;
}

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

function drawMarks(ctx: CanvasRenderingContext2D, list: number[], colour: string, dark: boolean): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  for (let i = 0; i < list.length; i += 3) {
    const x = list[i];
    const y = list[i + 1];
    if (list[i + 2] === Mark.Ack) {
      ctx.moveTo(x + 4, y);
      ctx.arc(x, y, 4, 0, Math.PI * 2);
    } else ctx.rect(x - ENV_W / 2, y - ENV_H / 2, ENV_W, ENV_H);
  }
  ctx.fill();
  // The envelope flap, and the tick of an ack.
  ctx.strokeStyle = dark ? 'rgba(9,9,11,0.75)' : 'rgba(255,255,255,0.9)';
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  for (let i = 0; i < list.length; i += 3) {
    const x = list[i];
    const y = list[i + 1];
    if (list[i + 2] === Mark.Ack) {
      ctx.moveTo(x - 2, y);
      ctx.lineTo(x - 0.5, y + 1.5);
      ctx.lineTo(x + 2, y - 1.5);
    } else {
      ctx.moveTo(x - ENV_W / 2 + 1, y - ENV_H / 2 + 1);
      ctx.lineTo(x, y + 0.5);
      ctx.lineTo(x + ENV_W / 2 - 1, y - ENV_H / 2 + 1);
    }
  }
  ctx.stroke();
}

function drawBursts(ctx: CanvasRenderingContext2D, tracker: FlightTracker, boxOf: BoxOf, t: number, dark: boolean): void {
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
export function hitTest(tracker: FlightTracker, boxOf: BoxOf, t: number, fx: number, fy: number, radius = 10): number | null {
  let best: number | null = null;
  let bestD = radius * radius;
  for (const f of tracker.flights) {
    if (f.t0 > t || f.t1 < t || f.mark === Mark.Ack) continue;
    const a = boxOf(f.from);
    const b = boxOf(f.to);
    if (!a || !b) continue;
    const p = ease((t - f.t0) / (f.t1 - f.t0));
    const pt = f.reverse ? pointOnEdge(b, a, 1 - p, f.side) : pointOnEdge(a, b, p, f.side);
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
