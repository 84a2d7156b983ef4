/**
 * Export a scenario as RabbitMQ `definitions.json` (the format `rabbitmqctl export_definitions`
 * writes), ready for `rabbitmqctl import_definitions` or the management UI's "Import definitions":
 * the broker section (vhosts with their metadata, users with a SHA-256 password hash, permissions,
 * topic permissions, policies), the topology, and whatever an import kept that Warren does not model.
 * Import lives in `definitions-import.ts`.
 */
import { brokerOf, userNames, vhostNames } from './broker';
import {
  RABBIT_VERSION, isPredeclared, type DefBinding, type DefExchange, type DefPermission, type DefQueue, type DefUser, type DefVhost,
  type Definitions, type Json, type JsonObject,
} from './definitions-format';
import { SHA256_ALGORITHM, hashPassword } from './passwordHash';
import { message, type ScenarioMessage } from './messages';
import { DEFAULT_VHOST_METADATA, type BrokerConfig, type NodeOf, type ScenarioDocument } from './schema';

export * from './definitions-format';

type Exchange = NodeOf<'exchange'>;
type Queue = NodeOf<'queue'>;

/**
 * The scenario as `definitions.json`, plus notes on what was left out. Exclusive queues (tied to one
 * connection) are skipped, as RabbitMQ's export does. Passwords are hashed here (a random salt each
 * time), except for a user whose hash came from an import and whose password was not edited since.
 */
export async function exportDefinitions(doc: ScenarioDocument): Promise<{ definitions: Definitions; warnings: ScenarioMessage[] }> {
  const warnings: ScenarioMessage[] = [];
  const cfg = brokerOf(doc);
  const kept = cfg.kept ?? {};
  const exchanges = doc.nodes.filter((n): n is Exchange => n.kind === 'exchange');
  const queues = doc.nodes.filter((n): n is Queue => n.kind === 'queue');
  const skipped = new Set<string>();
  for (const q of queues) {
    if (q.config.exclusive) {
      skipped.add(q.id);
      warnings.push(message('exclusiveNotExported', { queue: q.config.name }));
    }
  }
  for (const x of exchanges) if (isPredeclared(x.config.name)) skipped.add(x.id);
  const known = new Set(userNames(cfg));
  for (const n of doc.nodes) {
    if ((n.kind === 'producer' || n.kind === 'consumer') && !known.has(n.config.connection.user)) {
      known.add(n.config.connection.user);
      warnings.push(message('userNotDefined', { user: n.config.connection.user, client: n.config.name }));
    }
  }
  const keptCount = Object.values(kept).reduce((s, l) => s + (l?.length ?? 0), 0);
  if (keptCount) warnings.push(message('keptWrittenBack', { count: keptCount }));

  const definitions: Definitions = {
    rabbit_version: RABBIT_VERSION,
    rabbitmq_version: RABBIT_VERSION,
    users: await exportUsers(cfg),
    vhosts: exportVhosts(doc, cfg),
    permissions: exportPermissions(cfg),
    topic_permissions: (cfg.topicPermissions ?? []).map(({ user, vhost, exchange, write, read }) => ({ user, vhost, exchange, write, read })),
    parameters: [...(kept.parameters ?? [])],
    global_parameters: [...(kept.global_parameters ?? [])],
    policies: [
      ...cfg.policies.map((p) => ({ vhost: p.vhost, name: p.name, pattern: p.pattern, 'apply-to': p.applyTo, definition: { ...p.definition }, priority: p.priority })),
      ...((kept.policies ?? []) as Definitions['policies']),
    ],
    queues: [...queues.filter((q) => !skipped.has(q.id)).map((q) => exportQueue(q, cfg)), ...((kept.queues ?? []) as DefQueue[])],
    exchanges: [...exchanges.filter((x) => !skipped.has(x.id)).map(exportExchange), ...((kept.exchanges ?? []) as DefExchange[])],
    bindings: [...exportBindings(doc, skipped, warnings), ...((kept.bindings ?? []) as DefBinding[])],
  };
  return { definitions, warnings };
}

/** `definitions.json` text, pretty-printed. */
export async function exportDefinitionsJson(doc: ScenarioDocument): Promise<string> {
  return JSON.stringify((await exportDefinitions(doc)).definitions, null, 2) + '\n';
}

async function exportUsers(cfg: BrokerConfig): Promise<DefUser[]> {
  // A fresh install's guest, unless the document lists guest itself.
  const users = cfg.users.some((u) => u.name === 'guest') ? cfg.users : [{ name: 'guest', password: 'guest', tags: ['administrator'] }, ...cfg.users];
  return Promise.all(
    users.map(async (u) => {
      const imported = 'passwordHash' in u && u.passwordHash !== undefined;
      return {
        name: u.name,
        password_hash: imported ? u.passwordHash! : await hashPassword(u.password),
        hashing_algorithm: (imported && 'hashingAlgorithm' in u && u.hashingAlgorithm) || SHA256_ALGORITHM,
        tags: [...u.tags],
        limits: ('limits' in u && (u.limits as JsonObject | undefined)) || {},
      };
    }),
  );
}

function exportVhosts(doc: ScenarioDocument, cfg: BrokerConfig): DefVhost[] {
  const names = new Set(vhostNames(cfg));
  for (const n of doc.nodes) {
    if (n.kind === 'exchange' || n.kind === 'queue') names.add(n.config.vhost);
    if (n.kind === 'producer' || n.kind === 'consumer') names.add(n.config.connection.vhost);
  }
  const meta = new Map((cfg.vhostMetadata ?? []).map((m) => [m.vhost, m]));
  const limits = new Map<string, Json>();
  for (const p of cfg.kept?.parameters ?? []) {
    // RabbitMQ writes a vhost's limits (a `vhost-limits` parameter) again as [key, value] pairs.
    if (p.component === 'vhost-limits' && typeof p.vhost === 'string' && p.value && typeof p.value === 'object' && !Array.isArray(p.value)) {
      limits.set(p.vhost, Object.entries(p.value));
    }
  }
  return [...names].map((name) => {
    const m = meta.get(name) ?? (name === '/' ? DEFAULT_VHOST_METADATA : { description: '', tags: [] as string[], defaultQueueType: undefined });
    const metadata: JsonObject = { description: m.description, tags: Array.isArray(m.tags) ? [...m.tags] : m.tags };
    if (m.defaultQueueType !== undefined) metadata.default_queue_type = m.defaultQueueType;
    return { name, limits: limits.get(name) ?? [], metadata };
  });
}

function exportPermissions(cfg: BrokerConfig): DefPermission[] {
  const out = cfg.permissions.map(({ user, vhost, configure, write, read }) => ({ user, vhost, configure, write, read }));
  // guest's grant on '/' of a fresh install, unless the document sets it itself.
  if (!out.some((p) => p.user === 'guest' && p.vhost === '/')) out.unshift({ user: 'guest', vhost: '/', configure: '.*', write: '.*', read: '.*' });
  return out;
}

function exportQueue(q: Queue, cfg: BrokerConfig): DefQueue {
  const args: JsonObject = {};
  for (const [k, v] of Object.entries(q.config.arguments)) if (v !== undefined) args[k] = v;
  for (const [k, v] of Object.entries(q.config.otherArguments ?? {})) args[k] = v as Json;
  const declared = typeof args['x-queue-type'] === 'string' ? args['x-queue-type'] : undefined;
  const vhostDefault = cfg.vhostMetadata?.find((m) => m.vhost === q.config.vhost)?.defaultQueueType;
  return { name: q.config.name, vhost: q.config.vhost, durable: q.config.durable, auto_delete: q.config.autoDelete, arguments: args, type: declared ?? vhostDefault ?? 'classic' };
}

function exportExchange(x: Exchange): DefExchange {
  const { name, vhost, type, durable, autoDelete, internal, alternateExchange, otherArguments } = x.config;
  const args: JsonObject = { ...(otherArguments as JsonObject | undefined) };
  if (alternateExchange) args['alternate-exchange'] = alternateExchange;
  // 3.10.8 writes `internal` only for internal exchanges (and then leaves those out of its own export).
  return { name, vhost, type, durable, auto_delete: autoDelete, ...(internal ? { internal } : {}), arguments: args };
}

function exportBindings(doc: ScenarioDocument, skipped: Set<string>, warnings: ScenarioMessage[]): DefBinding[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: DefBinding[] = [];
  for (const e of doc.edges) {
    if (e.kind !== 'binding') continue;
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (source?.kind !== 'exchange' || (target?.kind !== 'queue' && target?.kind !== 'exchange')) continue;
    if (target.kind === 'queue' && skipped.has(target.id)) continue;
    if (source.config.name === '') continue; // the default exchange's bindings are implicit
    if (target.config.vhost !== source.config.vhost) {
      warnings.push(message('bindingCrossesVhosts', { source: source.config.name, destination: target.config.name }));
      continue;
    }
    out.push({ source: source.config.name, vhost: source.config.vhost, destination: target.config.name, destination_type: target.kind, routing_key: e.bindingKey, arguments: { ...e.arguments } });
  }
  return out;
}
