// The engine side of the generated-client comparison (codegen.ts): a preset run in Warren's own simulation
// (src/worker/simulation.ts, as the app runs it) with the same bound on messages the generated program gets,
// until nothing happens any more; then the counts the program's printed lines are compared with.
import { Simulation } from '../../src/worker/simulation.ts';
import { entityKey } from '../../src/worker/build.ts';
import type { ScenarioDocument } from '../../src/scenario/schema.ts';
import { DIRECT_REPLY_TO } from '../../src/scenario/codegen/plan.ts';

export interface QueueCounts { delivered: number; acked: number; deadLettered: number; left: number }
export interface ProducerCounts { published: number; returned: number; confirmed: number; nacked: number }
export interface Counts {
  /** `vhost/name` → counts */
  queues: Record<string, QueueCounts>;
  /** producer name → counts */
  producers: Record<string, ProducerCounts>;
}

/** A producer's limit with the run's bound, as the generated programs compute it (limitOf). */
export const limitOf = (limit: number, messages: number) => (messages > 0 && (limit === 0 || messages < limit) ? messages : limit);

/**
 * What a generated program can reproduce on a single real node: the timeline (not scripted in the programs),
 * cluster nodes and the modelled machine's memory (a real node's alarm depends on its own machine) are left out,
 * and each producer stops after `messages`. The canvas's hop latencies (there so that envelopes can be seen
 * travelling) become 0, as on a loopback broker: with them a queue near its max-length fills where the real one
 * does not. Returns the document and what was left out.
 */
export function comparable(doc: ScenarioDocument, messages: number): { doc: ScenarioDocument; leftOut: string[] } {
  const leftOut: string[] = [];
  if (doc.timeline?.length) leftOut.push('timeline');
  if (doc.broker && doc.broker.nodes.length > 1) leftOut.push('cluster nodes');
  if (doc.broker && Object.keys(doc.broker.resources).length) leftOut.push('memory/disk settings');
  const nodes = doc.nodes.map((n) => {
    if (n.kind === 'producer') return { ...n, config: { ...n.config, limit: limitOf(n.config.limit, messages), connection: { ...n.config.connection, node: undefined } } };
    if (n.kind === 'consumer') return { ...n, config: { ...n.config, connection: { ...n.config.connection, node: undefined } } };
    if (n.kind === 'queue') return { ...n, config: { ...n.config, node: undefined } };
    return n;
  });
  const broker = doc.broker ? { ...doc.broker, nodes: ['rabbit@localhost'], resources: {} } : undefined;
  const settings = { ...doc.settings, latency: { publish: 0, route: 0, deliver: 0, ack: 0 } };
  return { doc: { ...doc, nodes, settings, timeline: undefined, ...(broker ? { broker } : {}) } as ScenarioDocument, leftOut };
}

const QUIET_MS = 10_000;
const LIMIT_MS = 180_000;

/** Runs the document until QUIET_MS of virtual time pass without a trace event; the counts and when it went quiet. */
export async function engineCounts(doc: ScenarioDocument): Promise<{ counts: Counts; quietAt: number }> {
  const sim = await Simulation.create(doc);
  let lastEvent = 0;
  // Direct Reply-to replies: 'delivered' from the pseudo-queue in the trace (no queue holds them), per vhost.
  const replies: Record<string, number> = {};
  while (sim.broker.now() - lastEvent < QUIET_MS && sim.broker.now() < LIMIT_MS) {
    await sim.advance(250);
    const events = sim.frame().events;
    if (events.length) lastEvent = events[events.length - 1].t;
    for (const e of events) if (e.type === 'delivered' && e.queue === DIRECT_REPLY_TO) replies[e.vhost] = (replies[e.vhost] ?? 0) + 1;
  }
  const stats = sim.broker.stats();
  const snap = sim.broker.snapshot();
  const queues: Record<string, QueueCounts> = {};
  for (const n of doc.nodes) {
    if (n.kind !== 'queue') continue;
    const key = entityKey(n.config.vhost, n.config.name);
    const s = stats.queues[key];
    const q = snap.queues.find((x) => x.vhost === n.config.vhost && x.name === n.config.name);
    queues[key] = { delivered: s?.delivered ?? 0, acked: s?.acked ?? 0, deadLettered: s?.deadLettered ?? 0, left: q ? q.ready + q.unacked : 0 };
  }
  for (const n of doc.nodes) {
    if (n.kind === 'producer' && n.config.properties.replyTo === DIRECT_REPLY_TO) {
      const vhost = n.config.connection.vhost;
      queues[`${vhost}/${DIRECT_REPLY_TO}`] = { delivered: replies[vhost] ?? 0, acked: 0, deadLettered: 0, left: 0 };
    }
  }
  const producers: Record<string, ProducerCounts> = {};
  const counters = sim.counters();
  for (const n of doc.nodes) {
    if (n.kind !== 'producer') continue;
    const c = counters[n.id];
    producers[n.config.name] = { published: c?.published ?? 0, returned: c?.returned ?? 0, confirmed: c?.confirmed ?? 0, nacked: c?.nacked ?? 0 };
  }
  return { counts: { queues, producers }, quietAt: lastEvent };
}
