import { documentStore, undo } from '../../store/document';
import { register } from './register';

export const actionUndo = register({
  name: 'undo',
  group: 'edit',
  keys: ['Mod+Z'],
  enabled: () => documentStore.temporal.getState().pastStates.length > 0,
  perform: undo,
});
