/**
 * The broker as a whole on the UI side: the latest `broker` status from the simulation's frames
 * (resources, alarms, blocked producers, a restart under way) and whether the broker panel is open.
 */
import { createStore, useStore } from 'zustand';
import type { BrokerStatus } from '../../worker/admin-commands';
import { simulation } from '../sim/bridge';

export type BrokerTab = 'overview' | 'users' | 'vhosts' | 'permissions' | 'policies' | 'limits';

interface BrokerUiState {
  status: BrokerStatus | null;
  open: boolean;
  tab: BrokerTab;
}

export const brokerStore = createStore<BrokerUiState>()(() => ({ status: null, open: false, tab: 'users' }));

export const useBroker = <T>(selector: (s: BrokerUiState) => T): T => useStore(brokerStore, selector);

export const openBrokerPanel = (tab?: BrokerTab): void => brokerStore.setState((s) => ({ open: true, tab: tab ?? s.tab }));
export const closeBrokerPanel = (): void => brokerStore.setState({ open: false });

let following = false;

/** Follow the simulation's frames (once); a status is only stored when it changed. */
export function followBrokerStatus(): void {
  if (following) return;
  following = true;
  let last = '';
  simulation().onFrame((frame) => {
    // Every frame carries the status; take it with the counters (on refresh frames), so the
    // gauges, banners and the cards' numbers always show the same instant.
    if (!frame.broker || (frame.playing && !frame.refresh)) return;
    const key = JSON.stringify(frame.broker);
    if (key === last) return;
    last = key;
    brokerStore.setState({ status: frame.broker });
  });
}

/** Restart the running broker (stop_app + start_app). */
export const restartBroker = (): void => simulation().command({ type: 'broker', op: 'restart' });

/** Whether a producer node's connection is blocked by an alarm. */
export const useProducerBlocked = (id: string): boolean => useBroker((s) => !!s.status?.blocked.includes(id));
