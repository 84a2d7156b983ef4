import { register } from '../actions/register';
import { toggleCode } from './store';

/** Opens and closes the Code panel (its chunk loads the first time). */
export const actionToggleCode = register({
  name: 'toggleCode',
  group: 'view',
  perform: toggleCode,
});
