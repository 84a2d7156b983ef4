/**
 * What programs declared, as canvas nodes and edges beside the document's: laid out in columns to
 * the right of the document (publishing programs, exchanges, queues, consuming programs), never
 * saved, never dragged or selected. The worker maps their names to these ids, so messages fly
 * between them like any others (worker/programs/view.ts).
 */
import type { Edge, Node } from '@xyflow/react';
import type { ScenarioDocument } from '../../scenario/schema';
import type { CodeNode, CodeView } from '../../worker/programs/types';

export type CodeFlowNode = Node<{ code: CodeNode }, 'code'>;

const COLUMN = 280;
const ROW = 120;

function column(n: CodeNode, view: CodeView): number {
  if (n.kind === 'exchange') return 1;
  if (n.kind === 'queue') return 2;
  const publishesDrawn = view.edges.some((e) => e.kind === 'publish' && e.source === n.id);
  return publishesDrawn || !n.consumes ? 0 : 3;
}

export function codeFlow(view: CodeView | null, doc: ScenarioDocument): { nodes: CodeFlowNode[]; edges: Edge[] } {
  if (!view || !view.nodes.length) return { nodes: [], edges: [] };
  let right = -Infinity;
  let top = Infinity;
  for (const n of doc.nodes) {
    right = Math.max(right, n.position.x + 240);
    top = Math.min(top, n.position.y);
  }
  const x0 = Number.isFinite(right) ? right + 140 : 0;
  const y0 = Number.isFinite(top) ? top : 0;
  const rows = [0, 0, 0, 0];
  const nodes = view.nodes.map((n): CodeFlowNode => {
    const c = column(n, view);
    const position = { x: x0 + c * COLUMN, y: y0 + rows[c]++ * ROW };
    return { id: n.id, type: 'code', position, data: { code: n }, draggable: false, selectable: false, connectable: false, deletable: false };
  });
  const edges = view.edges.map(
    (e): Edge => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.kind === 'binding' && e.label ? e.label : undefined,
      selectable: false,
      deletable: false,
      focusable: false,
      style: { strokeDasharray: '6 4', stroke: 'var(--w-edge)' },
      data: { code: true },
    }),
  );
  return { nodes, edges };
}
