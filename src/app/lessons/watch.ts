/** Ticks a counter step done as soon as the node's counter reaches its target (and keeps it done). */
import { simulationStore } from '../../store/simulation';
import { counterValue } from './checks';
import { currentLesson, lessonStore, markDone } from './store';

let started = false;

export function startLessonWatch(): void {
  if (started) return;
  started = true;
  const check = (): void => {
    const { open, step, done } = lessonStore.getState();
    if (!open || done.includes(step)) return;
    const c = currentLesson()?.steps[step]?.check;
    if (c?.kind !== 'counter') return;
    if (counterValue(c, simulationStore.getState().counters) >= c.atLeast) markDone(step);
  };
  simulationStore.subscribe(check);
  lessonStore.subscribe(check);
}
