/** The bottom panel's own state: which tab shows, and the event log's filters. Session only. */
import { createStore, useStore } from 'zustand';
import { NO_FILTER, type LogFilter } from './filter';
import type { KindGroup } from './kinds';

export type PanelTab = 'log' | 'stats';

interface PanelState {
  tab: PanelTab;
  filter: LogFilter;
  /** The message id field as typed. */
  idText: string;
}

export const panelStore = createStore<PanelState>()(() => ({ tab: 'log', filter: NO_FILTER, idText: '' }));
export const usePanel = <T>(selector: (s: PanelState) => T): T => useStore(panelStore, selector);

export const setTab = (tab: PanelTab) => panelStore.setState({ tab });

export function toggleGroup(g: KindGroup): void {
  panelStore.setState((s) => {
    const groups = new Set(s.filter.groups);
    if (groups.has(g)) groups.delete(g);
    else groups.add(g);
    return { filter: { ...s.filter, groups } };
  });
}

export const setNodeFilter = (node: string | null) => panelStore.setState((s) => ({ filter: { ...s.filter, node } }));

export function setIdFilter(text: string, id: number | null): void {
  panelStore.setState((s) => ({ idText: text, filter: { ...s.filter, messageId: id } }));
}

/** Clear what the user narrowed; whether the set-up shows is a view choice and stays. */
export const clearFilters = () => panelStore.setState((s) => ({ filter: { ...NO_FILTER, setup: s.filter.setup }, idText: '' }));

export const toggleSetup = () => panelStore.setState((s) => ({ filter: { ...s.filter, setup: !s.filter.setup } }));
