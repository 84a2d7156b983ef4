import { memo } from 'react';
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';

/** Approximate drawn size of each node kind, in canvas pixels. */
const SIZE: Record<ScenarioNode['kind'], [number, number]> = {
  producer: [180, 76],
  exchange: [170, 76],
  queue: [240, 86],
  consumer: [190, 80],
  note: [200, 90],
};

function Shape({ node }: { node: ScenarioNode }) {
  const [w, h] = SIZE[node.kind];
  const { x, y } = node.position;
  switch (node.kind) {
    case 'producer':
      return <rect x={x} y={y} width={w} height={h} rx={14} className="fill-zinc-700 dark:fill-zinc-300" />;
    case 'exchange':
      return <path d={`M${x + 24} ${y} H${x + w - 24} L${x + w} ${y + h / 2} L${x + w - 24} ${y + h} H${x + 24} L${x} ${y + h / 2} Z`} className="fill-blue-600 dark:fill-blue-500" />;
    case 'queue':
      return <rect x={x} y={y} width={w} height={h} rx={h / 2} className="fill-white stroke-zinc-400 dark:fill-zinc-800 dark:stroke-zinc-500" strokeWidth={8} />;
    case 'consumer':
      return <rect x={x} y={y} width={w} height={h} rx={14} className="fill-zinc-300 dark:fill-zinc-600" />;
    case 'note':
      return <rect x={x} y={y} width={w} height={h} rx={6} className="fill-amber-200 dark:fill-amber-400/60" />;
  }
}

/** A small drawing of a scenario from its node positions and kinds (no rendering of the real canvas). */
export const Thumbnail = memo(function Thumbnail({ doc }: { doc: ScenarioDocument }) {
  const nodes = doc.nodes;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of nodes) {
    const [w, h] = SIZE[n.kind];
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + w);
    maxY = Math.max(maxY, n.position.y + h);
  }
  if (!nodes.length) [minX, minY, maxX, maxY] = [0, 0, 400, 200];
  const pad = 60;
  const centre = (id: string, side: 'in' | 'out') => {
    const n = byId.get(id);
    if (!n) return null;
    const [w, h] = SIZE[n.kind];
    return { x: n.position.x + (side === 'out' ? w : 0), y: n.position.y + h / 2 };
  };
  return (
    <svg viewBox={`${minX - pad} ${minY - pad} ${maxX - minX + 2 * pad} ${maxY - minY + 2 * pad}`} preserveAspectRatio="xMidYMid meet" className="h-full w-full" aria-hidden>
      {doc.edges.map((e) => {
        const a = centre(e.source, 'out');
        const b = centre(e.target, 'in');
        if (!a || !b) return null;
        const mx = (a.x + b.x) / 2;
        return <path key={e.id} d={`M${a.x} ${a.y} C${mx} ${a.y} ${mx} ${b.y} ${b.x} ${b.y}`} fill="none" className="stroke-zinc-400 dark:stroke-zinc-500" strokeWidth={7} />;
      })}
      {nodes.map((n) => (
        <Shape key={n.id} node={n} />
      ))}
    </svg>
  );
});
