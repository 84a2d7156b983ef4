/**
 * The one React Flow instance on screen, reachable from actions (fit view, zoom, viewport centre)
 * without threading it through React. Null until the canvas has mounted.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './types';

type Instance = ReactFlowInstance<FlowNode, FlowEdge>;
let instance: Instance | null = null;
let pane: HTMLElement | null = null;

export function attachFlow(i: Instance | null, el: HTMLElement | null): void {
  instance = i;
  pane = el;
}

export const getFlow = (): Instance | null => instance;

/** The flow position at the middle of the visible canvas. */
export function viewportCentre(): { x: number; y: number } {
  if (!instance || !pane) return { x: 0, y: 0 };
  const r = pane.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

/** The canvas pane's size on screen, or null before it has mounted. */
export function paneSize(): { width: number; height: number } | null {
  if (!pane) return null;
  const r = pane.getBoundingClientRect();
  return r.width && r.height ? { width: r.width, height: r.height } : null;
}

export function measuredSize(id: string): { width: number; height: number } | undefined {
  const n = instance?.getInternalNode(id);
  const w = n?.measured.width;
  const h = n?.measured.height;
  return w && h ? { width: w, height: h } : undefined;
}
