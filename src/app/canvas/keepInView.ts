/**
 * The canvas keeps its transform when it gets narrower or shorter: the inspector opening with a
 * selection (with a lesson open it comes only then), the code panel, a smaller window. What sat at
 * the right or bottom edge then lies under the new panel, the selected node included, so a learner
 * who clicked a card no longer sees it. When that happens the view pans by the least that brings the
 * whole topology back into view where it still fits, zooms out a little where that makes it fit,
 * and else brings back the selection (its top-left corner, when it is larger than the view).
 */
import { useEffect, type RefObject } from 'react';
import { uiStore } from '../../store/ui';
import { getFlow } from './flowApi';

/** Room kept between the selection and the canvas's edge, in screen px. */
const MARGIN = 24;
/** The topology is zoomed out to stay whole by at most this much; further, its text would shrink too far. */
const MIN_SCALE = 0.85;
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

export interface View {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Where the view goes once the canvas is `width`×`height`: the whole topology (`all`, on screen) kept
 * whole where it still fits, or fits a little smaller (centred then); else the selection brought
 * back. Null: nothing to do.
 */
export function viewAfterShrink(v: View, all: Box | null, selection: () => Box | null, width: number, height: number): View | null {
  const scale = all ? Math.min((width - 2 * MARGIN) / (all.right - all.left), (height - 2 * MARGIN) / (all.bottom - all.top)) : 0;
  if (all && scale < 1 && scale >= MIN_SCALE) {
    const zoom = v.zoom * scale;
    const left = (all.left - v.x) / v.zoom;
    const top = (all.top - v.y) / v.zoom;
    const w = (all.right - all.left) / v.zoom;
    const h = (all.bottom - all.top) / v.zoom;
    return { x: (width - w * zoom) / 2 - left * zoom, y: (height - h * zoom) / 2 - top * zoom, zoom };
  }
  const box = scale >= 1 ? all : selection();
  if (!box) return null;
  const { dx, dy } = panIntoView(box, width, height);
  return dx || dy ? { x: v.x + dx, y: v.y + dy, zoom: v.zoom } : null;
}

/** The box of nodes `ids` on screen, relative to the pane, or null when none is measured. */
function screenBox(ids: readonly string[]): Box | null {
  const flow = getFlow();
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
      const flow = getFlow();
      if (!flow) return;
      const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
      const next = viewAfterShrink(flow.getViewport(), screenBox(flow.getNodes().map((n) => n.id)), () => screenBox(uiStore.getState().selectedNodeIds), width, height);
      if (next) void flow.setViewport(next, { duration: still ? 0 : PAN_MS });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [pane]);
}
