import { uiStore } from '../../store/ui';
import { register } from './register';

export const actionToggleBottom = register({
  name: 'toggleBottom',
  group: 'view',
  keys: ['Mod+J'],
  perform: () => uiStore.setState((s) => ({ bottomOpen: !s.bottomOpen })),
});
