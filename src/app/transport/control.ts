/**
 * What the transport bar, its shortcuts and the node controls do to the run. Speed and seed are
 * part of the scenario, so they change the document (speed without a restart, see sync.ts).
 */
import { dispatch, getDoc } from '../../store/document';
import { simulationStore } from '../../store/simulation';
import { simulation } from '../sim/bridge';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 100] as const;

// The button follows the frames (the worker answers play and pause with one at once), so a
// frame already on its way cannot flip it back.
export function play(): void {
  simulation().command({ type: 'play' });
}

export function pause(): void {
  simulation().command({ type: 'pause' });
}

export function togglePlay(): void {
  if (simulationStore.getState().playing) pause();
  else play();
}

export function step(): void {
  simulation().command({ type: 'step' });
}

/** Back one trace event, exactly as Step showed it (worker/time-travel.ts). */
export function stepBack(): void {
  simulation().command({ type: 'step-back' });
}

/** To an instant of the run (after everything at it), or to one event of it. */
export function seek(t: number, seq?: number): void {
  simulation().command(seq === undefined ? { type: 'seek', t } : { type: 'seek', t, seq });
}

/** Undo the last branch: the run's old future comes back (worker/travel.ts). */
export function unbranch(): void {
  simulation().command({ type: 'unbranch' });
}

export function reset(): void {
  simulation().command({ type: 'reset' });
}

export function setSpeed(speed: number): void {
  const doc = getDoc();
  if (doc.settings.speed === speed) return;
  dispatch({ type: 'set-meta', patch: { settings: { ...doc.settings, speed } } });
}

/** A new seed restarts the run (the document's behaviour changed). */
export function setSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff || getDoc().seed === seed) return;
  dispatch({ type: 'set-meta', patch: { seed } });
}

export const sendOne = (producer: string) => simulation().command({ type: 'publish', producer });
export const producerRate = (producer: string, action: 'start' | 'stop') => simulation().command({ type: 'producer', producer, action });
export const consumerAction = (consumer: string, action: 'pause' | 'resume' | 'kill-connection') =>
  simulation().command({ type: 'consumer', consumer, action });
export const purge = (queue: string) => simulation().command({ type: 'purge', queue });
