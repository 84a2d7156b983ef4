/** Copies of nodes (and the edges between them) with fresh ids and names that stay unique. */
import type { ScenarioDocument, ScenarioEdge, ScenarioNode } from '../../scenario/schema';
import { uniqueId } from '../../scenario/factory';

export interface Fragment {
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
}

/** The selected nodes, plus the edges whose both ends are selected. */
export function extractFragment(doc: ScenarioDocument, nodeIds: string[]): Fragment {
  const ids = new Set(nodeIds);
  return {
    nodes: doc.nodes.filter((n) => ids.has(n.id)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

function nextFreeName(name: string, taken: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(name);
  const base = m ? m[1] : name;
  let i = m ? Number(m[2]) + 1 : 2;
  while (taken.has(`${base}${i}`)) i++;
  return `${base}${i}`;
}

/** The fragment, renamed and re-identified to fit into `doc`, moved by `offset`. */
export function cloneFragment(doc: ScenarioDocument, fragment: Fragment, offset: { x: number; y: number }): Fragment {
  const scratch: Pick<ScenarioDocument, 'nodes' | 'edges'> = { nodes: [...doc.nodes], edges: [...doc.edges] };
  const idMap = new Map<string, string>();
  const nodes: ScenarioNode[] = [];
  for (const n of fragment.nodes) {
    const id = uniqueId(scratch, `${n.kind}-`);
    idMap.set(n.id, id);
    let copy: ScenarioNode = { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } } as ScenarioNode;
    if (copy.kind !== 'note') {
      const taken = new Set(scratch.nodes.filter((o) => o.kind === n.kind && o.kind !== 'note').map((o) => (o.kind === 'note' ? '' : o.config.name)));
      copy = { ...copy, config: { ...copy.config, name: nextFreeName(copy.config.name, taken) } } as ScenarioNode;
    }
    nodes.push(copy);
    scratch.nodes.push(copy);
  }
  const edges: ScenarioEdge[] = [];
  for (const e of fragment.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const copy = { ...e, id: uniqueId(scratch, 'e'), source, target };
    edges.push(copy);
    scratch.edges.push(copy);
  }
  return { nodes, edges };
}
