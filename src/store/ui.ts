/** Session state that is not part of the document: selection, theme, messages to the user. */
import { createStore, useStore } from 'zustand';

export type Theme = 'light' | 'dark';

export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
}

export interface UiState {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  theme: Theme;
  toasts: Toast[];
}

export const uiStore = createStore<UiState>()(() => ({
  selectedNodeIds: [],
  selectedEdgeIds: [],
  theme: 'light',
  toasts: [],
}));

export const useUi = <T>(selector: (s: UiState) => T): T => useStore(uiStore, selector);

export function select(nodeIds: string[], edgeIds: string[] = []): void {
  uiStore.setState({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds });
}

let toastSeq = 0;
/** Tell the user something; errors stay until dismissed, the rest fade after a few seconds. */
export function notify(kind: Toast['kind'], text: string): number {
  const id = ++toastSeq;
  uiStore.setState((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text }] }));
  return id;
}

export function dismiss(id: number): void {
  uiStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
