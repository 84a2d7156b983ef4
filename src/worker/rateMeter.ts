/** Events per wall second over the last second or so, in a few buckets. */
export class RateMeter {
  private buckets = [0, 0, 0, 0];
  private bucketStart = 0;
  private current = 0;

  add(n: number, now: number): void {
    if (now - this.bucketStart >= 250) {
      this.current = (this.current + 1) % this.buckets.length;
      this.buckets[this.current] = 0;
      this.bucketStart = now;
    }
    this.buckets[this.current] += n;
  }

  perSecond(): number {
    return this.buckets.reduce((a, b) => a + b, 0);
  }
}
