import { getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';
import { getDoc } from '../../store/document';
import { nodeSizeIn, SMALL_PX } from '../editing/nodeSizes';
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
/** The smallest zoom a fit goes to: the smallest text on nodes and labels at 11 px on screen. */
export const READABLE_ZOOM = 11 / SMALL_PX;
const px = (s: string) => parseFloat(s);

/**
 * The nodes and every laid-out edge route and label (a loop may run outside the nodes' box), from
 * the document and the pure node sizes: right after a document opens, React Flow may still hold
 * the sizes of the previous document's nodes with the same ids.
 */
export function contentBounds(): Rect | null {
  const doc = getDoc();
  const nodes = doc.nodes;
  if (!nodes.length) return null;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    // A note grows with its text.
    const { width, height } = (n.kind === 'note' && measuredSize(n.id)) || nodeSizeIn(doc, n);
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
 * The whole of `bounds` in view when it reads so; else (a big import) the readable zoom, starting
 * at its top-left, where the message path and the first vhost begin, and the rest a pan away
 * (the minimap shows it). An axis that fits at that zoom is centred.
 */
export function fittedViewport(bounds: Rect, size: { width: number; height: number }, maxZoom = MAX_ZOOM): Viewport {
  const whole = getViewportForBounds(bounds, size.width, size.height, MIN_ZOOM, maxZoom, FIT_PADDING);
  if (whole.zoom >= READABLE_ZOOM) return whole;
  const zoom = Math.min(READABLE_ZOOM, maxZoom);
  const axis = (start: number, length: number, from: number, room: number) => {
    const free = room - length * zoom;
    return (free >= 0 ? from + free / 2 : from) - start * zoom;
  };
  const { top, bottom, left, right } = FIT_PADDING;
  return {
    zoom,
    x: axis(bounds.x, bounds.width, px(left), size.width - px(left) - px(right)),
    y: axis(bounds.y, bounds.height, px(top), size.height - px(top) - px(bottom)),
  };
}

/**
 * Zoom and pan so that everything drawn is in view (presenting allows a larger zoom); false when
 * there is nothing to fit yet. The canvas passes its own instance and size before `onInit`.
 */
export function fitContent(duration = 200, maxZoom = MAX_ZOOM, flow: Flow | null = getFlow(), size = paneSize()): boolean {
  const bounds = contentBounds();
  if (!flow || !bounds || !size) return false;
  void flow.setViewport(fittedViewport(bounds, size, maxZoom), { duration });
  fitStore.setState((s) => ({ fits: s.fits + 1 }));
  return true;
}

export const actionFitView = register({
  name: 'fitView',
  group: 'view',
  keys: ['Shift+1'],
  perform: () => fitContent(),
});
