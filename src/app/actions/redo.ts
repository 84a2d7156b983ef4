import { documentStore, redo } from '../../store/document';
import { register } from './register';

export const actionRedo = register({
  name: 'redo',
  group: 'edit',
  keys: ['Shift+Mod+Z', 'Mod+Y'],
  enabled: () => documentStore.temporal.getState().futureStates.length > 0,
  perform: redo,
});
