import { Deque } from '../kernel/deque';
import type { QEntry } from '../queues/consumer';

/**
 * A channel's unacked deliveries, ordered by delivery tag. Tags only grow, so acks in order are
 * O(1) and a single out-of-order ack is a binary search; settled slots are left as holes and
 * compacted from the head.
 */
export class UnackedList {
  private tags = new Deque<number>();
  private entries = new Deque<QEntry | null>();
  /** Live (unsettled) deliveries. */
  size = 0;

  add(tag: number, e: QEntry): void {
    this.tags.push(tag);
    this.entries.push(e);
    this.size++;
  }

  /** Index of a live delivery with this tag, or -1. */
  find(tag: number): number {
    // acks mostly come in delivery order: the head (never a hole, see compact) first
    if (this.tags.peek() === tag) return 0;
    let lo = 0;
    let hi = this.tags.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.tags.get(mid)!;
      if (t === tag) return this.entries.get(mid) ? mid : -1;
      if (t < tag) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Removes and returns the delivery at index i. */
  takeAt(i: number): QEntry {
    const e = this.entries.get(i)!;
    this.entries.set(i, null);
    this.size--;
    this.compact();
    return e;
  }

  /** Removes and returns every live delivery up to and including index i, in tag order. */
  takeUpTo(i: number): QEntry[] {
    const out: QEntry[] = [];
    for (let j = 0; j <= i; j++) {
      const e = this.entries.get(j);
      if (e) {
        out.push(e);
        this.entries.set(j, null);
        this.size--;
      }
    }
    this.compact();
    return out;
  }

  /** Removes and returns every live delivery, in tag order. */
  takeAll(): QEntry[] {
    return this.tags.length ? this.takeUpTo(this.tags.length - 1) : [];
  }

  /** Live deliveries in tag order (not removed). */
  list(): QEntry[] {
    const out: QEntry[] = [];
    for (const e of this.entries) if (e) out.push(e);
    return out;
  }

  private compact(): void {
    while (this.entries.length > 0 && this.entries.peek() === null) {
      this.entries.shift();
      this.tags.shift();
    }
  }
}
