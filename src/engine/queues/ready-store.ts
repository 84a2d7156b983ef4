import type { MemoryMeterPort } from './ports';
import { Deque } from '../kernel/deque';
import type { QEntry } from './consumer';

/**
 * The ready messages of a queue: one FIFO, or one FIFO per priority (x-max-priority), highest
 * first. Requeued messages go back to their original position (ordered by queue sequence).
 */
export class ReadyStore {
  private buckets: Deque<QEntry>[];
  length = 0;
  bytes = 0;

  constructor(readonly maxPriority: number, private readonly meter: MemoryMeterPort) {
    const n = maxPriority >= 0 ? maxPriority + 1 : 1;
    this.buckets = Array.from({ length: n }, () => new Deque<QEntry>());
  }

  private bucket(e: QEntry): Deque<QEntry> {
    if (this.buckets.length === 1) return this.buckets[0];
    const p = e.msg.priority;
    return this.buckets[p > this.maxPriority ? this.maxPriority : p];
  }

  push(e: QEntry): void {
    this.bucket(e).push(e);
    this.length++;
    this.grow(e.msg.size);
  }

  private grow(n: number): void {
    this.bytes += n;
    const m = this.meter;
    if ((m.bytes += n) > m.high) m.cross();
  }

  private shrink(n: number): void {
    this.bytes -= n;
    const m = this.meter;
    if ((m.bytes -= n) < m.low) m.cross();
  }

  /** Puts a message back at its original position (by sequence number). */
  insertBySeq(e: QEntry): void {
    const b = this.bucket(e);
    const last = b.peekLast();
    if (!last || last.seq < e.seq) {
      const first = b.peek();
      if (first && first.seq > e.seq) b.unshift(e);
      else b.push(e);
    } else {
      const seq = e.seq;
      b.insertWhere(e, (x) => x.seq > seq);
    }
    this.length++;
    this.grow(e.msg.size);
  }

  /** The message that would be delivered next. */
  head(): QEntry | undefined {
    const bs = this.buckets;
    for (let i = bs.length - 1; i >= 0; i--) if (bs[i].length) return bs[i].peek();
    return undefined;
  }

  shift(): QEntry | undefined {
    const bs = this.buckets;
    for (let i = bs.length - 1; i >= 0; i--) {
      if (bs[i].length) {
        const e = bs[i].shift()!;
        this.length--;
        this.shrink(e.msg.size);
        return e;
      }
    }
    return undefined;
  }

  /**
   * An expired head, by `now`, as RabbitMQ 3.10's dropwhile finds it: the priorities are walked from the
   * highest, an empty one passes the walk on, and the first whose head has not expired stops it. Only heads
   * expire (a long-TTL head blocks those behind it). The queue only looks at certain moments (see
   * Queue.dropExpired), which is why a TTL message that jumped ahead of older, lower-priority messages may
   * never expire.
   */
  takeExpired(now: number): QEntry | undefined {
    const bs = this.buckets;
    for (let i = bs.length - 1; i >= 0; i--) {
      const h = bs[i].peek();
      if (!h) continue;
      if (h.expiry > now) return undefined;
      bs[i].shift();
      this.length--;
      this.shrink(h.msg.size);
      return h;
    }
    return undefined;
  }

  /** The expiry of the head, where the queue's TTL timer is set (Infinity if none). */
  nextExpiry(): number {
    const h = this.head();
    return h ? h.expiry : Infinity;
  }

  /** Removes and returns everything, in delivery order. */
  clear(): QEntry[] {
    const out = this.toArray();
    for (const b of this.buckets) b.clear();
    this.length = 0;
    this.shrink(this.bytes);
    return out;
  }

  /** Keeps the entries `keep` accepts, in their places, and hands each other one to `drop` (in delivery order). */
  retain(keep: (e: QEntry) => boolean, drop: (e: QEntry) => void): void {
    for (const e of this.clear()) {
      if (keep(e)) this.push(e);
      else drop(e);
    }
  }

  /** Lowest sequence number among the ready messages, or Infinity. */
  minSeq(): number {
    let m = Infinity;
    for (const e of this.toArray()) if (e.seq < m) m = e.seq;
    return m;
  }

  toArray(): QEntry[] {
    const out: QEntry[] = [];
    for (let i = this.buckets.length - 1; i >= 0; i--) for (const e of this.buckets[i]) out.push(e);
    return out;
  }
}
