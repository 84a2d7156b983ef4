/**
 * The welcome: open on a first visit (nothing to restore, nothing asked for by the address), and
 * again whenever asked. Closing it remembers that this browser has seen it.
 */
import { createStore, useStore } from 'zustand';

export const WELCOME_KEY = 'warren.welcome';

export const welcomeStore = createStore<{ open: boolean }>()(() => ({ open: false }));
export const useWelcomeOpen = (): boolean => useStore(welcomeStore, (s) => s.open);
export const openWelcome = (): void => welcomeStore.setState({ open: true });

export function closeWelcome(): void {
  welcomeStore.setState({ open: false });
  try {
    globalThis.localStorage?.setItem(WELCOME_KEY, 'seen');
  } catch {
    // storage refused: the welcome shows again next time, which is harmless
  }
}

/** Whether this browser has closed the welcome before. */
export function welcomeSeen(): boolean {
  try {
    return globalThis.localStorage?.getItem(WELCOME_KEY) === 'seen';
  } catch {
    return false;
  }
}
