import { uiStore } from '../../store/ui';
import { duplicateSelection } from '../editing/clipboard';
import { register } from './register';

export const actionDuplicate = register({
  name: 'duplicate',
  group: 'edit',
  keys: ['Mod+D'],
  enabled: () => uiStore.getState().selectedNodeIds.length > 0,
  perform: duplicateSelection,
});
