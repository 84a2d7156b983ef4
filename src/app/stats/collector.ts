/**
 * Keeps a short counter history from the simulation's frames for rates and sparklines. Starts
 * with the panel and keeps sampling while the panel is on another tab, so rates are ready.
 */
import { createStore, useStore } from 'zustand';
import { simulationStore } from '../../store/simulation';
import { simulation } from '../sim/bridge';
import { CounterHistory } from './rates';

/** Rates are averaged over this much virtual time. */
export const RATE_WINDOW_MS = 5_000;
/** Sparklines show this much virtual time. */
export const SPARK_MS = 30_000;

export const history = new CounterHistory(250, SPARK_MS);
/** Bumped a few times per wall second, so the panel re-renders at a readable pace, not per frame. */
export const statsStore = createStore<{ version: number }>()(() => ({ version: 0 }));
export const useStatsVersion = () => useStore(statsStore, (s) => s.version);

let started = false;

export function startStats(): void {
  if (started) return;
  started = true;
  let generation = simulationStore.getState().generation;
  let lastBump = 0;
  simulation().onFrame((frame) => {
    const g = simulationStore.getState().generation;
    if (g !== generation) {
      generation = g;
      history.clear();
    }
    history.push(frame.t, frame.counters);
    const now = performance.now();
    if (now - lastBump > 250) {
      lastBump = now;
      statsStore.setState((s) => ({ version: s.version + 1 }));
    }
  });
}
