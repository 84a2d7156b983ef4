/**
 * Lays an imported definitions.json out readably with the canvas's auto-layout (ELK, loaded when first
 * used). One vhost: the whole document, exactly where ELK puts it, so its routed edges are drawn too.
 * Several: each vhost's topology laid out alone, one vhost under the other, each under the note naming it.
 */
import type { ScenarioDocument, ScenarioNode } from '../../scenario/schema';

const GAP = 90;

const vhostOf = (n: ScenarioNode) => (n.kind === 'exchange' || n.kind === 'queue' ? n.config.vhost : null);

export async function layoutImported(doc: ScenarioDocument): Promise<ScenarioDocument> {
  const [{ autoLayout }, { DEFAULT_SIZE }] = await Promise.all([import('../editing/autoLayout'), import('../editing/nodeSizes')]);
  const vhosts = [...new Set(doc.nodes.map(vhostOf).filter((v): v is string => v !== null))];
  if (vhosts.length <= 1) {
    const { moves } = await autoLayout(doc);
    const at = new Map(moves.map((m) => [m.id, { x: m.x, y: m.y }]));
    return { ...doc, nodes: doc.nodes.map((n) => (at.has(n.id) ? { ...n, position: at.get(n.id)! } : n)) };
  }
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
    const { moves } = await autoLayout({ nodes, edges });
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
