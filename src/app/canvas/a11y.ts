/**
 * React Flow's own words in the reader's language: the labels of its controls, minimap and
 * handles, its keyboard help, and the role and label of every node and connection (React Flow
 * writes "node", "edge" and "Edge from p1 to x1" unless told otherwise).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AriaLabelConfig } from '@xyflow/react';
import type { ScenarioDocument } from '../../scenario/schema';
import type { FlowEdge, FlowNode } from './types';

type T = (key: string, options?: Record<string, unknown>) => string;

/** `ariaLabelConfig` for <ReactFlow>, rebuilt when the language changes. */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation('editor');
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.a11y.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('canvas.a11y.moved', { direction: t(`canvas.a11y.direction.${direction}`), x, y }),
      'edge.a11yDescription.default': t('canvas.a11y.edgeHelp'),
      'controls.ariaLabel': t('canvas.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.a11y.fitView'),
      'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
      'minimap.ariaLabel': t('canvas.a11y.minimap'),
      'handle.ariaLabel': t('canvas.a11y.handle'),
    }),
    // `t` changes identity with the language; the language is named so the intent is plain.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.resolvedLanguage],
  );
}

const nameOf = (doc: ScenarioDocument, id: string): string => {
  const n = doc.nodes.find((x) => x.id === id);
  return n && n.kind !== 'note' ? n.config.name : id;
};

/** Edges with a role and a label that name what they connect ("Binding from work to work.retry"). */
export function labelEdges(edges: FlowEdge[], doc: ScenarioDocument, t: T): FlowEdge[] {
  const role = { 'aria-roledescription': t('canvas.a11y.edge') };
  return edges.map((e) => ({
    ...e,
    ariaLabel: t(`canvas.a11y.edgeLabel.${e.type ?? 'binding'}`, { source: nameOf(doc, e.source), target: nameOf(doc, e.target) }),
    domAttributes: { ...e.domAttributes, ...role },
  }));
}

/**
 * Nodes with their role in the reader's language. Flow nodes are cached upstream (a node that did
 * not change keeps its object, so its component skips rendering); the labelled copy is cached per
 * flow node for the same reason.
 */
export function labelNodes(nodes: FlowNode[], role: string, cache: WeakMap<FlowNode, FlowNode>): FlowNode[] {
  return nodes.map((n) => {
    const hit = cache.get(n);
    if (hit && hit.domAttributes?.['aria-roledescription'] === role) return hit;
    const labelled = { ...n, domAttributes: { ...n.domAttributes, 'aria-roledescription': role } } as FlowNode;
    cache.set(n, labelled);
    return labelled;
  });
}
