import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blit, compileSprite, type Sprite } from './blit';

/** A small sprite: an opaque core, a ring of half-transparent edge pixels, transparent corners. */
function sprite(w: number, h: number, colour: number): Sprite {
  const px = new Uint32Array(w * h);
  const alpha = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const corner = (x === 0 || x === w - 1) && (y === 0 || y === h - 1);
      const edge = x === 0 || y === 0 || x === w - 1 || y === h - 1;
      alpha[i] = corner ? 0 : edge ? 128 : 255;
      px[i] = corner ? 0 : ((alpha[i] << 24) | colour) >>> 0;
    }
  }
  return { w, h, cx: w / 2, cy: h / 2, px, alpha };
}

/** The plain per-pixel copy the compiled one must equal. */
function reference(u32: Uint32Array, width: number, height: number, s: Sprite, left: number, top: number): void {
  for (let sy = 0; sy < s.h; sy++) {
    for (let sx = 0; sx < s.w; sx++) {
      const x = left + sx;
      const y = top + sy;
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const i = sy * s.w + sx;
      const d = y * width + x;
      const a = s.alpha[i];
      if (a === 255) u32[d] = s.px[i];
      else if (a !== 0) {
        const under = u32[d];
        if (under >>> 24 === 0) u32[d] = s.px[i];
        else {
          const p = s.px[i];
          const k = a / 255;
          const r = (p & 0xff) * k + (under & 0xff) * (1 - k);
          const g = ((p >>> 8) & 0xff) * k + ((under >>> 8) & 0xff) * (1 - k);
          const b = ((p >>> 16) & 0xff) * k + ((under >>> 16) & 0xff) * (1 - k);
          u32[d] = ((Math.max(a, under >>> 24) << 24) | ((b & 0xff) << 16) | ((g & 0xff) << 8) | (r & 0xff)) >>> 0;
        }
      }
    }
  }
}

describe('blit', () => {
  it('writes exactly what a per-pixel copy writes, inside, across the border and over other marks', () => {
    const W = 40;
    const H = 30;
    const sprites = [sprite(8, 6, 0x3b82f6), sprite(5, 5, 0x10b981), sprite(14, 10, 0xf59e0b)];
    const compiled = sprites.map((s) => compileSprite(s, W));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -16, max: W + 2 }), fc.integer({ min: -12, max: H + 2 })), { maxLength: 30 }), (marks) => {
        const got = new Uint32Array(W * H);
        const want = new Uint32Array(W * H);
        const rect = [0, 0, 0, 0];
        for (const [k, x, y] of marks) {
          const inside = blit(got, W, H, compiled[k], x, y, rect);
          reference(want, W, H, sprites[k], x, y);
          const s = sprites[k];
          expect(inside).toBe(x < W && y < H && x + s.w > 0 && y + s.h > 0);
          if (inside) expect(rect).toEqual([Math.max(0, x), Math.max(0, y), Math.min(W, x + s.w), Math.min(H, y + s.h)]);
        }
        expect(got).toEqual(want);
      }),
    );
  });
});
