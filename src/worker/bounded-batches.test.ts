import { describe, expect, it } from 'vitest';
import { BoundedBatches } from './bounded-batches';

describe('BoundedBatches', () => {
  it('drops the oldest batches a log of the limit would not show, and always keeps the newest', () => {
    const b = new BoundedBatches<number[]>(5, (x) => x.length);
    b.push([1, 2]);
    b.push([3, 4]);
    b.push([5]);
    expect(b.size).toBe(3);
    // six items: without the first batch, the rest (4) still fall short of 5, so it stays
    b.push([6]);
    expect(b.take()).toEqual([[1, 2], [3, 4], [5], [6]]);
    expect(b.size).toBe(0);
    b.push([1, 2, 3]);
    b.push([4, 5, 6, 7, 8, 9]);
    // the newest alone fills the log: the older batch goes
    expect(b.take()).toEqual([[4, 5, 6, 7, 8, 9]]);
  });
});
