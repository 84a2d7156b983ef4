/**
 * Keeps the simulation in step with the document. A change that alters what the broker would
 * do (a node's settings, an edge, the seed, latencies, the timeline) rebuilds the run from time
 * zero, so that a document always means one reproducible run; moving nodes, notes and titles
 * do not touch the run. One exception: at a past instant of the run (the scrubber went back), an
 * edit running clients can take (worker/live-edit.ts) starts a new branch there instead, and
 * undoing that edit brings the old future back.
 */
import type { ScenarioDocument } from '../../scenario/schema';
import { documentStore } from '../../store/document';
import { simulationStore } from '../../store/simulation';
import type { isLiveEdit } from '../../worker/live-edit';
import { simulation } from './bridge';

/** The parts of a document the broker's behaviour depends on. */
export function behaviourKey(doc: ScenarioDocument): string {
  return JSON.stringify({
    seed: doc.seed,
    latency: doc.settings.latency,
    nodes: doc.nodes.filter((n) => n.kind !== 'note').map((n) => [n.id, n.kind, n.config]),
    edges: doc.edges,
    timeline: doc.timeline ?? null,
    broker: doc.broker ?? null,
  });
}

let started = false;

/**
 * The live-edit test, loaded when the run first goes back (the only time it is asked), so that the
 * page's first script does not carry it.
 */
let liveEdit: typeof isLiveEdit | null = null;

/** The edit that started the current branch: the behaviour before and after it. */
let branchEdit: { before: string; after: string } | null = null;

/**
 * Undoes the edit that started the current branch (the branch toast's button), which brings the
 * old future back; false when the branch was not started by an edit.
 */
export function undoBranchEdit(): boolean {
  if (!branchEdit || behaviourKey(documentStore.getState().doc) !== branchEdit.after) return false;
  documentStore.temporal.getState().undo();
  return true;
}

/** Start following the document store; `onRestart` is told when an edit restarted a run. */
export function startSimulationSync(onRestart: () => void): void {
  if (started) return;
  started = true;
  let doc = documentStore.getState().doc;
  let key = behaviourKey(doc);
  simulation().load(doc);
  const unsubscribe = simulationStore.subscribe((s) => {
    if (s.t >= s.furthest) return;
    unsubscribe();
    void import('../../worker/live-edit').then((m) => (liveEdit = m.isLiveEdit));
  });
  documentStore.subscribe((s) => {
    if (s.doc === doc) return;
    const prev = doc;
    doc = s.doc;
    if (doc.settings.speed !== prev.settings.speed) simulation().command({ type: 'speed', speed: doc.settings.speed });
    const next = behaviourKey(doc);
    if (next === key) return;
    const before = key;
    key = next;
    if (branchEdit && before === branchEdit.after && next === branchEdit.before) {
      // the edit that started the branch is undone: the old future comes back
      branchEdit = null;
      simulation().command({ type: 'unbranch' });
      return;
    }
    branchEdit = null;
    const run = simulationStore.getState();
    if (run.t < run.furthest && liveEdit?.(prev, doc)) {
      branchEdit = { before, after: next };
      simulation().command({ type: 'edit', doc });
      return;
    }
    // Only worth saying when there was a run to lose.
    const hadRun = run.t > 0;
    simulation().load(doc);
    if (hadRun) onRestart();
  });
}
