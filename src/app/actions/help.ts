import { uiStore } from '../../store/ui';
import { register } from './register';

export const actionHelp = register({
  name: 'help',
  group: 'document',
  keys: ['?'],
  perform: () => uiStore.setState((s) => ({ helpOpen: !s.helpOpen })),
});
