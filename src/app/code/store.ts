/**
 * The Code panel's state: the programs (file name, text, arguments), whether the panel is open,
 * and what the running programs did (console lines, states, their part of the canvas), fed from
 * the simulation's frames. Actions are plain functions, callable from buttons, keys and tests.
 */
import { createStore, useStore } from 'zustand';
import type { ConsoleLine, CodeView, ProgramSpec, ProgramStatus } from '../../worker/programs/types';
import { simulation } from '../sim/bridge';
import { simulationStore } from '../../store/simulation';
import { requestFitView, uiStore } from '../../store/ui';
import { HELLO_WORLD } from './examples/hello-world';
import { splitArgs } from './args';
import i18n from 'i18next';
import { WATCHDOG_MS } from '../sim/watchdog';

/** A program as edited: its arguments as typed after `node <name>`. */
export interface Program {
  id: string;
  name: string;
  source: string;
  args: string;
}

/** Console lines kept per program; older ones scroll away. */
export const CONSOLE_LIMIT = 500;

export interface CodeState {
  open: boolean;
  programs: Program[];
  /** The example the programs came from, if any (for its lesson). */
  example: string | null;
  consoles: Record<string, ConsoleLine[]>;
  status: Record<string, ProgramStatus>;
  view: CodeView | null;
  /** Read-only (an embedded scenario): programs run but cannot be edited. */
  readOnly: boolean;
}

export const codeStore = createStore<CodeState>()(() => ({
  open: false,
  programs: HELLO_WORLD.programs.map((p) => ({ ...p })),
  example: HELLO_WORLD.id,
  consoles: {},
  status: {},
  view: null,
  readOnly: false,
}));

export const useCode = <T>(selector: (s: CodeState) => T): T => useStore(codeStore, selector);

/** Opens or closes the panel; opening it folds the event log away, so the canvas keeps room to show the programs. */
export function toggleCode(): void {
  const open = !codeStore.getState().open;
  codeStore.setState({ open });
  if (open) uiStore.setState({ bottomOpen: false });
}


const specOf = (p: Program): ProgramSpec => ({ id: p.id, name: p.name, source: p.source, args: splitArgs(p.args) });

/**
 * The watchdog guards a run from its first program to its end: a program that finished can still
 * have left work behind (a chain of promises that never ends).
 */
function armWatchdog(armed = true): void {
  simulation().watchdog.armed = armed;
}

/** Runs one program on the current run (as starting it in another terminal). */
export function runProgram(id: string): void {
  const p = codeStore.getState().programs.find((x) => x.id === id);
  if (!p) return;
  codeStore.setState((s) => ({ consoles: { ...s.consoles, [id]: [] }, status: { ...s.status, [id]: { state: 'running' } } }));
  lastStarted = id;
  armWatchdog();
  simulation().command({ type: 'program', action: 'run', program: specOf(p) });
}

export function stopProgram(id: string): void {
  simulation().command({ type: 'program', action: 'stop', id });
}

/** Run: a fresh run of the scenario from time zero, every program started in order, and Play. */
export function runAll(): void {
  simulation().command({ type: 'reset' });
  codeStore.setState({ consoles: {}, status: {}, view: null });
  for (const p of codeStore.getState().programs) runProgram(p.id);
  simulation().command({ type: 'play' });
}

export function updateProgram(id: string, patch: Partial<Omit<Program, 'id'>>): void {
  codeStore.setState((s) => ({ programs: s.programs.map((p) => (p.id === id ? { ...p, ...patch } : p)) }));
}

let nextId = 1;
export function addProgram(): void {
  codeStore.setState((s) => {
    let n = s.programs.length + 1;
    while (s.programs.some((p) => p.name === `program${n}.js`)) n++;
    let id = `p${nextId++}`;
    while (s.programs.some((p) => p.id === id)) id = `p${nextId++}`;
    return { programs: [...s.programs, { id, name: `program${n}.js`, source: "const amqp = require('amqplib');\n\n", args: '' }] };
  });
}

export function removeProgram(id: string): void {
  stopProgram(id);
  codeStore.setState((s) => ({ programs: s.programs.filter((p) => p.id !== id) }));
}

/** Replaces the programs (an example, a shared scenario); stops what ran. */
export function setPrograms(programs: Program[], example: string | null = null): void {
  for (const p of codeStore.getState().programs) stopProgram(p.id);
  codeStore.setState({ programs: programs.map((p) => ({ ...p })), example, consoles: {}, status: {}, view: null });
}

let started = false;
/** The program started last: the one the watchdog names when none is running any more. */
let lastStarted: string | null = null;

/** Follows the simulation: programs' output from every frame, and the end of programs when the run is replaced. */
export function startCodeSync(): void {
  if (started) return;
  started = true;
  const sim = simulation();
  sim.onFrame((frame) => {
    const r = frame.programs;
    if (!r) return;
    // New nodes from programs: fit the view so they are in sight.
    if (r.view && r.view.nodes.length > (codeStore.getState().view?.nodes.length ?? 0)) requestFitView();
    codeStore.setState((s) => {
      const consoles = { ...s.consoles };
      for (const line of r.output) {
        const list = [...(consoles[line.program] ?? []), line];
        consoles[line.program] = list.length > CONSOLE_LIMIT ? list.slice(list.length - CONSOLE_LIMIT) : list;
      }
      return { consoles, status: { ...s.status, ...r.status }, view: r.view ?? s.view };
    });
  });
  // A new run (an edit of the scenario, Reset, a new seed) has none of the old run's programs.
  let generation = simulationStore.getState().generation;
  simulationStore.subscribe((s) => {
    if (s.generation === generation) return;
    generation = s.generation;
    codeStore.setState((c) => ({ status: endRunning(c.status, { state: 'stopped' }), view: null }));
    armWatchdog(false);
  });
  sim.watchdog.onFire((why, program) => {
    // Without programs running the restart is the engine's, not a program's (watchdogToast.ts says so).
    if (!program) return;
    codeStore.setState((c) => {
      const consoles = { ...c.consoles };
      const status = { ...c.status };
      const running = Object.keys(c.status).filter((id) => c.status[id].state === 'running');
      for (const id of running.length ? running : lastStarted ? [lastStarted] : []) {
        const name = c.programs.find((p) => p.id === id)?.name ?? id;
        const message = i18n.t(`code:watchdog.${why}`, { name, seconds: WATCHDOG_MS / 1000 });
        status[id] = { state: 'failed', error: { message } };
        consoles[id] = [...(consoles[id] ?? []), { program: id, t: simulationStore.getState().t, stream: 'err', text: message }];
      }
      return { status, consoles, view: null };
    });
  });
}

function endRunning(status: Record<string, ProgramStatus>, to: ProgramStatus): Record<string, ProgramStatus> {
  const out: Record<string, ProgramStatus> = {};
  for (const [id, s] of Object.entries(status)) out[id] = s.state === 'running' ? to : s;
  return out;
}
