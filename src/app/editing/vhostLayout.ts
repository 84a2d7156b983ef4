/**
 * An imported definitions.json with several vhosts, laid out one vhost at a time: each vhost's
 * topology by autoLayout (ELK), one band under the other, each under the note naming it, and
 * every route moved with its band, so the canvas draws ELK's routes for the whole import.
 */
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';
import { autoLayout, type Layout, type Point, type Route } from './autoLayout';
import { DEFAULT_SIZE, nodeSizeIn } from './nodeSizes';

/** Room between one vhost's band and the next one's note, and between a note and its band. */
const GAP = { band: 90, note: 30 };

export const vhostOf = (n: ScenarioNode): string | null => (n.kind === 'exchange' || n.kind === 'queue' ? n.config.vhost : null);

const moved = (r: Route, dx: number, dy: number): Route => {
  const at = (p: Point) => ({ x: p.x + dx, y: p.y + dy });
  return { points: r.points.map(at), ...(r.label ? { label: { ...r.label, ...at(r.label) } } : {}) };
};

/** The layout of `doc`: by vhost when it has more than one, else autoLayout's. */
export async function layoutByVhost(doc: Pick<ScenarioDocument, 'nodes' | 'edges'> & Partial<Pick<ScenarioDocument, 'broker'>>): Promise<Layout> {
  const vhosts = [...new Set(doc.nodes.map(vhostOf).filter((v): v is string => v !== null))];
  if (vhosts.length <= 1) return autoLayout(doc);
  const notes = new Map(doc.nodes.flatMap((n) => (n.kind === 'note' ? [[n.config.text.replace(/^vhost /, ''), n.id] as const] : [])));
  const layout: Layout = { moves: [], routes: {} };
  let top = 0;
  for (const vhost of vhosts) {
    const nodes = doc.nodes.filter((n) => vhostOf(n) === vhost);
    const ids = new Set(nodes.map((n) => n.id));
    const part = { nodes, edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)), broker: doc.broker };
    const noteId = notes.get(vhost);
    if (noteId) {
      layout.moves.push({ id: noteId, x: 0, y: top });
      top += DEFAULT_SIZE.note.height + GAP.note;
    }
    const { moves, routes } = await autoLayout(part);
    const dx = -Math.min(...moves.map((m) => m.x));
    const dy = top - Math.min(...moves.map((m) => m.y));
    let bottom = top;
    for (const m of moves) {
      layout.moves.push({ id: m.id, x: m.x + dx, y: m.y + dy });
      bottom = Math.max(bottom, m.y + dy + nodeSizeIn(part, nodes.find((n) => n.id === m.id)!).height);
    }
    for (const [id, r] of Object.entries(routes)) {
      const route = moved(r, dx, dy);
      layout.routes[id] = route;
      bottom = Math.max(bottom, ...route.points.map((p) => p.y), route.label ? route.label.y + route.label.height : -Infinity);
    }
    top = bottom + GAP.band;
  }
  return layout;
}
