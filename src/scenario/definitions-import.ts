/**
 * Import RabbitMQ `definitions.json` into a new scenario. What Warren models goes where the editor
 * shows it: vhosts (with their metadata), users (tags, password hash), permissions, topic permissions
 * and policies into the broker section; exchanges and queues into nodes, bindings into edges, laid out
 * in columns per vhost. Everything else (parameters, global parameters, other exchange or queue types,
 * policies with keys Warren does not know...) is kept in the broker section and written back unchanged
 * by the export, and a message says so. Reading and checking the file is `definitions-read.ts`'s.
 */
import { makePolicy } from '../engine/policies';
import { COLUMN, ROW } from './presets/build';
import { isPredeclared, type JsonObject } from './definitions-format';
import { readDefinitions, type DefinitionsFile } from './definitions-read';
import { passwordMatches } from './passwordHash';
import { restoreScenario } from './restore';
import { message, type ScenarioMessage } from './messages';
import {
  LIMITS, SCENARIO_VERSION, exchangeType, headerValue, queueArguments, brokerPolicy,
  type BrokerConfig, type KeptDefinitions, type ScenarioDocument, type VhostMetadata,
} from './schema';

export { looksLikeDefinitions } from './definitions-read';

export type DefinitionsImport = { ok: true; doc: ScenarioDocument; warnings: ScenarioMessage[] } | { ok: false; error: ScenarioMessage };

const PREDECLARED_TYPES: Record<string, string> = { 'amq.direct': 'direct', 'amq.fanout': 'fanout', 'amq.topic': 'topic', 'amq.headers': 'headers', 'amq.match': 'headers' };
const QUEUE_ARGS = new Set(Object.keys(queueArguments.shape));
const key = (vhost: string, name: string) => `${vhost}\u0000${name}`;
const tagList = (t: string | string[] | undefined) => (Array.isArray(t) ? t : (t ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** Read `definitions.json` (text or parsed JSON) into a new scenario. */
export async function importDefinitions(input: unknown): Promise<DefinitionsImport> {
  const read = readDefinitions(input);
  if (!read.ok) return read;
  const { defs, raw } = read;
  const rawOf = (kind: keyof KeptDefinitions, i: number) => (raw[kind] as JsonObject[])[i];
  const kept: Required<KeptDefinitions> = { parameters: [...defs.parameters] as JsonObject[], global_parameters: [...defs.global_parameters] as JsonObject[], policies: [], queues: [], exchanges: [], bindings: [] };
  const warnings: ScenarioMessage[] = [];
  const notes: ScenarioMessage[] = [];
  const otherArgs: ScenarioMessage[] = [];

  const broker = await brokerSection(defs, (i) => kept.policies.push(rawOf('policies', i)), notes);

  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const exchangeIds = new Map<string, string>();
  const queueIds = new Map<string, string>();
  const addExchange = (name: string, vhost: string, type: string, config: Record<string, unknown> = {}) => {
    const id = `x${exchangeIds.size + 1}`;
    exchangeIds.set(key(vhost, name), id);
    nodes.push({ id, kind: 'exchange', position: { x: 0, y: 0 }, config: { name, vhost, type, ...config } });
  };
  defs.exchanges.forEach((x, i) => {
    if (x.name === '') return;
    if (!exchangeType.safeParse(x.type).success) {
      kept.exchanges.push(rawOf('exchanges', i));
      notes.push(message('keptExchange', { name: x.name, type: x.type }));
      return;
    }
    const { 'alternate-exchange': ae, ...other } = x.arguments;
    addExchange(x.name, x.vhost, x.type, {
      durable: x.durable,
      autoDelete: x.auto_delete,
      internal: x.internal,
      ...(typeof ae === 'string' ? { alternateExchange: ae } : {}),
      ...(Object.keys(other).length || (ae !== undefined && typeof ae !== 'string') ? { otherArguments: typeof ae === 'string' ? other : x.arguments } : {}),
    });
  });
  for (const [i, q] of defs.queues.entries()) {
    const type = q.type ?? q.arguments['x-queue-type'] ?? 'classic';
    if (type !== 'classic' && type !== 'quorum') {
      kept.queues.push(rawOf('queues', i));
      notes.push(message('keptQueue', { name: q.name, type: String(type) }));
      continue;
    }
    const modelled: Record<string, unknown> = {};
    const other: JsonObject = {};
    for (const [k, v] of Object.entries(q.arguments)) {
      if (QUEUE_ARGS.has(k)) modelled[k] = v;
      else other[k] = v;
    }
    const checked = queueArguments.safeParse(modelled);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { ok: false, error: message('queueArgumentInvalid', { queue: q.name, argument: String(issue.path[0] ?? 'arguments'), detail: issue.message }) };
    }
    if (Object.keys(other).length) otherArgs.push(message('queueArgumentNames', { queue: q.name, arguments: Object.keys(other).join(', ') }));
    const id = `q${queueIds.size + 1}`;
    queueIds.set(key(q.vhost, q.name), id);
    nodes.push({
      id, kind: 'queue', position: { x: 0, y: 0 },
      config: { name: q.name, vhost: q.vhost, durable: q.durable, autoDelete: q.auto_delete, arguments: modelled, ...(Object.keys(other).length ? { otherArguments: other } : {}) },
    });
  }
  if (nodes.length > LIMITS.nodes) {
    return { ok: false, error: message('tooManyNodes', { count: nodes.length, limit: LIMITS.nodes }) };
  }
  defs.bindings.forEach((b, i) => {
    const predeclared = PREDECLARED_TYPES[b.source];
    if (!exchangeIds.has(key(b.vhost, b.source)) && predeclared) addExchange(b.source, b.vhost, predeclared);
    const source = exchangeIds.get(key(b.vhost, b.source));
    const target = (b.destination_type === 'queue' ? queueIds : exchangeIds).get(key(b.vhost, b.destination));
    const argsOk = Object.values(b.arguments).every((v) => headerValue.safeParse(v).success);
    if (!source || !target || !argsOk || b.source === '') {
      kept.bindings.push(rawOf('bindings', i));
      notes.push(message('keptBinding', { source: b.source, destinationType: b.destination_type, destination: b.destination }));
      return;
    }
    edges.push({ id: `e${edges.length + 1}`, kind: 'binding', source, target, bindingKey: b.routing_key, arguments: b.arguments });
  });
  if (kept.parameters.length) notes.push(message('keptParameters', { count: kept.parameters.length }));
  if (kept.global_parameters.length) notes.push(message('keptGlobalParameters', { count: kept.global_parameters.length }));
  if (otherArgs.length) warnings.push(message('otherQueueArguments', { items: otherArgs }));
  if (notes.length) {
    const shown = [...notes.slice(0, 6), ...(notes.length > 6 ? [message('keptMore', { count: notes.length - 6 })] : [])];
    warnings.unshift(message('keptNotSimulated', { items: shown }));
  }
  const keptSome = Object.fromEntries(Object.entries(kept).filter(([, l]) => l.length));
  layoutByVhost(nodes, edges);
  const restored = restoreScenario({
    version: SCENARIO_VERSION,
    title: 'Imported definitions',
    nodes,
    edges,
    broker: { ...broker, ...(Object.keys(keptSome).length ? { kept: keptSome } : {}) },
  });
  if (!restored.ok) return { ok: false, error: message('importInvalid', { detail: restored.error }) };
  return { ok: true, doc: restored.doc, warnings };
}

/** Vhosts, users, permissions, topic permissions and policies, as the Broker panel models them. */
async function brokerSection(defs: DefinitionsFile, keepPolicy: (i: number) => void, notes: ScenarioMessage[]): Promise<Partial<BrokerConfig>> {
  const vhostMetadata: VhostMetadata[] = defs.vhosts.map((v) => {
    const m = v.metadata ?? {};
    const tags = m.tags ?? v.tags ?? [];
    const dqt = m.default_queue_type ?? v.default_queue_type;
    return { vhost: v.name, description: m.description ?? v.description ?? '', tags, ...(dqt !== undefined ? { defaultQueueType: dqt } : {}) };
  });
  const users = await Promise.all(
    defs.users.map(async (u) => {
      const tags = tagList(u.tags);
      const limits = u.limits && Object.keys(u.limits).length ? { limits: u.limits } : {};
      if (u.password_hash === undefined) return { name: u.name, password: u.password ?? '', tags, ...limits };
      // The password behind a hash is unknown, except guest's default, which the simulation needs to connect.
      const password = u.name === 'guest' && (await passwordMatches(u.password_hash, 'guest')) ? 'guest' : '';
      return { name: u.name, password, tags, passwordHash: u.password_hash, ...(u.hashing_algorithm ? { hashingAlgorithm: u.hashing_algorithm } : {}), ...limits };
    }),
  );
  const nodes = ['rabbit@localhost'];
  const policies: BrokerConfig['policies'] = [];
  defs.policies.forEach((p, i) => {
    const candidate = { name: p.name, vhost: p.vhost, pattern: p.pattern, applyTo: p['apply-to'], priority: p.priority, definition: p.definition };
    const parsed = brokerPolicy.safeParse(candidate);
    let fits = parsed.success;
    if (parsed.success) {
      try {
        makePolicy(p.vhost, p.name, p.pattern, p.definition, p['apply-to'], p.priority, nodes);
      } catch {
        fits = false;
      }
    }
    if (fits && parsed.success) policies.push(parsed.data);
    else {
      keepPolicy(i);
      notes.push(message('keptPolicy', { name: p.name }));
    }
  });
  return {
    vhosts: defs.vhosts.map((v) => v.name).filter((n) => n !== '/'),
    vhostMetadata,
    users,
    permissions: defs.permissions.map(({ user, vhost, configure, write, read }) => ({ user, vhost, configure, write, read })),
    ...(defs.topic_permissions.length ? { topicPermissions: defs.topic_permissions.map(({ user, vhost, exchange, write, read }) => ({ user, vhost, exchange, write, read })) } : {}),
    policies,
  };
}

/**
 * Columns per vhost: exchanges at their depth in exchange-to-exchange bindings, queues one column
 * further right; each vhost in its own band, under a note naming it when there are several.
 */
function layoutByVhost(nodes: Record<string, unknown>[], edges: Record<string, unknown>[]): void {
  const vhostOf = (n: Record<string, unknown>) => (n.config as { vhost: string }).vhost;
  const vhosts = [...new Set(nodes.map(vhostOf))];
  let top = 0;
  for (const vhost of vhosts) {
    const group = nodes.filter((n) => vhostOf(n) === vhost);
    const ids = new Set(group.map((n) => n.id as string));
    if (vhosts.length > 1) {
      nodes.push({ id: `n${nodes.length + 1}`, kind: 'note', position: { x: 0, y: top }, config: { text: `vhost ${vhost}` } });
      top += ROW / 2;
    }
    const rows = layout(group, edges.filter((e) => ids.has(e.source as string)));
    for (const n of group) (n.position as { y: number }).y += top;
    top += (rows + 0.5) * ROW;
  }
}

/** Columns for one vhost's nodes; returns how many rows the tallest column has. */
function layout(nodes: Record<string, unknown>[], edges: Record<string, unknown>[]): number {
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
  return Math.max(1, ...rows.values());
}

export { isPredeclared };
