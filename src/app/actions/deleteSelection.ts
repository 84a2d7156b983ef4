import { dispatch } from '../../store/document';
import { select, uiStore } from '../../store/ui';
import { register } from './register';

export const actionDeleteSelection = register({
  name: 'deleteSelection',
  group: 'edit',
  keys: ['Delete', 'Backspace'],
  enabled: () => {
    const s = uiStore.getState();
    return s.selectedNodeIds.length + s.selectedEdgeIds.length > 0;
  },
  perform: () => {
    const { selectedNodeIds, selectedEdgeIds } = uiStore.getState();
    dispatch({ type: 'remove', nodeIds: selectedNodeIds, edgeIds: selectedEdgeIds });
    select([], []);
  },
});
