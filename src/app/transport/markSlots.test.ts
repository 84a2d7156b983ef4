import { describe, expect, it } from 'vitest';
import type { RunMark } from '../../worker/marks';
import { MARK_SLOTS, markSlots } from './markSlots';

const expired = (t: number, seq: number): RunMark => ({ kind: 'expired', t, seq });

describe('the scrubber’s mark places', () => {
  it('holds the marks of one kind that fall in the same share of the run, first and last, and goes to the first', () => {
    const marks: RunMark[] = [expired(100, 1), expired(120, 2), { kind: 'dead-lettered', t: 120, seq: 3 }, expired(5_000, 9)];
    const slots = markSlots(marks, 6_000);
    expect(slots.map((s) => [s.kind, s.slot, s.count, s.first.seq, s.last.seq])).toEqual([
      ['expired', 1, 2, 1, 2],
      ['dead-lettered', 1, 1, 3, 3],
      ['expired', 50, 1, 9, 9],
    ]);
  });

  it('never shows more places than it has, however many marks', () => {
    const marks = Array.from({ length: 200 }, (_, i) => expired(i * 50, i));
    const slots = markSlots(marks, 10_000);
    expect(slots.length).toBe(MARK_SLOTS);
    expect(slots.reduce((n, s) => n + s.count, 0)).toBe(200);
  });

  it('moves a mark to an earlier place only as the run grows by a share of its length (so a refresh seldom moves one)', () => {
    const marks = [expired(1_000, 1)];
    expect(markSlots(marks, 6_000)[0].slot).toBe(10);
    expect(markSlots(marks, 6_050)[0].slot).toBe(9);
    expect(markSlots(marks, 6_600)[0].slot).toBe(9);
    expect(markSlots(marks, 6_700)[0].slot).toBe(8);
  });

  it('lists the lesson steps a place holds', () => {
    const marks: RunMark[] = [
      { kind: 'lesson', t: 10, seq: 1, step: 0 },
      { kind: 'lesson', t: 20, seq: 2, step: 1 },
    ];
    expect(markSlots(marks, 60_000)[0].steps).toEqual([1, 2]);
  });
});
