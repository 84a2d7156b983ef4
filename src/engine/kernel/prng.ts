/** Serializable state of the PRNG: four 32-bit words. */
export type PrngState = [number, number, number, number];

/**
 * sfc32, a small fast counter PRNG with 128 bits of state that can be saved and restored, so a
 * run can be reproduced or resumed. Seeded through splitmix32.
 */
export class Prng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number | string = 1) {
    this.seed(seed);
  }

  seed(seed: number | string): void {
    let s = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** `n` characters of RabbitMQ's url-safe base64 alphabet (as in `amq.gen-…` names). */
  base64url(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += B64[this.nextUint32() & 63];
    return s;
  }

  getState(): PrngState {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  setState(state: PrngState): void {
    if (!Array.isArray(state) || state.length !== 4 || state.some((x) => typeof x !== 'number')) {
      throw new TypeError('PRNG state must be an array of four numbers');
    }
    [this.a, this.b, this.c, this.d] = state.map((x) => x | 0) as PrngState;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
