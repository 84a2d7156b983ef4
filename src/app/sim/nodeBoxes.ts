/**
 * The canvas's node boxes, read from React Flow's store: for the message layer (which draws
 * between them) and the live counters (which write only the cards on screen).
 */
import type { ReactFlowState } from '@xyflow/react';

/** Node boxes in flow units: x, y, width, height per node, in the order of `ids`. */
export interface Boxes {
  ids: string[];
  boxes: Float64Array;
}

export function boxesOf(state: Pick<ReactFlowState, 'nodeLookup'>): Boxes {
  const ids: string[] = [];
  const boxes = new Float64Array(state.nodeLookup.size * 4);
  for (const [id, n] of state.nodeLookup) {
    const p = n.internals.positionAbsolute;
    boxes.set([p.x, p.y, n.measured.width ?? 0, n.measured.height ?? 0], ids.length * 4);
    ids.push(id);
  }
  return { ids, boxes };
}

export const sameBoxes = (a: Boxes, b: Boxes) =>
  a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i]) && a.boxes.every((v, i) => v === b.boxes[i]);
