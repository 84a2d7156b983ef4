/**
 * Lays an imported definitions.json out readably: each vhost's topology through the canvas's auto-layout
 * (loaded when first used), one vhost under the other, each under the note naming it. `autoLayout` may
 * be sync or async; its result is awaited either way.
 */
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';

const GAP = 90;

const vhostOf = (n: ScenarioNode) => (n.kind === 'exchange' || n.kind === 'queue' ? n.config.vhost : null);

export async function layoutImported(doc: ScenarioDocument): Promise<ScenarioDocument> {
  const { autoLayout, DEFAULT_SIZE } = await import('../editing/autoLayout');
  const vhosts = [...new Set(doc.nodes.map(vhostOf).filter((v): v is string => v !== null))];
  const notes = new Map(doc.nodes.filter((n) => n.kind === 'note').map((n) => [n.kind === 'note' ? n.config.text.replace(/^vhost /, '') : '', n.id]));
  const position = new Map<string, { x: number; y: number }>();
  let top = 0;
  for (const vhost of vhosts) {
    const nodes = doc.nodes.filter((n) => vhostOf(n) === vhost);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const noteId = vhosts.length > 1 ? notes.get(vhost) : undefined;
    if (noteId) {
      position.set(noteId, { x: 0, y: top });
      top += DEFAULT_SIZE.note.height + GAP / 3;
    }
    const moves = await autoLayout({ nodes, edges }, (_, kind) => DEFAULT_SIZE[kind]);
    const minX = Math.min(...moves.map((m) => m.x));
    const minY = Math.min(...moves.map((m) => m.y));
    let bottom = top;
    for (const m of moves) {
      const kind = nodes.find((n) => n.id === m.id)!.kind;
      const y = m.y - minY + top;
      position.set(m.id, { x: m.x - minX, y });
      bottom = Math.max(bottom, y + DEFAULT_SIZE[kind].height);
    }
    top = bottom + GAP;
  }
  return { ...doc, nodes: doc.nodes.map((n) => (position.has(n.id) ? { ...n, position: position.get(n.id)! } : n)) };
}
