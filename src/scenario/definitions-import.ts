/**
 * Import RabbitMQ `definitions.json` into a scenario: exchanges and queues become nodes laid out in
 * columns (exchanges by how deep they sit in exchange-to-exchange bindings, then queues), bindings
 * become edges. What Warren cannot show (users, policies, other exchange types) is reported back.
 */
import { z } from 'zod';
import { COLUMN, ROW } from './presets/build';
import { describeZodError, parseJson, restoreScenario } from './restore';
import { LIMITS, SCENARIO_VERSION, exchangeType, headerValue, queueArguments, type ScenarioDocument } from './schema';

export type DefinitionsImport = { ok: true; doc: ScenarioDocument; warnings: string[] } | { ok: false; error: string };

const args = z.record(z.string(), z.unknown()).default({});
const defQueue = z.object({
  name: z.string(),
  vhost: z.string().default('/'),
  durable: z.boolean().default(true),
  auto_delete: z.boolean().default(false),
  arguments: args,
});
const defExchange = z.object({
  name: z.string(),
  vhost: z.string().default('/'),
  type: z.string(),
  durable: z.boolean().default(true),
  auto_delete: z.boolean().default(false),
  internal: z.boolean().default(false),
  arguments: args,
});
const defBinding = z.object({
  source: z.string(),
  vhost: z.string().default('/'),
  destination: z.string(),
  destination_type: z.enum(['queue', 'exchange']),
  routing_key: z.string().default(''),
  arguments: args,
});
const definitionsFile = z.object({
  queues: z.array(defQueue).default([]),
  exchanges: z.array(defExchange).default([]),
  bindings: z.array(defBinding).default([]),
  users: z.array(z.unknown()).default([]),
  permissions: z.array(z.unknown()).default([]),
  policies: z.array(z.unknown()).default([]),
  parameters: z.array(z.unknown()).default([]),
});

const PREDECLARED_TYPES: Record<string, string> = { 'amq.direct': 'direct', 'amq.fanout': 'fanout', 'amq.topic': 'topic', 'amq.headers': 'headers', 'amq.match': 'headers' };
const QUEUE_ARGS = new Set(Object.keys(queueArguments.shape));

/** Does this JSON value look like a definitions file rather than a Warren scenario? */
export function looksLikeDefinitions(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'nodes' in value) return false;
  return ['rabbit_version', 'rabbitmq_version', 'queues', 'exchanges', 'bindings'].some((k) => k in value);
}

/** Read `definitions.json` (text or parsed JSON) into a new scenario. */
export function importDefinitions(input: string | unknown): DefinitionsImport {
  let value = input;
  if (typeof input === 'string') {
    const json = parseJson(input);
    if (!json.ok) return { ok: false, error: json.error.replace('The scenario', 'The definitions file') };
    value = json.value;
  }
  if (!looksLikeDefinitions(value)) {
    return { ok: false, error: 'This is not a RabbitMQ definitions file: it has no "queues", "exchanges" or "bindings".' };
  }
  const parsed = definitionsFile.safeParse(value);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error).replace('Invalid scenario', 'Invalid definitions file') };
  const defs = parsed.data;
  const total = defs.queues.length + defs.exchanges.length;
  if (total > LIMITS.nodes) {
    return { ok: false, error: `The definitions file declares ${total} queues and exchanges; a scenario has at most ${LIMITS.nodes} nodes.` };
  }
  const warnings: string[] = [];
  const skippedOthers = (['users', 'permissions', 'policies', 'parameters'] as const).filter((k) => defs[k].length > 0);
  if (skippedOthers.length) warnings.push(`Not imported (Warren does not model them yet): ${skippedOthers.join(', ')}.`);

  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const exchangeIds = new Map<string, string>();
  const queueIds = new Map<string, string>();
  const key = (vhost: string, name: string) => `${vhost}\u0000${name}`;

  const addExchange = (name: string, vhost: string, type: string, config: Record<string, unknown> = {}) => {
    const id = `x${exchangeIds.size + 1}`;
    exchangeIds.set(key(vhost, name), id);
    nodes.push({ id, kind: 'exchange', position: { x: 0, y: 0 }, config: { name, vhost, type, ...config } });
  };
  for (const x of defs.exchanges) {
    if (x.name === '') continue;
    if (!exchangeType.safeParse(x.type).success) {
      warnings.push(`Exchange "${x.name}" has type "${x.type}", which Warren does not simulate; it and its bindings were left out.`);
      continue;
    }
    const ae = x.arguments['alternate-exchange'];
    addExchange(x.name, x.vhost, x.type, {
      durable: x.durable,
      autoDelete: x.auto_delete,
      internal: x.internal,
      ...(typeof ae === 'string' ? { alternateExchange: ae } : {}),
    });
  }
  for (const q of defs.queues) {
    const queueArgs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(q.arguments)) {
      if (QUEUE_ARGS.has(k)) queueArgs[k] = v;
      else warnings.push(`Queue "${q.name}": argument "${k}" is not simulated and was left out.`);
    }
    const checked = queueArguments.safeParse(queueArgs);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { ok: false, error: `Queue "${q.name}" in the definitions file has an invalid ${String(issue.path[0] ?? 'argument')}: ${issue.message}.` };
    }
    const id = `q${queueIds.size + 1}`;
    queueIds.set(key(q.vhost, q.name), id);
    nodes.push({ id, kind: 'queue', position: { x: 0, y: 0 }, config: { name: q.name, vhost: q.vhost, durable: q.durable, autoDelete: q.auto_delete, arguments: queueArgs } });
  }
  for (const b of defs.bindings) {
    if (b.source === '') continue;
    const predeclared = PREDECLARED_TYPES[b.source];
    if (!exchangeIds.has(key(b.vhost, b.source)) && predeclared) addExchange(b.source, b.vhost, predeclared);
    const source = exchangeIds.get(key(b.vhost, b.source));
    const target = (b.destination_type === 'queue' ? queueIds : exchangeIds).get(key(b.vhost, b.destination));
    if (!source || !target) {
      warnings.push(`The binding from "${b.source}" to ${b.destination_type} "${b.destination}" names something not in the file; it was left out.`);
      continue;
    }
    const bindingArgs = Object.fromEntries(Object.entries(b.arguments).filter(([, v]) => headerValue.safeParse(v).success));
    edges.push({ id: `e${edges.length + 1}`, kind: 'binding', source, target, bindingKey: b.routing_key, arguments: bindingArgs });
  }
  layout(nodes, edges);
  const restored = restoreScenario({ version: SCENARIO_VERSION, title: 'Imported definitions', nodes, edges });
  if (!restored.ok) return { ok: false, error: restored.error.replace('Invalid scenario', 'The definitions file cannot be imported: invalid value') };
  return { ok: true, doc: restored.doc, warnings };
}

/** Columns: exchanges at their depth in exchange-to-exchange bindings, queues one column further right. */
function layout(nodes: Record<string, unknown>[], edges: Record<string, unknown>[]): void {
  const depth = new Map<string, number>();
  const exchanges = nodes.filter((n) => n.kind === 'exchange').map((n) => n.id as string);
  for (const id of exchanges) depth.set(id, 0);
  const e2e = edges.filter((e) => depth.has(e.source as string) && depth.has(e.target as string));
  // Longest path, capped so a cycle of exchange bindings cannot loop forever.
  for (let round = 0; round < exchanges.length; round++) {
    let changed = false;
    for (const e of e2e) {
      const d = depth.get(e.source as string)! + 1;
      if (d > depth.get(e.target as string)! && d < exchanges.length) {
        depth.set(e.target as string, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const queueColumn = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  for (const n of nodes) {
    const col = n.kind === 'exchange' ? depth.get(n.id as string)! : queueColumn;
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    n.position = { x: col * COLUMN, y: row * ROW };
  }
}
