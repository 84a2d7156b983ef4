import { createStore, useStore } from 'zustand';

export const codeStore = createStore<{ open: boolean }>()(() => ({ open: false }));
export const useCodeOpen = (): boolean => useStore(codeStore, (s) => s.open);
export const openCode = (): void => codeStore.setState({ open: true });
export const closeCode = (): void => codeStore.setState({ open: false });
