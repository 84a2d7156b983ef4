import type { RunMark } from '../../worker/marks';

/**
 * The scrubber shows its marks in this many places, each holding the marks of one kind that fall
 * in its share of the run. A place's position stays put as the run grows (only what it holds
 * changes), so a refresh restyles no mark; a mark per event (up to 200 in a run that expires
 * messages steadily) moved every one of them on every refresh, 25–65 ms of style work each time.
 */
export const MARK_SLOTS = 60;

export interface MarkSlot {
  slot: number;
  kind: RunMark['kind'];
  first: RunMark;
  last: RunMark;
  count: number;
  /** Lesson steps done in this place (from 1). */
  steps: number[];
}

/** The marks by place and kind, in the order of their first mark. */
export function markSlots(marks: readonly RunMark[], end: number): MarkSlot[] {
  const slots = new Map<string, MarkSlot>();
  for (const m of marks) {
    const slot = Math.min(MARK_SLOTS - 1, Math.floor((m.t / end) * MARK_SLOTS));
    const key = `${m.kind}-${slot}`;
    let place = slots.get(key);
    if (place) {
      place.last = m;
      place.count++;
    } else slots.set(key, (place = { slot, kind: m.kind, first: m, last: m, count: 1, steps: [] }));
    if (m.step !== undefined) place.steps.push(m.step + 1);
  }
  return [...slots.values()];
}
