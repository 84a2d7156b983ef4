/** Presentation mode: editing chrome hidden, larger type, full screen where the browser allows. */
import { createStore, useStore } from 'zustand';

export const presentStore = createStore<{ presenting: boolean }>()(() => ({ presenting: false }));
export const usePresenting = (): boolean => useStore(presentStore, (s) => s.presenting);
export const isPresenting = (): boolean => presentStore.getState().presenting;
