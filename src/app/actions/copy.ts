import { uiStore } from '../../store/ui';
import { copySelection } from '../editing/clipboard';
import { register } from './register';

export const actionCopy = register({
  name: 'copy',
  group: 'edit',
  keys: ['Mod+C'],
  enabled: () => uiStore.getState().selectedNodeIds.length > 0,
  perform: () => void copySelection(),
});
