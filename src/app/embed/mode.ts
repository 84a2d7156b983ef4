/** How the page was opened: `?embed=1` (canvas and transport only) and `?readonly=1` (no editing). Fixed for the page's life. */
import { createStore, useStore } from 'zustand';

export interface AppMode {
  embed: boolean;
  readonly: boolean;
}

export const appModeStore = createStore<AppMode>()(() => ({ embed: false, readonly: false }));
export const useAppMode = <T>(selector: (s: AppMode) => T): T => useStore(appModeStore, selector);
export const isReadonly = (): boolean => appModeStore.getState().readonly;
