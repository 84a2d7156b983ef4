/**
 * What the message layer remembers per message id (its colour, where it came from…), bounded to the
 * newest ids, and cheap to checkpoint. Message ids only grow, so entries sit in chunks of consecutive
 * ids; forgetting the oldest drops whole chunks. A checkpoint's copy (engine/kernel/copy.ts) shares
 * the chunks rather than copying thousands of entries: whichever side writes to a shared chunk next
 * copies that chunk first.
 */
import { COPY } from './copy-hook';

const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;

export class IdMap<V> {
  private chunks: (V | undefined)[][] = [];
  /** Chunks this map may write to: it made them or copied them since the last checkpoint. */
  private own = new Set<(V | undefined)[]>();
  /** The oldest chunk still kept. */
  private first = 0;

  /** `memory`: about how many of the newest ids to keep (whole chunks). */
  constructor(private readonly memory: number) {}

  get(id: number): V | undefined {
    return this.chunks[id >>> CHUNK_BITS]?.[id & (CHUNK - 1)];
  }

  remember(id: number, v: V): void {
    this.writable(id >>> CHUNK_BITS)[id & (CHUNK - 1)] = v;
  }

  /** Forgets `id`; says whether it was there. */
  delete(id: number): boolean {
    const c = this.chunks[id >>> CHUNK_BITS];
    if (c?.[id & (CHUNK - 1)] === undefined) return false;
    this.writable(id >>> CHUNK_BITS)[id & (CHUNK - 1)] = undefined;
    return true;
  }

  clear(): void {
    this.chunks = [];
    this.own.clear();
    this.first = 0;
  }

  [COPY](_copy: unknown, account: (bytes: number) => void): IdMap<V> {
    const c = new IdMap<V>(this.memory);
    // the chunks are shared; each side copies the newest one when it next writes to it
    account(CHUNK * 8);
    c.chunks = this.chunks.slice();
    c.first = this.first;
    this.own.clear(); // the chunks are shared from now on
    return c;
  }

  private writable(i: number): (V | undefined)[] {
    if (i < this.first) return []; // forgotten already: a write there is dropped
    let c = this.chunks[i];
    if (!c) {
      c = new Array<V | undefined>(CHUNK);
      this.chunks[i] = c;
      this.own.add(c);
      const keep = Math.ceil(this.memory / CHUNK) + 1;
      while (this.chunks.length - this.first > keep) this.chunks[this.first++] = undefined as never;
    } else if (!this.own.has(c)) {
      c = c.slice();
      this.chunks[i] = c;
      this.own.add(c);
    }
    return c;
  }
}
