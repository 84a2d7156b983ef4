import { createStore, useStore } from 'zustand';

/** Whether the share dialog is open, and whether it opened because copying failed. */
export const shareStore = createStore<{ open: boolean; copyFailed: boolean }>()(() => ({ open: false, copyFailed: false }));
export const useShareDialog = <T>(selector: (s: { open: boolean; copyFailed: boolean }) => T): T => useStore(shareStore, selector);
export const closeShareDialog = (): void => shareStore.setState({ open: false, copyFailed: false });
