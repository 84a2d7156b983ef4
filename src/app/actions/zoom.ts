import { getFlow } from '../canvas/flowApi';
import { register } from './register';

export const actionZoomIn = register({
  name: 'zoomIn',
  group: 'view',
  keys: ['=', 'Mod+='],
  perform: () => void getFlow()?.zoomIn({ duration: 150 }),
});

export const actionZoomOut = register({
  name: 'zoomOut',
  group: 'view',
  keys: ['-', 'Mod+-'],
  perform: () => void getFlow()?.zoomOut({ duration: 150 }),
});
