/**
 * Counter history sampled from successive frames, in virtual time, for rates (msg/s) and
 * sparklines. Pure: frames go in, numbers come out.
 */
import type { NodeCounters } from '../../worker/protocol';

export interface Sample {
  t: number;
  counters: Record<string, NodeCounters>;
}

export type Field = keyof NodeCounters;

const num = (c: NodeCounters | undefined, f: Field): number => {
  const v = c?.[f];
  return typeof v === 'number' ? v : 0;
};

export class CounterHistory {
  samples: Sample[] = [];

  /**
   * @param sampleMs keep at most one sample per this much virtual time
   * @param keepMs how much virtual time to remember
   */
  constructor(readonly sampleMs = 200, readonly keepMs = 30_000) {}

  /** Adds a frame's counters; returns whether it became a sample. Time going back starts over. */
  push(t: number, counters: Record<string, NodeCounters>): boolean {
    const last = this.samples[this.samples.length - 1];
    if (last && t < last.t) this.samples = [];
    else if (last && t - last.t < this.sampleMs) return false;
    this.samples.push({ t, counters });
    const cut = t - this.keepMs;
    let drop = 0;
    while (drop < this.samples.length - 1 && this.samples[drop].t < cut) drop++;
    if (drop) this.samples.splice(0, drop);
    return true;
  }

  clear(): void {
    this.samples = [];
  }

  /** Increase of a cumulative counter per second of virtual time over the last `windowMs`. */
  rate(id: string, field: Field, windowMs = 5_000): number {
    const n = this.samples.length;
    if (n < 2) return 0;
    const last = this.samples[n - 1];
    let i = n - 2;
    while (i > 0 && this.samples[i - 1].t >= last.t - windowMs) i--;
    const first = this.samples[i];
    const dt = last.t - first.t;
    if (dt <= 0) return 0;
    return Math.max(0, ((num(last.counters[id], field) - num(first.counters[id], field)) * 1000) / dt);
  }

  /** Values of `pick` over the remembered samples, oldest first (for a sparkline). */
  series(id: string, pick: (c: NodeCounters | undefined) => number): number[] {
    return this.samples.map((s) => pick(s.counters[id]));
  }
}

/** `12.5` → "12.5", `0.04` → "0.04", big numbers without decimals. */
export function formatRate(r: number): string {
  if (r === 0) return '0';
  if (r >= 100) return String(Math.round(r));
  if (r >= 10) return r.toFixed(1).replace(/\.0$/, '');
  return r.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}
