/**
 * The changes a comparison can make to the open scenario: one number of one node (a consumer's
 * prefetch, a queue's message TTL or length limit, a producer's rate) or the seed. Each knows its
 * current value, a value worth trying, and how to make run B's document.
 */
import type { ScenarioDocument } from '../../scenario/schema';

export type ChangeKind = 'prefetch' | 'ttl' | 'maxLength' | 'rate' | 'seed';

export interface Change {
  /** Stable within a document: `kind:nodeId`, or `seed`. */
  key: string;
  kind: ChangeKind;
  /** The node's name (empty for the seed). */
  node: string;
  /** The value now; null where the argument is not set. */
  current: number | null;
  /** A value that shows a difference. */
  suggested: number;
  /** Smallest and largest value the document accepts. */
  min: number;
  max: number;
  /** Whole numbers only (all but a producer's rate). */
  integer: boolean;
}

export function changesOf(doc: ScenarioDocument): Change[] {
  const out: Change[] = [];
  for (const n of doc.nodes) {
    if (n.kind === 'consumer') {
      const p = n.config.prefetch;
      out.push({ key: `prefetch:${n.id}`, kind: 'prefetch', node: n.config.name, current: p, suggested: p === 1 ? 0 : 1, min: 0, max: 65_535, integer: true });
    } else if (n.kind === 'queue') {
      const ttl = n.config.arguments['x-message-ttl'] ?? null;
      out.push({ key: `ttl:${n.id}`, kind: 'ttl', node: n.config.name, current: ttl, suggested: ttl === null ? 2000 : Math.max(0, Math.round(ttl / 2)), min: 0, max: 86_400_000, integer: true });
      const len = n.config.arguments['x-max-length'] ?? null;
      out.push({ key: `maxLength:${n.id}`, kind: 'maxLength', node: n.config.name, current: len, suggested: len === null ? 5 : len * 2, min: 0, max: 1_000_000, integer: true });
    } else if (n.kind === 'producer') {
      const r = n.config.rate;
      out.push({ key: `rate:${n.id}`, kind: 'rate', node: n.config.name, current: r, suggested: r > 0 ? r * 2 : 1, min: 0, max: 100_000, integer: false });
    }
  }
  out.push({ key: 'seed', kind: 'seed', node: '', current: doc.seed, suggested: doc.seed + 1, min: 0, max: 0xffffffff, integer: true });
  return out;
}

/** Why `value` cannot be run B's value, or null when it can. */
export function invalidValue(change: Change, value: number): 'number' | 'integer' | 'range' | null {
  if (!Number.isFinite(value)) return 'number';
  if (change.integer && !Number.isInteger(value)) return 'integer';
  if (value < change.min || value > change.max) return 'range';
  return null;
}

/** Run B's document: `doc` with the change made (`doc` itself is not touched). */
export function applyChange(doc: ScenarioDocument, change: Change, value: number): ScenarioDocument {
  const next = structuredClone(doc);
  if (change.kind === 'seed') {
    next.seed = value;
    return next;
  }
  const id = change.key.slice(change.key.indexOf(':') + 1);
  const n = next.nodes.find((x) => x.id === id);
  if (n?.kind === 'consumer' && change.kind === 'prefetch') n.config.prefetch = value;
  else if (n?.kind === 'queue' && change.kind === 'ttl') n.config.arguments['x-message-ttl'] = value;
  else if (n?.kind === 'queue' && change.kind === 'maxLength') n.config.arguments['x-max-length'] = value;
  else if (n?.kind === 'producer' && change.kind === 'rate') n.config.rate = value;
  else throw new Error(`no node ${id} for a ${change.kind} change`);
  return next;
}
