/**
 * The lesson being followed: whether its panel is open, the current step, the queues the learner
 * picked for a "which queues?" step, and what the simulation answered. Session state only; the
 * lesson text itself lives in the document.
 */
import { createStore, useStore } from 'zustand';
import { documentStore } from '../../store/document';
import type { Lesson } from '../../scenario/schema';

export interface CheckResult {
  step: number;
  /** Queue node ids the simulation routed the message to. */
  reached: string[];
  /** Queue names reached that are not on the canvas. */
  unknown: string[];
  chosen: string[];
  correct: boolean;
}

export interface LessonState {
  open: boolean;
  step: number;
  /** Queue node ids picked on the canvas for the current step. */
  chosen: string[];
  checking: boolean;
  /** The answer could not be found (no such message was published in time). */
  timedOut: boolean;
  result: CheckResult | null;
  /** Steps whose counter check has been met at least once. */
  done: number[];
}

const initial = (): Omit<LessonState, 'open'> => ({ step: 0, chosen: [], checking: false, timedOut: false, result: null, done: [] });

export const lessonStore = createStore<LessonState>()(() => ({ open: false, ...initial() }));
export const useLesson = <T>(selector: (s: LessonState) => T): T => useStore(lessonStore, selector);

export const currentLesson = (): Lesson | undefined => documentStore.getState().doc.lesson;

/** A new lesson (another document) starts at its first step. */
let lessonRef = currentLesson();
documentStore.subscribe((s) => {
  if (s.doc.lesson === lessonRef) return;
  lessonRef = s.doc.lesson;
  lessonStore.setState({ ...initial(), open: lessonStore.getState().open && !!lessonRef });
});

export function setLessonOpen(open: boolean): void {
  lessonStore.setState({ open: open && !!currentLesson() });
}

export function goToStep(step: number): void {
  const steps = currentLesson()?.steps.length ?? 0;
  const next = Math.max(0, Math.min(step, steps - 1));
  if (next === lessonStore.getState().step) return;
  lessonStore.setState({ step: next, chosen: [], result: null, timedOut: false, checking: false });
}

export const nextStep = (): void => goToStep(lessonStore.getState().step + 1);
export const previousStep = (): void => goToStep(lessonStore.getState().step - 1);

export function toggleChosen(queueId: string): void {
  lessonStore.setState((s) => ({
    chosen: s.chosen.includes(queueId) ? s.chosen.filter((q) => q !== queueId) : [...s.chosen, queueId],
    result: null,
    timedOut: false,
  }));
}

export function markDone(step: number): void {
  const { done } = lessonStore.getState();
  if (!done.includes(step)) lessonStore.setState({ done: [...done, step] });
}
