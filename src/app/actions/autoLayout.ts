import { dispatch, getDoc } from '../../store/document';
import { DEFAULT_SIZE } from '../editing/nodeSizes';
import { getFlow, measuredSize } from '../canvas/flowApi';
import { FIT_OPTIONS } from './fitView';
import { register } from './register';

export const actionAutoLayout = register({
  name: 'autoLayout',
  group: 'view',
  keys: ['Shift+L'],
  enabled: () => getDoc().nodes.some((n) => n.kind !== 'note'),
  perform: async () => {
    // dagre is loaded on first use: most sessions never lay out automatically.
    const { autoLayout } = await import('../editing/autoLayout');
    const moves = autoLayout(getDoc(), (id, kind) => measuredSize(id) ?? DEFAULT_SIZE[kind]);
    dispatch({ type: 'move-nodes', moves });
    // Let React Flow see the new positions before fitting them.
    requestAnimationFrame(() => void getFlow()?.fitView(FIT_OPTIONS));
  },
});
