import { describe, expect, it } from 'vitest';
import { COPY as ENGINE_COPY, copyGraph } from '../engine';
import { COPY } from './copy-hook';
import { IdMap } from './id-map';

describe('IdMap', () => {
  it('defines the engine\'s copy hook (the same registered symbol)', () => {
    expect(COPY).toBe(ENGINE_COPY);
  });

  it('keeps values by id, forgets deleted ones and, beyond its memory, the oldest chunks', () => {
    const m = new IdMap<string>(5000);
    for (let id = 1; id <= 20_000; id++) m.remember(id, `v${id}`);
    expect(m.get(20_000)).toBe('v20000');
    expect(m.get(15_000)).toBe('v15000');
    expect(m.get(1)).toBeUndefined();
    expect(m.delete(19_999)).toBe(true);
    expect(m.delete(19_999)).toBe(false);
    expect(m.get(19_999)).toBeUndefined();
  });

  it('a copy and its original never see each other\'s writes, in shared chunks or new ones', () => {
    const m = new IdMap<number>(50_000);
    for (let id = 0; id < 5000; id++) m.remember(id, id);
    const { value: c } = copyGraph({ m });
    m.remember(10, -1);
    m.delete(11);
    m.remember(6000, 1);
    c.m.remember(12, -2);
    c.m.remember(6000, 2);
    expect([m.get(10), m.get(11), m.get(12), m.get(6000)]).toEqual([-1, undefined, 12, 1]);
    expect([c.m.get(10), c.m.get(11), c.m.get(12), c.m.get(6000)]).toEqual([10, 11, -2, 2]);
    const { value: again } = copyGraph(c);
    c.m.remember(13, -3);
    expect(again.m.get(13)).toBe(13);
  });
});
