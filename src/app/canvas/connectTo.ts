/**
 * "Connect to…": the keyboard's way to draw an edge. Drawn edges go through `connectNodes` (the
 * same validation and refusal messages as a drag); a binding takes the key typed in the dialog;
 * a dead-letter or alternate-exchange link is set on the node, as the inspector would set it.
 */
import { createStore, useStore } from 'zustand';
import { dispatch, getDoc } from '../../store/document';
import { select } from '../../store/ui';
import { commitNode } from '../inspector/commit';
import { connectNodes } from './connect';
import type { ConnectOption } from './connectOptions';

/** The node whose "Connect to…" dialog is open, or null. */
export const connectStore = createStore<{ from: string | null }>()(() => ({ from: null }));
export const useConnectFrom = (): string | null => useStore(connectStore, (s) => s.from);
export const openConnect = (id: string): void => connectStore.setState({ from: id });
export const closeConnect = (): void => connectStore.setState({ from: null });

const exchangeName = (id: string): string => {
  const n = getDoc().nodes.find((x) => x.id === id);
  return n?.kind === 'exchange' ? n.config.name : '';
};

/** Make the connection; returns whether it was made. */
export function applyConnect(option: ConnectOption, bindingKey = ''): boolean {
  if (option.kind === 'dead-letter') {
    const queue = getDoc().nodes.find((n) => n.id === option.source);
    if (queue?.kind !== 'queue') return false;
    const args = { ...queue.config.arguments, 'x-dead-letter-exchange': exchangeName(option.target) };
    const refused = commitNode(queue.id, 'queue', { arguments: args });
    if (refused === null) select([queue.id]);
    return refused === null;
  }
  if (option.kind === 'alternate') {
    const refused = commitNode(option.source, 'exchange', { alternateExchange: exchangeName(option.target) });
    if (refused === null) select([option.source]);
    return refused === null;
  }
  const id = connectNodes(option.source, option.target);
  if (id && option.kind === 'binding' && bindingKey) dispatch({ type: 'update-edge', id, patch: { bindingKey } });
  return id !== null;
}
