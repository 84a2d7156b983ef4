/**
 * An edge's path: the route ELK laid out for it (orthogonal, with rounded corners, its label in
 * the place ELK kept free) while that route still starts and ends at the edge's handles, else the
 * given fallback curve.
 */
import type { EdgeProps } from '@xyflow/react';
import type { Point, Route } from '../../editing/autoLayout';

/** How far (canvas px) a handle may sit from the route's end: the handle dot's own offset. */
const SLACK = 8;
const RADIUS = 10;

const near = (a: Point, x: number, y: number) => Math.abs(a.x - x) <= SLACK && Math.abs(a.y - y) <= SLACK;

/** Straight segments joined by quarter-circle-ish corners. */
export function roundedPath(points: Point[]): string {
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(RADIUS, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const before = { x: b.x - Math.sign(b.x - a.x) * r, y: b.y - Math.sign(b.y - a.y) * r };
    const after = { x: b.x + Math.sign(c.x - b.x) * r, y: b.y + Math.sign(c.y - b.y) * r };
    d += ` L${before.x},${before.y} Q${b.x},${b.y} ${after.x},${after.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

type Ends = Pick<EdgeProps, 'sourceX' | 'sourceY' | 'targetX' | 'targetY'>;

/** Path and label centre; `fallback` is React Flow's path function for when there is no usable route. */
export function routedPath(p: Ends, route: Route | undefined, fallback: () => [string, number, number, ...unknown[]]): [string, number, number] {
  const pts = route?.points;
  if (!pts || pts.length < 2 || !near(pts[0], p.sourceX, p.sourceY) || !near(pts[pts.length - 1], p.targetX, p.targetY)) {
    const [path, x, y] = fallback();
    return [path, x, y];
  }
  // Join the route to the handles exactly, moving the neighbouring corner with it so lines stay straight.
  const points = pts.map((q) => ({ ...q }));
  const snap = (i: number, j: number, x: number, y: number) => {
    const horizontal = points[i].y === points[j].y;
    points[i] = { x, y };
    if (points.length > 2) points[j] = horizontal ? { x: points[j].x, y } : { x, y: points[j].y };
  };
  snap(0, 1, p.sourceX, p.sourceY);
  snap(points.length - 1, points.length - 2, p.targetX, p.targetY);
  const l = route.label;
  const mid = points[Math.floor(points.length / 2)];
  return [roundedPath(points), l ? l.x + l.width / 2 : mid.x, l ? l.y + l.height / 2 : mid.y];
}
