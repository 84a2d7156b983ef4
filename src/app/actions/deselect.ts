import { select } from '../../store/ui';
import { register } from './register';

export const actionDeselect = register({
  name: 'deselect',
  group: 'edit',
  keys: ['Escape'],
  perform: () => select([], []),
});
