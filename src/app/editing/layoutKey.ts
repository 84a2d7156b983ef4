/**
 * A fingerprint of everything ELK's layout of a document depends on (the graph it is given: node
 * boxes, ports, edges, label sizes) and of where its nodes stand. Equal keys, equal layouts: the
 * routes of each preset are computed once, at build time, under their key (presetRoutes.ts).
 */
import type { ScenarioDocument } from '../../scenario/schema';
import { layoutGraph } from './layoutGraph';

/** cyrb53: a fast 53-bit string hash, plenty for telling a handful of layouts apart. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function layoutKey(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>): string {
  const at = doc.nodes.map((n) => [n.id, n.position.x, n.position.y]);
  return hash53(JSON.stringify({ graph: layoutGraph(doc), at })).toString(36);
}
