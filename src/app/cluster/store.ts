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
  simulation().onFrame((f) => {
    if (f.cluster === undefined) return;
    const next = f.cluster;
    for (const text of next?.notices ?? []) notify('error', text);
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
