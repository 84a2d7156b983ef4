/**
 * Lays an imported definitions.json out readably with the canvas's auto-layout (ELK, loaded when first
 * used): one vhost as a whole, several one vhost under the other, each under the note naming it
 * (editing/vhostLayout.ts). The canvas then finds the same layout and draws its routes.
 */
import type { ScenarioDocument } from '../../scenario/schema';

export async function layoutImported(doc: ScenarioDocument): Promise<ScenarioDocument> {
  const { layoutByVhost } = await import('../editing/vhostLayout');
  const { moves } = await layoutByVhost(doc);
  const at = new Map(moves.map((m) => [m.id, { x: m.x, y: m.y }]));
  return { ...doc, nodes: doc.nodes.map((n) => (at.has(n.id) ? { ...n, position: at.get(n.id)! } : n)) };
}
