import { togglePlay } from '../transport/control';
import { register } from './register';

export const actionTogglePlay = register({
  name: 'togglePlay',
  group: 'simulation',
  keys: ['Space'],
  perform: togglePlay,
});
