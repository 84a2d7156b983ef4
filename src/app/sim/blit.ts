/**
 * Copying a mark's sprite into the layer's pixels. A sprite is compiled once per canvas width
 * into the offsets of its opaque and its edge pixels, so a mark wholly inside the canvas costs
 * one store per opaque pixel and a blend per edge pixel, with no test for the transparent ones;
 * a mark across the border takes the careful, clipped path.
 */

/** A pre-rendered mark: its pixels (RGBA as little-endian ABGR words) and where its centre is. */
export interface Sprite {
  w: number;
  h: number;
  cx: number;
  cy: number;
  px: Uint32Array;
  /** 0: transparent, 255: opaque, else blended. */
  alpha: Uint8Array;
}

/** A sprite's non-transparent pixels as offsets into a canvas of one width. */
export interface CompiledSprite {
  sprite: Sprite;
  width: number;
  opaqueAt: Int32Array;
  opaque: Uint32Array;
  edgeAt: Int32Array;
  edge: Uint32Array;
  edgeAlpha: Uint8Array;
}

export function compileSprite(sprite: Sprite, width: number): CompiledSprite {
  const opaqueAt: number[] = [];
  const opaque: number[] = [];
  const edgeAt: number[] = [];
  const edge: number[] = [];
  const edgeAlpha: number[] = [];
  for (let y = 0; y < sprite.h; y++) {
    for (let x = 0; x < sprite.w; x++) {
      const i = y * sprite.w + x;
      const a = sprite.alpha[i];
      if (a === 255) {
        opaqueAt.push(y * width + x);
        opaque.push(sprite.px[i]);
      } else if (a !== 0) {
        edgeAt.push(y * width + x);
        edge.push(sprite.px[i]);
        edgeAlpha.push(a);
      }
    }
  }
  return {
    sprite,
    width,
    opaqueAt: Int32Array.from(opaqueAt),
    opaque: Uint32Array.from(opaque),
    edgeAt: Int32Array.from(edgeAt),
    edge: Uint32Array.from(edge),
    edgeAlpha: Uint8Array.from(edgeAlpha),
  };
}

/** An edge pixel over what is already there: onto nothing as it is, over another mark mixed. */
function blend(u32: Uint32Array, d: number, p: number, a: number): void {
  const under = u32[d];
  if (under >>> 24 === 0) {
    u32[d] = p;
    return;
  }
  // Edge pixel over another mark: mix the colours, keep the stronger alpha.
  const k = a / 255;
  const r = (p & 0xff) * k + (under & 0xff) * (1 - k);
  const g = ((p >>> 8) & 0xff) * k + ((under >>> 8) & 0xff) * (1 - k);
  const b = ((p >>> 16) & 0xff) * k + ((under >>> 16) & 0xff) * (1 - k);
  u32[d] = ((Math.max(a, under >>> 24) << 24) | ((b & 0xff) << 16) | ((g & 0xff) << 8) | (r & 0xff)) >>> 0;
}

/**
 * Copies `c`'s sprite with its top-left corner at (left, top) into a `width` × `height` canvas.
 * Returns false when none of it was inside; otherwise puts the rectangle written in `out` as
 * [x0, y0, x1, y1].
 */
export function blit(u32: Uint32Array, width: number, height: number, c: CompiledSprite, left: number, top: number, out: number[]): boolean {
  const s = c.sprite;
  if (left >= 0 && top >= 0 && left + s.w <= width && top + s.h <= height && c.width === width) {
    const base = top * width + left;
    const { opaqueAt, opaque, edgeAt, edge, edgeAlpha } = c;
    for (let k = 0; k < opaqueAt.length; k++) u32[base + opaqueAt[k]] = opaque[k];
    for (let k = 0; k < edgeAt.length; k++) blend(u32, base + edgeAt[k], edge[k], edgeAlpha[k]);
    out[0] = left;
    out[1] = top;
    out[2] = left + s.w;
    out[3] = top + s.h;
    return true;
  }
  const sx0 = left < 0 ? -left : 0;
  const sy0 = top < 0 ? -top : 0;
  const sx1 = Math.min(s.w, width - left);
  const sy1 = Math.min(s.h, height - top);
  if (sx0 >= sx1 || sy0 >= sy1) return false;
  for (let sy = sy0; sy < sy1; sy++) {
    let d = (top + sy) * width + left + sx0;
    let i = sy * s.w + sx0;
    for (let sx = sx0; sx < sx1; sx++, d++, i++) {
      const a = s.alpha[i];
      if (a === 255) u32[d] = s.px[i];
      else if (a !== 0) blend(u32, d, s.px[i], a);
    }
  }
  out[0] = left + sx0;
  out[1] = top + sy0;
  out[2] = left + sx1;
  out[3] = top + sy1;
  return true;
}
