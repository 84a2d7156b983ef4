// conformance:real, part "codegen": the client program Warren generates for each preset (src/scenario/codegen/),
// run against the real broker for a bounded number of messages, against the engine's counts for the same
// scenario. Per queue: delivered, acked, dead-lettered and left at the end; per producer: published, returned,
// confirmed and nacked. Before each preset the node is reset and given the preset's vhosts, users,
// permissions and policies with rabbitmqctl, as an operator would.
import { PRESETS } from '../../src/scenario/presets/index.ts';
import { planOf, type CodePlan } from '../../src/scenario/codegen/plan.ts';
import { CLIENT_LANGUAGES } from '../../src/scenario/codegen/index.ts';
import type { ScenarioDocument } from '../../src/scenario/schema.ts';
import { ctl, type RabbitNode } from './broker.ts';
import { amqpConnect, amqpUrl } from './run-real.ts';
import { comparable, engineCounts, type Counts } from './codegen-engine.ts';
import { realCounts } from './codegen-counts.ts';
import { missing, runProgram, type RunnableLanguage } from './codegen-run.ts';

export interface CodegenOptions {
  languages: RunnableLanguage[];
  /** Messages per producer. */
  messages: number;
  /** Preset ids (all when empty). */
  presets: string[];
  log: (s: string) => void;
}

export interface CodegenOutcome { label: string; ok: boolean; status: string; details: string[] }

/** Extra real time the program gets after the engine went quiet (connections, a slower machine). */
const MARGIN_MS = 3000;
/**
 * Extra time for a language whose program needs seconds before its first publish: the JVM starts and
 * amqp-client opens its connections (on this shared 2-core machine, over 5 s under load, which cut
 * runs of 5 messages short). The program's duration counts from its start, as the scenario's does.
 */
const STARTUP_MS: Partial<Record<RunnableLanguage, number>> = { java: 10_000 };

async function resetNode(node: RabbitNode): Promise<void> {
  await ctl(node, ['stop_app']);
  await ctl(node, ['reset']);
  await ctl(node, ['start_app']);
  for (let i = 0; ; i++) {
    try {
      const c = await amqpConnect(amqpUrl(node));
      c.on('error', () => {});
      await c.close();
      return;
    } catch (e) {
      if (i > 300) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The preset's broker section, with rabbitmqctl, on a fresh node (guest may declare in every vhost). */
async function setUpBroker(node: RabbitNode, doc: ScenarioDocument, plan: CodePlan): Promise<void> {
  const c = (...a: (string | number)[]) => ctl(node, a);
  for (const v of plan.extraVhosts) {
    await c('add_vhost', v);
    await c('set_permissions', '-p', v, 'guest', '.*', '.*', '.*');
  }
  const b = doc.broker;
  if (!b) return;
  for (const u of b.users) {
    if (u.name === 'guest') await c('change_password', 'guest', u.password);
    else await c('add_user', u.name, u.password);
    await c('set_user_tags', u.name, ...u.tags);
  }
  for (const p of b.permissions) await c('set_permissions', '-p', p.vhost, p.user, p.configure, p.write, p.read);
  for (const p of b.policies) {
    await c('set_policy', '-p', p.vhost, '--priority', p.priority, '--apply-to', p.applyTo, p.name, p.pattern, JSON.stringify(p.definition));
  }
}

/** Lines `what: real ≠ engine` for every count that differs. */
function differences(real: Counts, engine: Counts): string[] {
  const out: string[] = [];
  type Table = Record<string, Record<string, number>>;
  const pairs: [string, Table, Table][] = [
    ['queue', real.queues as unknown as Table, engine.queues as unknown as Table],
    ['producer', real.producers as unknown as Table, engine.producers as unknown as Table],
  ];
  for (const [kind, a, b] of pairs) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = a[key] ?? {};
      const y = b[key] ?? {};
      for (const f of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if ((x[f] ?? 0) !== (y[f] ?? 0)) out.push(`${kind} ${JSON.stringify(key)} ${f}: real ${x[f] ?? 0}, engine ${y[f] ?? 0}`);
      }
    }
  }
  return out;
}

/** One line of figures: per queue d/a/dl/left, per producer p/r/c. */
export function figures(c: Counts): string {
  const q = Object.entries(c.queues).map(([k, v]) => `${k} ${v.delivered}/${v.acked}/${v.deadLettered}/${v.left}`);
  const p = Object.entries(c.producers).map(([k, v]) => `${k} ${v.published}/${v.returned}/${v.confirmed}${v.nacked ? `/${v.nacked}n` : ''}`);
  return `queues (delivered/acked/dead-lettered/left): ${q.join(', ')}; producers (published/returned/confirmed): ${p.join(', ')}`;
}

/** Deletes what a preset declared, through AMQP (much faster than resetting the node). */
async function deleteDeclared(node: RabbitNode, plan: CodePlan): Promise<void> {
  for (const d of plan.declarations) {
    const conn = await amqpConnect(amqpUrl(node, { vhost: d.vhost }));
    conn.on('error', () => {});
    for (const op of [...d.queues.map((q) => (ch: Channel) => ch.deleteQueue(q.name)), ...d.exchanges.map((e) => (ch: Channel) => ch.deleteExchange(e.name))]) {
      const ch = await conn.createChannel();
      ch.on('error', () => {});
      await op(ch).catch(() => {});
      await ch.close().catch(() => {});
    }
    await conn.close().catch(() => {});
  }
}

type Channel = { deleteQueue(q: string): Promise<unknown>; deleteExchange(e: string): Promise<unknown>; close(): Promise<unknown>; on(e: string, f: () => void): void };

/** A preset that sets up vhosts, users, permissions or policies needs a node without anyone else's. */
const needsFreshNode = (doc: ScenarioDocument, plan: CodePlan) =>
  plan.extraVhosts.length > 0 || !!doc.broker?.users.length || !!doc.broker?.permissions.length || !!doc.broker?.policies.length;

export async function runCodegenPart(node: RabbitNode, o: CodegenOptions): Promise<CodegenOutcome[]> {
  const outcomes: CodegenOutcome[] = [];
  const presets = PRESETS.filter((p) => !o.presets.length || o.presets.includes(p.id));
  const languages = o.languages.filter((lang) => {
    const why = missing(lang);
    if (why) outcomes.push({ label: `codegen/${lang}`, ok: false, status: `cannot run: ${why}`, details: [] });
    return !why;
  });
  let dirty = true; // the conformance cases ran on this node before
  for (const preset of presets) {
    const { doc, leftOut } = comparable(preset.doc, o.messages);
    const plan = planOf(doc);
    const fresh = needsFreshNode(doc, plan);
    const engine = await engineCounts(doc);
    for (const lang of languages) {
      const label = `codegen/${lang}/${preset.id}`;
      const render = CLIENT_LANGUAGES.find((l) => l.id === lang)!.render;
      const details: string[] = [];
      try {
        if (fresh || dirty) {
          await resetNode(node);
          await setUpBroker(node, doc, plan);
        }
        dirty = fresh;
        const output = await runProgram(lang, render(plan), node, { durationMs: engine.quietAt + MARGIN_MS + (STARTUP_MS[lang] ?? 0), messages: o.messages });
        const real = await realCounts(plan, output, node);
        if (!fresh) await deleteDeclared(node, plan);
        const diff = differences(real, engine.counts);
        const note = leftOut.length ? ` (left out: ${leftOut.join(', ')})` : '';
        details.push(`real:   ${figures(real)}`);
        if (diff.length) details.push(`engine: ${figures(engine.counts)}`, ...diff);
        outcomes.push({ label, ok: diff.length === 0, status: `${diff.length ? 'counts DIFFER' : 'counts AGREE'}${note}`, details });
      } catch (e) {
        dirty = true;
        outcomes.push({ label, ok: false, status: 'failed', details: [e instanceof Error ? e.message : String(e)] });
      }
      const last = outcomes[outcomes.length - 1];
      o.log(`${last.ok ? 'ok     ' : 'NOT OK '} ${label.padEnd(52)} ${last.status}`);
      for (const d of last.details) o.log(`    ${d}`);
    }
  }
  return outcomes;
}
