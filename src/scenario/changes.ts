/**
 * Every edit to a scenario is a plain, serializable change object applied by a pure function.
 * The same objects drive the store (and so undo/redo and autosave) and the worker.
 */
import type { ScenarioDocument, ScenarioEdge, ScenarioNode } from './schema';

type ConfigOf<K extends ScenarioNode['kind']> = Extract<ScenarioNode, { kind: K }>['config'];

export type DocChange =
  | { type: 'add-nodes'; nodes: ScenarioNode[]; edges?: ScenarioEdge[] }
  | { type: 'remove'; nodeIds: string[]; edgeIds: string[] }
  | { type: 'move-nodes'; moves: { id: string; x: number; y: number }[] }
  | { type: 'update-node'; id: string; config: Partial<ConfigOf<ScenarioNode['kind']>> }
  | { type: 'add-edge'; edge: ScenarioEdge }
  | { type: 'update-edge'; id: string; patch: Partial<Pick<Extract<ScenarioEdge, { kind: 'binding' }>, 'bindingKey' | 'arguments'>> }
  | { type: 'set-meta'; patch: Partial<Pick<ScenarioDocument, 'title' | 'description' | 'seed' | 'settings' | 'timeline' | 'lesson' | 'broker' | 'code'>> }
  | { type: 'replace'; doc: ScenarioDocument };

/** Apply one change; returns the same document object when nothing changed. */
export function applyChange(doc: ScenarioDocument, change: DocChange): ScenarioDocument {
  switch (change.type) {
    case 'add-nodes':
      return { ...doc, nodes: [...doc.nodes, ...change.nodes], edges: change.edges ? [...doc.edges, ...change.edges] : doc.edges };
    case 'remove': {
      if (!change.nodeIds.length && !change.edgeIds.length) return doc;
      const nodes = new Set(change.nodeIds);
      const edges = new Set(change.edgeIds);
      // So do its timeline entries: a new node may later take the same id.
      const timeline = doc.timeline?.filter((e) => !('node' in e.action) || e.action.type === 'stop-node' || e.action.type === 'start-node' || !nodes.has(e.action.node));
      return {
        ...doc,
        nodes: doc.nodes.filter((n) => !nodes.has(n.id)),
        // Edges of a removed node go with it.
        edges: doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
        ...(doc.timeline ? { timeline: timeline?.length ? timeline : undefined } : {}),
      };
    }
    case 'move-nodes': {
      const moves = new Map(change.moves.map((m) => [m.id, m]));
      return {
        ...doc,
        nodes: doc.nodes.map((n) => {
          const m = moves.get(n.id);
          return m && (m.x !== n.position.x || m.y !== n.position.y) ? { ...n, position: { x: m.x, y: m.y } } : n;
        }),
      };
    }
    case 'update-node':
      return {
        ...doc,
        nodes: doc.nodes.map((n) => (n.id === change.id ? ({ ...n, config: { ...n.config, ...change.config } } as ScenarioNode) : n)),
      };
    case 'add-edge':
      return { ...doc, edges: [...doc.edges, change.edge] };
    case 'update-edge':
      return {
        ...doc,
        edges: doc.edges.map((e) => (e.id === change.id && e.kind === 'binding' ? { ...e, ...change.patch } : e)),
      };
    case 'set-meta':
      return { ...doc, ...change.patch };
    case 'replace':
      return change.doc;
  }
}
