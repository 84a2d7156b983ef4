/**
 * The controlled canvas: nodes and edges derived from the document store, and React Flow's
 * changes turned back into document changes (moves) and UI state (selection, measured sizes).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { dispatch, useDocument } from '../../store/document';
import { select, uiStore, useUi } from '../../store/ui';
import { useTranslation } from 'react-i18next';
import { toFlowEdges, toFlowNodes, type NodeCache, type Size } from './toFlow';
import { labelEdges, labelNodes } from './a11y';
import type { FlowEdge, FlowNode } from './types';
import { useCode } from '../code/store';
import { codeFlow } from '../code/canvas';
import { routeStore } from './routes';
import { useStore } from 'zustand';

function applySelection(current: string[], changes: { id: string; selected: boolean }[]): string[] {
  if (!changes.length) return current;
  const set = new Set(current);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

export function useFlowState() {
  const doc = useDocument((s) => s.doc);
  const selectedNodeIds = useUi((s) => s.selectedNodeIds);
  const selectedEdgeIds = useUi((s) => s.selectedEdgeIds);
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const cache = useRef<NodeCache>(new Map());
  const labelled = useRef(new WeakMap<FlowNode, FlowNode>());
  const { t } = useTranslation('editor');

  const selectedNodes = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const selectedEdges = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  // Code hook: what programs declared, beside the document's nodes (code/canvas.ts).
  const codeView = useCode((s) => s.view);
  const code = useMemo(() => codeFlow(codeView, doc), [codeView, doc]);
  // Roles and labels in the reader's language (`t` changes with it); edges follow ELK's routes where it laid them out.
  const routes = useStore(routeStore, (s) => s.routes);
  const docNodes = useMemo(() => labelNodes(toFlowNodes(doc, selectedNodes, sizes, cache.current), t('canvas.a11y.node'), labelled.current), [doc, selectedNodes, sizes, t]);
  const docEdges = useMemo(() => labelEdges(toFlowEdges(doc, selectedEdges, routes), doc, t), [doc, selectedEdges, routes, t]);
  const nodes = useMemo(() => (code.nodes.length ? [...docNodes, ...(code.nodes as unknown as FlowNode[])] : docNodes), [docNodes, code]);
  const edges = useMemo(() => (code.edges.length ? [...docEdges, ...(code.edges as FlowEdge[])] : docEdges), [docEdges, code]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const moves: { id: string; x: number; y: number }[] = [];
    const selections: { id: string; selected: boolean }[] = [];
    let resized: Map<string, Size> | null = null;
    for (const c of changes) {
      if (c.type === 'position' && c.position) moves.push({ id: c.id, x: Math.round(c.position.x), y: Math.round(c.position.y) });
      else if (c.type === 'select') selections.push(c);
      else if (c.type === 'dimensions' && c.dimensions) (resized ??= new Map()).set(c.id, c.dimensions);
    }
    if (moves.length) dispatch({ type: 'move-nodes', moves });
    if (selections.length) {
      const s = uiStore.getState();
      select(applySelection(s.selectedNodeIds, selections), s.selectedEdgeIds);
    }
    if (resized) {
      const updates = resized;
      setSizes((prev) => {
        const next = new Map(prev);
        for (const [id, d] of updates) {
          const old = prev.get(id);
          if (!old || old.width !== d.width || old.height !== d.height) next.set(id, { width: d.width, height: d.height });
        }
        return next;
      });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const selections = changes.filter((c): c is Extract<EdgeChange, { type: 'select' }> => c.type === 'select');
    if (!selections.length) return;
    const s = uiStore.getState();
    select(s.selectedNodeIds, applySelection(s.selectedEdgeIds, selections));
  }, []);

  return { nodes, edges, onNodesChange, onEdgesChange };
}
