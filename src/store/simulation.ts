/**
 * What the UI shows of the running simulation: the latest frame's clock and counters, the
 * transport state, and a bounded event log. Updated once per animation frame at most.
 */
import { createStore, useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { TraceEvent } from '../engine';
import type { NodeCounters, NodeMap } from '../worker/protocol';
import type { RunMark } from '../worker/marks';
import { LOG_EVENTS } from '../worker/log-gate';

/** Events the log keeps; older ones scroll away (the engine's counters never do). */
export const LOG_LIMIT = LOG_EVENTS;

export interface SimulationState {
  t: number;
  playing: boolean;
  speed: number;
  /** The speed the playing run keeps on this machine (virtual ms per wall ms), once measured (app/sim/achievedSpeed.ts). */
  achievedSpeed: number | null;
  counters: Record<string, NodeCounters>;
  map: NodeMap;
  log: TraceEvent[];
  /** The furthest instant the run reached (virtual ms): the Run time scrubber's end. */
  furthest: number;
  /** Notable events marked on the scrubber. */
  marks: RunMark[];
  /** Bumped whenever the simulation was rebuilt (load, reset, seed, topology edit, a seek). */
  generation: number;
  problem: string | null;
}

export const simulationStore = createStore<SimulationState>()(() => ({
  t: 0,
  playing: false,
  speed: 1,
  achievedSpeed: null,
  counters: {},
  map: { exchanges: {}, queues: {}, channels: {} },
  log: [],
  furthest: 0,
  marks: [],
  generation: 0,
  problem: null,
}));

export const useSimulation = <T>(selector: (s: SimulationState) => T): T => useStore(simulationStore, selector);

/**
 * Counters of one node, or an empty object before the first frame. Every frame brings new
 * counter objects; comparing them field by field re-renders only the nodes whose numbers changed.
 */
const EMPTY: NodeCounters = {};
export const useNodeCounters = (id: string): NodeCounters => useStore(simulationStore, useShallow((s: SimulationState) => s.counters[id] ?? EMPTY));
