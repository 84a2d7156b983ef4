/**
 * Which nodes' cards are on screen, for the live counters (live.ts): while a run plays only those
 * are written. A card counts when its box meets the canvas's pane grown by MARGIN_PX on each side,
 * so one about to scroll in is already up to date.
 */
import { memo, useEffect } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { boxesOf, type Boxes } from '../../sim/nodeBoxes';
import { setOnScreen } from './live';

const MARGIN_PX = 80;

/** Ids of the nodes whose box (flow units) meets the pane (`width`×`height` px at `transform`), or null while the pane has no size yet. */
export function nodesOnScreen(transform: readonly [number, number, number], width: number, height: number, { ids, boxes }: Boxes, margin = MARGIN_PX): Set<string> | null {
  if (!(width > 0 && height > 0)) return null;
  const [tx, ty, zoom] = transform;
  const out = new Set<string>();
  ids.forEach((id, i) => {
    const left = boxes[i * 4] * zoom + tx;
    const top = boxes[i * 4 + 1] * zoom + ty;
    if (left + boxes[i * 4 + 2] * zoom >= -margin && left <= width + margin && top + boxes[i * 4 + 3] * zoom >= -margin && top <= height + margin) out.add(id);
  });
  return out;
}

const sameSet = (a: Set<string> | null, b: Set<string> | null) => a === b || (!!a && !!b && a.size === b.size && [...a].every((id) => b.has(id)));

/** Inside the canvas: keeps live.ts told which cards are on screen. */
export const CountersOnScreen = memo(function CountersOnScreen() {
  const flow = useStoreApi();
  useEffect(() => {
    let last: Set<string> | null = null;
    const follow = (state: ReactFlowState) => {
      const next = nodesOnScreen(state.transform, state.width, state.height, boxesOf(state));
      if (sameSet(next, last)) return;
      last = next;
      setOnScreen(next && ((id) => next.has(id)));
    };
    follow(flow.getState());
    const off = flow.subscribe(follow);
    return () => {
      off();
      setOnScreen(null);
    };
  }, [flow]);
  return null;
});
