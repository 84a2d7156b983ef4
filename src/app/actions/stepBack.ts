import { stepBack } from '../transport/control';
import { register } from './register';

export const actionStepBack = register({
  name: 'stepBack',
  group: 'simulation',
  keys: ['ArrowLeft'],
  perform: stepBack,
});
