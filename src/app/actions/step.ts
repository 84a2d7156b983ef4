import { step } from '../transport/control';
import { register } from './register';

export const actionStep = register({
  name: 'step',
  group: 'simulation',
  keys: ['ArrowRight'],
  perform: step,
});
