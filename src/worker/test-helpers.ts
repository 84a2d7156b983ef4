/** For the worker's tests: presets by id and canvas nodes by name, failing loudly when missing. */
import { presetById } from '../scenario/presets';
import type { ScenarioDocument } from '../scenario/schema';

export function presetDoc(id: string): ScenarioDocument {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p.doc;
}

export function nodeIdOf(doc: ScenarioDocument, name: string): string {
  const n = doc.nodes.find((x) => x.kind !== 'note' && x.config.name === name);
  if (!n) throw new Error(`no node ${name}`);
  return n.id;
}
