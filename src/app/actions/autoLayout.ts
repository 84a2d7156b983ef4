import { dispatch, getDoc } from '../../store/document';
import { setRoutes } from '../canvas/routes';
import { fitContent } from './fitView';
import { register } from './register';

export const actionAutoLayout = register({
  name: 'autoLayout',
  group: 'view',
  keys: ['Shift+L'],
  enabled: () => getDoc().nodes.some((n) => n.kind !== 'note'),
  perform: async () => {
    // ELK is loaded on first use: most sessions never lay out automatically.
    const { autoLayout } = await import('../editing/autoLayout');
    const doc = getDoc();
    const { moves, routes } = await autoLayout(doc);
    if (getDoc() !== doc) return; // edited while ELK worked: that layout is stale
    dispatch({ type: 'move-nodes', moves });
    setRoutes(routes);
    // Let React Flow see the new positions before fitting them.
    requestAnimationFrame(() => fitContent());
  },
});
