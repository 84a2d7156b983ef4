/**
 * Retry loops drawn as a loop below the message path. A return loop is a group of nodes off the
 * path (a retry exchange and its waiting queue) that a queue on the path dead-letters into and
 * that dead-letters back to an exchange earlier on the path. Left to the layered algorithm, the
 * way back stretches across the whole diagram; instead the group is laid out on its own, set in a
 * row under the path between the two, and its two dead-letter links get short routes of their own:
 *
 *   jobs → [work] ──task──→ [work] → worker
 *             ▲  ┌───DLX──────┘
 *             │  │  [retry] → [work.retry-3s]
 *             │  └───┘              │
 *             └────────DLX──────────┘
 *
 * Pure: no ELK, no DOM. `placeLoops` returns null when the loop would not fit cleanly (a node in
 * the way), and the caller keeps the plain layered layout.
 */
import type { Box, Layout, Point, Route } from './autoLayout';
import { labelSize, type LayoutEdge } from './layoutGraph';
import { SIDE_PORT_OFFSET, type Size } from './nodeSizes';

export type ReturnLoop = { nodes: Set<string>; enter: LayoutEdge; exit: LayoutEdge };

/** Room between the path and the loop's row, and between the loop's row and its lanes. */
const GAP = { row: 56, lane: 28, side: 24 };

/** Nodes reached from a producer along publish, binding and consume edges. */
function onPath(producers: string[], edges: LayoutEdge[]): Set<string> {
  const path = new Set(producers);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of edges) if (e.kind === 'main' && path.has(e.source) && !path.has(e.target)) grew = !!path.add(e.target);
  }
  return path;
}

/** Return loops: an off-path group joined by main edges, entered by one dead-letter link from the path and left by one back to it. */
export function findReturnLoops(producers: string[], edges: LayoutEdge[]): ReturnLoop[] {
  // (Only the first group a dead-letter link enters counts; a node in two loops stays with the first.)
  const path = onPath(producers, edges);
  const loops: ReturnLoop[] = [];
  const taken = new Set<string>();
  for (const enter of edges) {
    if (enter.kind !== 'side' || !path.has(enter.source) || path.has(enter.target) || taken.has(enter.target)) continue;
    // The group: everything reached from the entry along main edges, off the path.
    const group = new Set([enter.target]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of edges) if (e.kind === 'main' && group.has(e.source) && !group.has(e.target) && !path.has(e.target)) grew = !!group.add(e.target);
    }
    const touching = edges.filter((e) => group.has(e.source) !== group.has(e.target) && (group.has(e.source) || group.has(e.target)));
    const exits = touching.filter((e) => e.kind === 'side' && group.has(e.source) && path.has(e.target));
    // Exactly one way in and one way out, nothing else attached: a plain loop.
    if (exits.length !== 1 || touching.length !== 2) continue;
    for (const id of group) taken.add(id);
    loops.push({ nodes: group, enter, exit: exits[0] });
  }
  return loops;
}

type Boxes = Map<string, Box>;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const shrink = (b: Box, by: number): Box => ({ x: b.x + by, y: b.y + by, width: b.width - 2 * by, height: b.height - 2 * by });
const segment = (a: Point, b: Point): Box => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.01, height: Math.abs(a.y - b.y) || 0.01 });
const bottomOf = (r: Route) => Math.max(...r.points.map((p) => p.y), r.label ? r.label.y + r.label.height : -Infinity);

/** A label centred on the horizontal segment from x `a` to x `b` at height `y`. */
function labelOn(text: string | undefined, a: number, b: number, y: number): Box | undefined {
  if (text === undefined) return undefined;
  const { width, height } = labelSize(text);
  return { x: Math.round((a + b) / 2 - width / 2), y: y - height / 2, width, height };
}

/**
 * Moves each loop's group under the path (it was laid out as a component of its own, without its
 * two dead-letter links) and routes those links; null if a route or label would cross a node.
 */
export function placeLoops(layout: Layout, loops: ReturnLoop[], edges: LayoutEdge[], sizeOf: (id: string) => Size): Layout | null {
  const ends = new Map(edges.map((e) => [e.id, e]));
  // An edge that runs inside the loop's group (both ends in it) moves with it.
  const loopEdge = (id: string, loop: ReturnLoop) => !!ends.get(id) && loop.nodes.has(ends.get(id)!.source) && loop.nodes.has(ends.get(id)!.target);
  const at = new Map(layout.moves.map((m) => [m.id, m]));
  const box = (id: string): Box => ({ x: at.get(id)!.x, y: at.get(id)!.y, ...sizeOf(id) });
  const moves = layout.moves.map((m) => ({ ...m }));
  const routes: Record<string, Route> = { ...layout.routes };
  for (const loop of loops) {
    const inLoop = (id: string) => loop.nodes.has(id);
    const main = layout.moves.filter((m) => !loops.some((l) => l.nodes.has(m.id)));
    const S = box(loop.enter.source);
    const T = box(loop.exit.target);
    const sx = S.x + S.width / 2 + SIDE_PORT_OFFSET; // a queue's dead-letter handle, right of mid-bottom
    const tx = T.x + T.width / 2 - SIDE_PORT_OFFSET; // an exchange's side-in handle, left of mid-bottom
    if (sx <= tx) return null; // not a way back: the layered layout draws it well
    const mainRoutes = Object.entries(layout.routes).filter(([id]) => !loopEdge(id, loop));
    const pathBottom = Math.max(...main.map((m) => box(m.id).y + box(m.id).height), ...mainRoutes.map(([, r]) => bottomOf(r)));
    const group = [...loop.nodes].map(box);
    const [gx, gy] = [Math.min(...group.map((b) => b.x)), Math.min(...group.map((b) => b.y))];
    const lane = tx + GAP.side;
    const [dx, dy] = [lane + GAP.side - gx, pathBottom + GAP.row - gy];
    for (const m of moves) if (inLoop(m.id)) [m.x, m.y] = [m.x + dx, m.y + dy];
    for (const [id, r] of Object.entries(layout.routes)) {
      if (!loopEdge(id, loop)) continue;
      routes[id] = {
        points: r.points.map((p) => ({ x: p.x + dx, y: p.y + dy })),
        ...(r.label ? { label: { ...r.label, x: r.label.x + dx, y: r.label.y + dy } } : {}),
      };
    }
    const moved = new Map(moves.map((m) => [m.id, m]));
    const boxOf = (id: string): Box => ({ x: moved.get(id)!.x, y: moved.get(id)!.y, ...sizeOf(id) });
    const groupBottom = Math.max(...[...loop.nodes].map((id) => boxOf(id).y + boxOf(id).height));
    const A = boxOf(loop.enter.target);
    const B = boxOf(loop.exit.source);
    const ax = A.x + A.width / 2 - SIDE_PORT_OFFSET;
    const bx = B.x + B.width / 2 + SIDE_PORT_OFFSET;
    const top = pathBottom + GAP.row / 2;
    const under = groupBottom + GAP.lane - 6;
    const deeper = groupBottom + GAP.lane * 2;
    routes[loop.enter.id] = {
      points: [
        { x: sx, y: S.y + S.height },
        { x: sx, y: top },
        { x: lane, y: top },
        { x: lane, y: under },
        { x: ax, y: under },
        { x: ax, y: A.y + A.height },
      ],
      ...withLabel(labelOn(loop.enter.label, sx, lane, top)),
    };
    routes[loop.exit.id] = {
      points: [
        { x: bx, y: B.y + B.height },
        { x: bx, y: deeper },
        { x: tx, y: deeper },
        { x: tx, y: T.y + T.height },
      ],
      ...withLabel(labelOn(loop.exit.label, bx, tx, deeper)),
    };
  }
  const result = atOrigin({ moves, routes });
  return clear(result, sizeOf, loops) ? result : null;
}

const withLabel = (label: Box | undefined) => (label ? { label } : {});

/** The layout shifted so its nodes start where ELK starts a drawing (12, 12). */
function atOrigin(layout: Layout): Layout {
  const dx = 12 - Math.min(...layout.moves.map((m) => m.x));
  const dy = 12 - Math.min(...layout.moves.map((m) => m.y));
  const move = (p: Point) => ({ x: p.x + dx, y: p.y + dy });
  return {
    moves: layout.moves.map((m) => ({ ...m, x: m.x + dx, y: m.y + dy })),
    routes: Object.fromEntries(
      Object.entries(layout.routes).map(([id, r]) => [id, { points: r.points.map(move), ...(r.label ? { label: { ...r.label, ...move(r.label) } } : {}) }]),
    ),
  };
}

/** The loops' routes and labels cross no node, and no label lies on another. */
function clear(layout: Layout, sizeOf: (id: string) => Size, loops: ReturnLoop[]): boolean {
  const boxes: Boxes = new Map(layout.moves.map((m) => [m.id, { x: m.x, y: m.y, ...sizeOf(m.id) }]));
  const labels = Object.values(layout.routes).flatMap((r) => (r.label ? [r.label] : []));
  for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) if (overlap(a, b)) return false;
  for (const l of labels) for (const b of boxes.values()) if (overlap(l, b)) return false;
  for (const loop of loops)
    for (const id of [loop.enter.id, loop.exit.id]) {
      const pts = layout.routes[id].points;
      for (let i = 1; i < pts.length; i++) for (const b of boxes.values()) if (overlap(segment(pts[i - 1], pts[i]), shrink(b, 1))) return false;
    }
  return true;
}
