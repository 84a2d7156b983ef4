import { uiStore } from '../../store/ui';
import { register } from './register';

export const actionToggleTheme = register({
  name: 'toggleTheme',
  group: 'view',
  keys: ['Alt+Shift+D'],
  perform: () => uiStore.setState((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
});
