import { uiStore } from '../../store/ui';
import { register } from './register';

/** Switch what dragging the empty canvas does: pan (default) or draw a selection box. */
export const actionToggleDragMode = register({
  name: 'toggleDragMode',
  group: 'view',
  keys: ['S'],
  perform: () => uiStore.setState((s) => ({ dragMode: s.dragMode === 'pan' ? 'select' : 'pan' })),
});
