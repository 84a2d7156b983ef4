import { getDoc } from '../../store/document';
import { uiStore } from '../../store/ui';
import { openConnect } from '../canvas/connectTo';
import { register } from './register';

/** The one selected node, if it can be connected at all (notes cannot). */
function connectable(): string | null {
  const { selectedNodeIds } = uiStore.getState();
  if (selectedNodeIds.length !== 1) return null;
  const node = getDoc().nodes.find((n) => n.id === selectedNodeIds[0]);
  return node && node.kind !== 'note' ? node.id : null;
}

export const actionConnectTo = register({
  name: 'connectTo',
  group: 'edit',
  keys: ['C'],
  enabled: () => connectable() !== null,
  perform: () => {
    const id = connectable();
    if (id) openConnect(id);
  },
});
