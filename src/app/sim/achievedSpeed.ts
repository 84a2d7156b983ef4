/**
 * The speed a playing run keeps on this machine, from the refreshes' virtual times against the
 * wall: the transport shows it where it falls short of the speed asked (a slow machine; the
 * workers keep to their share of the CPU, worker/duty-cycle.ts), so a run that looks slow says why.
 */

/** Wall ms over which the speed is measured: long enough that one late refresh does not sway it. */
const WINDOW_MS = 2000;

export class AchievedSpeed {
  private from: { t: number; wall: number } | null = null;
  private speed: number | null = null;

  /** A refresh at virtual time `t`, wall time `wall` (ms); the speed measured (virtual ms per wall ms), or null while not known. */
  sample(t: number, playing: boolean, wall: number): number | null {
    if (!playing || (this.from && t < this.from.t)) {
      // Paused, or gone back (a seek, a new run): start over.
      this.from = playing ? { t, wall } : null;
      this.speed = null;
      return null;
    }
    if (!this.from) this.from = { t, wall };
    else if (wall - this.from.wall >= WINDOW_MS) {
      this.speed = (t - this.from.t) / (wall - this.from.wall);
      this.from = { t, wall };
    }
    return this.speed;
  }
}

/** The speed to show beside the asked one, rounded, or null where the run keeps (nearly) up. */
export function shortfall(achieved: number | null, asked: number): number | null {
  if (achieved === null || achieved >= asked * 0.8) return null;
  if (achieved < 1) return Math.round(achieved * 100) / 100;
  return achieved < 10 ? Math.round(achieved * 10) / 10 : Math.round(achieved);
}
