import { getViewportForBounds, type Rect } from '@xyflow/react';
import { getDoc } from '../../store/document';
import { nodeSize } from '../editing/nodeSizes';
import { getFlow, measuredSize, paneSize } from '../canvas/flowApi';
import { routeStore } from '../canvas/routes';
import { register } from './register';
import { createStore } from 'zustand';

/** How many fits have been made: the canvas shows it, for tests to wait on. */
export const fitStore = createStore<{ fits: number }>()(() => ({ fits: 0 }));

/**
 * Room kept free around the fitted content, in screen pixels: the canvas toolbar, zoom controls
 * and cluster strip sit along the top; the rest needs only a margin.
 */
export const FIT_PADDING = { top: '64px', bottom: '16px', left: '8px', right: '8px' } as const;
const MAX_ZOOM = 1.25;
const MIN_ZOOM = 0.2;

/**
 * The nodes and every laid-out edge route and label (a loop may run outside the nodes' box), from
 * the document and the pure node sizes: right after a document opens, React Flow may still hold
 * the sizes of the previous document's nodes with the same ids.
 */
export function contentBounds(): Rect | null {
  const nodes = getDoc().nodes;
  if (!nodes.length) return null;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    // A note grows with its text.
    const { width, height } = (n.kind === 'note' && measuredSize(n.id)) || nodeSize(n);
    [x1, y1, x2, y2] = [Math.min(x1, n.position.x), Math.min(y1, n.position.y), Math.max(x2, n.position.x + width), Math.max(y2, n.position.y + height)];
  }
  for (const r of Object.values(routeStore.getState().routes)) {
    for (const p of r.points) [x1, y1, x2, y2] = [Math.min(x1, p.x), Math.min(y1, p.y), Math.max(x2, p.x), Math.max(y2, p.y)];
    const l = r.label;
    if (l) [x1, y1, x2, y2] = [Math.min(x1, l.x), Math.min(y1, l.y), Math.max(x2, l.x + l.width), Math.max(y2, l.y + l.height)];
  }
  // Arrowheads and unrouted dashed loops reach a little past their points.
  const m = 8;
  return { x: x1 - m, y: y1 - m, width: x2 - x1 + 2 * m, height: y2 - y1 + 2 * m };
}

type Flow = NonNullable<ReturnType<typeof getFlow>>;

/**
 * Zoom and pan so that everything drawn is in view (presenting allows a larger zoom); false when
 * there is nothing to fit yet. The canvas passes its own instance and size before `onInit`.
 */
export function fitContent(duration = 200, maxZoom = MAX_ZOOM, flow: Flow | null = getFlow(), size = paneSize()): boolean {
  const bounds = contentBounds();
  if (!flow || !bounds || !size) return false;
  void flow.setViewport(getViewportForBounds(bounds, size.width, size.height, MIN_ZOOM, maxZoom, FIT_PADDING), { duration });
  fitStore.setState((s) => ({ fits: s.fits + 1 }));
  return true;
}

export const actionFitView = register({
  name: 'fitView',
  group: 'view',
  keys: ['Shift+1'],
  perform: () => fitContent(),
});
