/** Which message the message inspector shows (session state; null: closed). */
import { createStore, useStore } from 'zustand';

interface MessageState {
  id: number | null;
  /** Messages opened before, for the back button. */
  trail: number[];
}

export const messageStore = createStore<MessageState>()(() => ({ id: null, trail: [] }));
export const useInspectedMessage = () => useStore(messageStore, (s) => s.id);
export const useMessageTrail = () => useStore(messageStore, (s) => s.trail);

export function openMessage(id: number): void {
  messageStore.setState((s) => (s.id === id ? s : { id, trail: s.id === null ? [] : [...s.trail, s.id].slice(-20) }));
}

export function backMessage(): void {
  messageStore.setState((s) => (s.trail.length ? { id: s.trail[s.trail.length - 1], trail: s.trail.slice(0, -1) } : s));
}

export const closeMessage = () => messageStore.setState({ id: null, trail: [] });
