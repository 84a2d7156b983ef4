/**
 * A ring-buffer double-ended queue: O(1) push/shift/unshift/pop, indexed access, and an ordered
 * insert for requeued messages (which go back near the head, so the walk is short).
 */
export class Deque<T> {
  private buf: (T | undefined)[];
  private head = 0;
  private len = 0;

  constructor(capacity = 16) {
    let c = 16;
    while (c < capacity) c <<= 1;
    this.buf = new Array(c);
  }

  get length(): number {
    return this.len;
  }

  push(v: T): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) & (this.buf.length - 1)] = v;
    this.len++;
  }

  unshift(v: T): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.len++;
  }

  shift(): T | undefined {
    if (this.len === 0) return undefined;
    const v = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.len--;
    return v;
  }

  pop(): T | undefined {
    if (this.len === 0) return undefined;
    const i = (this.head + this.len - 1) & (this.buf.length - 1);
    const v = this.buf[i];
    this.buf[i] = undefined;
    this.len--;
    return v;
  }

  peek(): T | undefined {
    return this.len === 0 ? undefined : this.buf[this.head];
  }

  peekLast(): T | undefined {
    return this.len === 0 ? undefined : this.buf[(this.head + this.len - 1) & (this.buf.length - 1)];
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.len) return undefined;
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }

  set(i: number, v: T): void {
    if (i < 0 || i >= this.len) throw new RangeError('deque index out of range');
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }

  /** Inserts before the first element for which `before(existing)` is true (else at the tail). */
  insertWhere(v: T, before: (existing: T) => boolean): void {
    let i = 0;
    while (i < this.len && !before(this.get(i)!)) i++;
    this.insertAt(i, v);
  }

  insertAt(i: number, v: T): void {
    if (i <= 0) return this.unshift(v);
    if (i >= this.len) return this.push(v);
    this.push(v); // grow by one, then shift the tail right
    for (let j = this.len - 1; j > i; j--) this.set(j, this.get(j - 1)!);
    this.set(i, v);
  }

  removeAt(i: number): T | undefined {
    if (i < 0 || i >= this.len) return undefined;
    const v = this.get(i);
    if (i === 0) return this.shift();
    for (let j = i; j < this.len - 1; j++) this.set(j, this.get(j + 1)!);
    this.pop();
    return v;
  }

  clear(): void {
    this.buf = new Array(16);
    this.head = 0;
    this.len = 0;
  }

  toArray(): T[] {
    const out: T[] = new Array(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.get(i)!;
    return out;
  }

  [Symbol.iterator](): Iterator<T> {
    let i = 0;
    return { next: () => (i < this.len ? { value: this.get(i++)!, done: false } : { value: undefined, done: true }) };
  }

  private grow(): void {
    const old = this.buf;
    const n = old.length;
    const next: (T | undefined)[] = new Array(n * 2);
    for (let i = 0; i < this.len; i++) next[i] = old[(this.head + i) & (n - 1)];
    this.buf = next;
    this.head = 0;
  }
}
