/**
 * The canvas keeps its transform when it gets narrower or shorter: the inspector opening with a
 * selection (with a lesson open it comes only then), the code panel, a smaller window. What sat at
 * the right or bottom edge then lies under the new panel, the selected node included, so a learner
 * who clicked a card no longer sees it. When that happens the view pans by the least that brings the
 * selection back into view (or its top-left corner, when it is larger than the view).
 */
import { useEffect, type RefObject } from 'react';
import { uiStore } from '../../store/ui';
import { getFlow } from './flowApi';

/** Room kept between the selection and the canvas's edge, in screen px. */
const MARGIN = 24;
/** Long enough to see where the view went, short enough not to keep a click waiting. */
const PAN_MS = 180;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How far to pan (screen px) so that `box` lies inside a view of `width`×`height` with `margin`
 * around it; where it cannot fit, its left or top edge wins (names are read from there).
 */
export function panIntoView(box: Box, width: number, height: number, margin = MARGIN): { dx: number; dy: number } {
  const axis = (lo: number, hi: number, size: number) => {
    if (hi > size - margin) {
      const d = size - margin - hi;
      return lo + d < margin ? margin - lo : d;
    }
    return lo < margin ? margin - lo : 0;
  };
  return { dx: axis(box.left, box.right, width), dy: axis(box.top, box.bottom, height) };
}

/** The selected nodes' box on screen, relative to the pane, or null when nothing is selected or measured. */
function selectionBox(): Box | null {
  const flow = getFlow();
  const ids = uiStore.getState().selectedNodeIds;
  if (!flow || !ids.length) return null;
  const { x, y, zoom } = flow.getViewport();
  let box: Box | null = null;
  for (const id of ids) {
    const n = flow.getInternalNode(id);
    const w = n?.measured.width;
    const h = n?.measured.height;
    if (!n || !w || !h) continue;
    const p = n.internals.positionAbsolute;
    const left = p.x * zoom + x;
    const top = p.y * zoom + y;
    const right = left + w * zoom;
    const bottom = top + h * zoom;
    box = box
      ? { left: Math.min(box.left, left), top: Math.min(box.top, top), right: Math.max(box.right, right), bottom: Math.max(box.bottom, bottom) }
      : { left, top, right, bottom };
  }
  return box;
}

export function useKeepSelectionInView(pane: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = pane.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    let height = el.clientHeight;
    const observer = new ResizeObserver(() => {
      const shrank = el.clientWidth < width || el.clientHeight < height;
      width = el.clientWidth;
      height = el.clientHeight;
      if (!shrank || !width || !height) return;
      const box = selectionBox();
      const flow = getFlow();
      if (!box || !flow) return;
      const { dx, dy } = panIntoView(box, width, height);
      if (!dx && !dy) return;
      const v = flow.getViewport();
      const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
      void flow.setViewport({ x: v.x + dx, y: v.y + dy, zoom: v.zoom }, { duration: still ? 0 : PAN_MS });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [pane]);
}
