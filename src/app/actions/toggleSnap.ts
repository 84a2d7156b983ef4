import { uiStore } from '../../store/ui';
import { register } from './register';

export const actionToggleSnap = register({
  name: 'toggleSnap',
  group: 'view',
  keys: ['Shift+G'],
  perform: () => uiStore.setState((s) => ({ snapToGrid: !s.snapToGrid })),
});
