/**
 * Batches kept for later (a log's events, frame by frame), never more of the oldest than a log of
 * `limit` items would show: the page's log keeps only its last `limit` events, so older batches
 * are dropped unread as newer ones come. The newest batch is always kept, whatever its size.
 */
export class BoundedBatches<T> {
  private batches: T[] = [];
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly sizeOf: (batch: T) => number,
  ) {}

  push(batch: T): void {
    this.batches.push(batch);
    this.count += this.sizeOf(batch);
    while (this.batches.length > 1 && this.count - this.sizeOf(this.batches[0]) >= this.limit) this.count -= this.sizeOf(this.batches.shift()!);
  }

  /** The batches kept, oldest first; none are kept after. */
  take(): T[] {
    const out = this.batches;
    this.clear();
    return out;
  }

  clear(): void {
    this.batches = [];
    this.count = 0;
  }

  get size(): number {
    return this.batches.length;
  }
}
