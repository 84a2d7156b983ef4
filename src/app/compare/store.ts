/** Whether the Compare dialog is open (the dialog itself loads when it first opens). */
import { createStore, useStore } from 'zustand';

export const compareStore = createStore<{ open: boolean }>()(() => ({ open: false }));
export const useCompareOpen = (): boolean => useStore(compareStore, (s) => s.open);
export const openCompare = (): void => compareStore.setState({ open: true });
export const closeCompare = (): void => compareStore.setState({ open: false });
