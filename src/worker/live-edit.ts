/**
 * Which edits of a document a running broker can take at an instant, as clients reconfigured while
 * they run: a producer's routing key, body, properties, rate and limit; a consumer's prefetch (a
 * basic.qos), processing time and failure policy. Made at a past instant of a run, such an edit
 * starts a new branch there (travel.ts); any other edit changes the run from its start, which
 * rebuilds it from 0 s (app/sim/sync.ts).
 */
import type { ScenarioDocument, ScenarioNode } from '../scenario/schema';

const PRODUCER_LIVE = new Set(['routingKey', 'body', 'properties', 'rate', 'limit', 'mandatory']);
const CONSUMER_LIVE = new Set(['prefetch', 'processing', 'failure', 'rpcServer']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The node's config without the settings a running client can change. */
function fixedPart(n: ScenarioNode): unknown {
  if (n.kind === 'note') return null;
  const live = n.kind === 'producer' ? PRODUCER_LIVE : n.kind === 'consumer' ? CONSUMER_LIVE : null;
  if (!live) return n.config;
  return Object.fromEntries(Object.entries(n.config).filter(([k]) => !live.has(k)));
}

/** Whether going from `prev` to `next` changes only what running producers and consumers can take at an instant (and something does change). */
export function isLiveEdit(prev: ScenarioDocument, next: ScenarioDocument): boolean {
  if (prev.seed !== next.seed || !same(prev.settings.latency, next.settings.latency) || !same(prev.edges, next.edges)) return false;
  if (!same(prev.timeline ?? null, next.timeline ?? null) || !same(prev.broker ?? null, next.broker ?? null)) return false;
  const a = prev.nodes.filter((n) => n.kind !== 'note');
  const b = next.nodes.filter((n) => n.kind !== 'note');
  if (a.length !== b.length) return false;
  let changed = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].id !== b[i].id || a[i].kind !== b[i].kind || !same(fixedPart(a[i]), fixedPart(b[i]))) return false;
    if (!same(a[i].config, b[i].config)) changed = true;
  }
  return changed;
}
