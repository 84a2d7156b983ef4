import { getFlow } from '../canvas/flowApi';
import { register } from './register';

export const FIT_OPTIONS = { padding: 0.15, maxZoom: 1.25, duration: 200 } as const;

export const actionFitView = register({
  name: 'fitView',
  group: 'view',
  keys: ['Shift+1'],
  perform: () => void getFlow()?.fitView(FIT_OPTIONS),
});
