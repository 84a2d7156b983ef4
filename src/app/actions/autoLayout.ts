import { dispatch, getDoc } from '../../store/document';
import { autoLayout, DEFAULT_SIZE } from '../editing/autoLayout';
import { getFlow, measuredSize } from '../canvas/flowApi';
import { FIT_OPTIONS } from './fitView';
import { register } from './register';

export const actionAutoLayout = register({
  name: 'autoLayout',
  group: 'view',
  keys: ['Shift+L'],
  enabled: () => getDoc().nodes.some((n) => n.kind !== 'note'),
  perform: () => {
    const moves = autoLayout(getDoc(), (id, kind) => measuredSize(id) ?? DEFAULT_SIZE[kind]);
    dispatch({ type: 'move-nodes', moves });
    // Let React Flow see the new positions before fitting them.
    requestAnimationFrame(() => void getFlow()?.fitView(FIT_OPTIONS));
  },
});
