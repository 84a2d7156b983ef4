import { getDoc } from '../../store/document';
import { select } from '../../store/ui';
import { register } from './register';

export const actionSelectAll = register({
  name: 'selectAll',
  group: 'edit',
  keys: ['Mod+A'],
  perform: () => {
    const doc = getDoc();
    select(doc.nodes.map((n) => n.id), doc.edges.map((e) => e.id));
  },
});
