/**
 * What the canvas shows of the cluster: the latest `cluster` status from the frames (null for a
 * single node), and when each queue's leader last moved (for the election pulse). Problems the
 * worker reports (a refused stop, an unknown node) become toasts; the run goes on.
 */
import { createStore, useStore } from 'zustand';
import { notify } from '../../store/ui';
import type { ClusterStatus } from '../../worker/cluster-protocol';
import { simulation } from '../sim/bridge';

export interface ClusterViewState {
  status: ClusterStatus | null;
  /** Queue id → wall time (ms) its leader or master last moved. */
  moved: Record<string, number>;
}

export const clusterStore = createStore<ClusterViewState>()(() => ({ status: null, moved: {} }));
export const useCluster = <T>(selector: (s: ClusterViewState) => T): T => useStore(clusterStore, selector);

/** The short name people say: `r2` for `r2@localhost` and for `rabbit@r2`. */
export function shortNode(name: string): string {
  const [a, b] = name.split('@');
  if (b === undefined) return name;
  if (a === 'rabbit') return b;
  return b === 'localhost' ? a : name;
}

let started = false;

/** Follow the frames (idempotent). */
export function startClusterView(): void {
  if (started) return;
  started = true;
  // A change comes in one frame; it is shown with the next refresh of the counters, so a badge
  // and the numbers on the cards always describe the same instant.
  let pending: ClusterStatus | null | undefined;
  let notices: string[] = [];
  simulation().onFrame((f) => {
    if (f.cluster !== undefined) {
      pending = f.cluster;
      notices.push(...(f.cluster?.notices ?? []));
    }
    if (pending === undefined || (f.playing && !f.refresh)) return;
    const next = pending;
    pending = undefined;
    for (const text of notices) notify('error', text);
    notices = [];
    const prev = clusterStore.getState();
    const moved = { ...prev.moved };
    if (next && prev.status) {
      for (const [id, q] of Object.entries(next.queues)) {
        const before = prev.status.queues[id];
        if (before && before.node !== q.node) moved[id] = performance.now();
      }
    }
    clusterStore.setState({ status: next, moved });
  });
}

export const stopNode = (node: string) => simulation().command({ type: 'cluster', action: 'stop-node', node });
export const startNode = (node: string) => simulation().command({ type: 'cluster', action: 'start-node', node });
