// The real side of the generated-client comparison: counts read from the lines a generated program printed
// (src/scenario/codegen/lines.ts), plus what is left in each queue afterwards (drained with basic.get). Dead
// letterings are read from x-death: per message (its message id), the highest count seen for each queue.
import { DIRECT_REPLY_TO, type CodePlan } from '../../src/scenario/codegen/plan.ts';
import type { Counts } from './codegen-engine.ts';
import { amqpConnect, amqpUrl } from './run-real.ts';
import type { RabbitNode } from './broker.ts';

const STR = '"(?:[^"\\\\]|\\\\.)*"';
const LINE = new RegExp(`^\\s*\\d+ ms  (publish|deliver|ack|nack|reject|return|confirm|reply) (${STR})(?: queue (${STR}))?(.*)$`);

export type Deaths = Map<string, Map<string, number>>;

function noteDeaths(deaths: Deaths, id: string | undefined, vhost: string, xDeath: Record<string, number>): void {
  if (!id) return;
  let m = deaths.get(id);
  if (!m) deaths.set(id, (m = new Map()));
  for (const [q, n] of Object.entries(xDeath)) m.set(`${vhost}/${q}`, Math.max(m.get(`${vhost}/${q}`) ?? 0, n));
}

export function emptyCounts(plan: CodePlan): Counts {
  const counts: Counts = { queues: {}, producers: {} };
  for (const d of plan.declarations) for (const q of d.queues) counts.queues[`${d.vhost}/${q.name}`] = { delivered: 0, acked: 0, deadLettered: 0, left: 0 };
  for (const c of plan.consumers) if (c.ownQueue) counts.queues[`${c.connection.vhost}/${c.queue}`] = { delivered: 0, acked: 0, deadLettered: 0, left: 0 };
  for (const p of plan.producers) counts.producers[p.name] = { published: 0, returned: 0, confirmed: 0, nacked: 0 };
  // Direct Reply-to: no queue holds a reply; its deliveries to the producer's channel count under the pseudo-queue.
  for (const p of plan.producers) if (p.directReplyTo) counts.queues[`${p.connection.vhost}/${DIRECT_REPLY_TO}`] = { delivered: 0, acked: 0, deadLettered: 0, left: 0 };
  return counts;
}

/** Counts from the program's output and the queues' leftovers. */
export async function realCounts(plan: CodePlan, output: string, node: RabbitNode): Promise<Counts> {
  const { counts, deaths } = tally(plan, output);
  await drain(plan, node, counts, deaths);
  return withDeaths(counts, deaths);
}

/** Dead-letterings per queue: for each message, the highest x-death count seen for each queue. */
export function withDeaths(counts: Counts, deaths: Deaths): Counts {
  for (const m of deaths.values()) for (const [key, n] of m) if (counts.queues[key]) counts.queues[key].deadLettered += n;
  return counts;
}

/** What the printed lines count (dead-letterings not yet added: see withDeaths). */
export function tally(plan: CodePlan, output: string): { counts: Counts; deaths: Deaths } {
  const counts = emptyCounts(plan);
  const deaths: Deaths = new Map();
  const vhostOf = new Map([...plan.producers, ...plan.consumers].map((a) => [a.name, a.connection.vhost]));
  const queue = (vhost: string, name: string) => (counts.queues[`${vhost}/${name}`] ??= { delivered: 0, acked: 0, deadLettered: 0, left: 0 });
  for (const line of output.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, event, agentLit, queueLit, rest] = m;
    const agent = JSON.parse(agentLit) as string;
    const vhost = vhostOf.get(agent) ?? '/';
    const p = counts.producers[agent];
    if (event === 'publish' && p) p.published++;
    else if (event === 'return' && p) p.returned++;
    else if (event === 'confirm' && p) {
      if (rest.endsWith(' nack')) p.nacked++;
      else p.confirmed++;
    }
    else if (event === 'deliver' && queueLit) {
      queue(vhost, JSON.parse(queueLit)).delivered++;
      const id = /\bid (\S+)/.exec(rest)?.[1];
      const xd = /x-death (\{.*\})\s*$/.exec(rest)?.[1];
      noteDeaths(deaths, id, vhost, xd ? JSON.parse(xd) : {});
    } else if (event === 'ack' && queueLit) queue(vhost, JSON.parse(queueLit)).acked++;
  }
  return { counts, deaths };
}

/** Empties every declared queue with basic.get (no ack), counting what was left and reading its x-death. */
async function drain(plan: CodePlan, node: RabbitNode, counts: Counts, deaths: Deaths): Promise<void> {
  for (const d of plan.declarations) {
    const conn = await amqpConnect(amqpUrl(node, { vhost: d.vhost }));
    conn.on('error', () => {});
    try {
      for (const q of d.queues) {
        const ch = await conn.createChannel();
        ch.on('error', () => {});
        try {
          for (let i = 0; i < 100_000; i++) {
            const msg = await ch.get(q.name, { noAck: true });
            if (!msg) break;
            counts.queues[`${d.vhost}/${q.name}`].left++;
            const xd: Record<string, number> = {};
            for (const x of (msg.properties.headers?.['x-death'] ?? []) as { queue: string; count: number }[]) xd[x.queue] = (xd[x.queue] ?? 0) + Number(x.count);
            noteDeaths(deaths, msg.properties.messageId, d.vhost, xd);
          }
          await ch.close();
        } catch { /* the queue is gone (auto-delete, exclusive): nothing left in it */ }
      }
    } finally {
      await conn.close().catch(() => {});
    }
  }
}
