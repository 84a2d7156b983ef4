/**
 * Keeps the simulation in step with the document. A change that alters what the broker would
 * do (a node's settings, an edge, the seed, latencies, the timeline) rebuilds the run from time
 * zero, so that a document always means one reproducible run; moving nodes, notes and titles
 * do not touch the run.
 */
import type { ScenarioDocument } from '../../scenario/schema';
import { documentStore } from '../../store/document';
import { simulationStore } from '../../store/simulation';
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

/** Start following the document store; `onRestart` is told when an edit restarted a run. */
export function startSimulationSync(onRestart: () => void): void {
  if (started) return;
  started = true;
  let doc = documentStore.getState().doc;
  let key = behaviourKey(doc);
  simulation().load(doc);
  documentStore.subscribe((s) => {
    if (s.doc === doc) return;
    const prev = doc;
    doc = s.doc;
    if (doc.settings.speed !== prev.settings.speed) simulation().command({ type: 'speed', speed: doc.settings.speed });
    const next = behaviourKey(doc);
    if (next === key) return;
    key = next;
    // Only worth saying when there was a run to lose.
    const hadRun = simulationStore.getState().t > 0;
    simulation().load(doc);
    if (hadRun) onRestart();
  });
}
