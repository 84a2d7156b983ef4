/** Creating nodes from the palette: dropped at a point, or added at the middle of the view. */
import { createNode } from '../../scenario/factory';
import type { NodeKind } from '../../scenario/schema';
import { dispatch, getDoc } from '../../store/document';
import { select, uiStore } from '../../store/ui';
import { DEFAULT_SIZE } from '../editing/nodeSizes';
import { viewportCentre } from './flowApi';

export const GRID = 16;
export const DRAG_TYPE = 'application/x-warren-kind';
export const KINDS: NodeKind[] = ['producer', 'exchange', 'queue', 'consumer', 'note'];

const snap = (v: number) => (uiStore.getState().snapToGrid ? Math.round(v / GRID) * GRID : Math.round(v));

/** Add a node of `kind` centred on the flow point `at`; returns its id. */
export function addNodeAt(kind: NodeKind, at: { x: number; y: number }): string {
  const doc = getDoc();
  const size = DEFAULT_SIZE[kind];
  let position = { x: snap(at.x - size.width / 2), y: snap(at.y - size.height / 2) };
  // Never stack a new node exactly on an existing one.
  while (doc.nodes.some((n) => Math.abs(n.position.x - position.x) < 8 && Math.abs(n.position.y - position.y) < 8)) {
    position = { x: position.x + 2 * GRID, y: position.y + 2 * GRID };
  }
  const node = createNode(doc, kind, position);
  dispatch({ type: 'add-nodes', nodes: [node] });
  select([node.id], []);
  return node.id;
}

export const addNodeAtCentre = (kind: NodeKind): string => addNodeAt(kind, viewportCentre());

export const isNodeKind = (s: string): s is NodeKind => (KINDS as string[]).includes(s);
