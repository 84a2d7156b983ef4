/**
 * Export a scenario's topology as RabbitMQ `definitions.json` (the management plugin's format, as
 * `rabbitmqctl export_definitions` writes it), ready for `rabbitmqctl import_definitions` or the
 * management UI's "Import definitions". Import lives in `definitions-import.ts`.
 */
import type { ScenarioDocument, ScenarioNode } from './schema';

/** The RabbitMQ version whose format we write (the one Warren's conformance cases were recorded on). */
export const RABBIT_VERSION = '3.10.8';

type Args = Record<string, string | number | boolean | null>;
export type DefQueue = { name: string; vhost: string; durable: boolean; auto_delete: boolean; arguments: Args };
export type DefExchange = { name: string; vhost: string; type: string; durable: boolean; auto_delete: boolean; internal: boolean; arguments: Args };
export type DefBinding = {
  source: string;
  vhost: string;
  destination: string;
  destination_type: 'queue' | 'exchange';
  routing_key: string;
  arguments: Args;
};
export type DefUser = { name: string; password: string; tags: string[] };
export type DefPermission = { user: string; vhost: string; configure: string; write: string; read: string };

/** The parts of `definitions.json` Warren reads and writes. */
export type Definitions = {
  rabbit_version: string;
  rabbitmq_version: string;
  product_name: string;
  product_version: string;
  users: DefUser[];
  vhosts: { name: string }[];
  permissions: DefPermission[];
  topic_permissions: unknown[];
  parameters: unknown[];
  global_parameters: unknown[];
  policies: unknown[];
  queues: DefQueue[];
  exchanges: DefExchange[];
  bindings: DefBinding[];
};

/** Exchanges every broker already has; definitions never declare them (RabbitMQ's own export skips them too). */
export const isPredeclared = (name: string) => name === '' || name.startsWith('amq.');

type Exchange = Extract<ScenarioNode, { kind: 'exchange' }>;
type Queue = Extract<ScenarioNode, { kind: 'queue' }>;

/**
 * The scenario's topology as `definitions.json`, plus notes on what was left out. Exclusive queues
 * (tied to one connection) are skipped, as RabbitMQ's export does. Users other than `guest` that the
 * scenario's producers and consumers connect as are written with their plain password, which import
 * hashes; each gets full permissions on the vhost it uses.
 */
export function exportDefinitions(doc: ScenarioDocument): { definitions: Definitions; warnings: string[] } {
  const warnings: string[] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const exchanges = doc.nodes.filter((n): n is Exchange => n.kind === 'exchange');
  const queues = doc.nodes.filter((n): n is Queue => n.kind === 'queue');
  const skipped = new Set<string>();
  for (const q of queues) {
    if (q.config.exclusive) {
      skipped.add(q.id);
      warnings.push(`Queue "${q.config.name}" is exclusive, so it is declared by its connection and not exported.`);
    }
  }
  for (const x of exchanges) {
    if (isPredeclared(x.config.name)) skipped.add(x.id);
  }

  const bindings: DefBinding[] = [];
  for (const e of doc.edges) {
    if (e.kind !== 'binding') continue;
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (source?.kind !== 'exchange' || (target?.kind !== 'queue' && target?.kind !== 'exchange')) continue;
    if (target.kind === 'queue' && skipped.has(target.id)) continue;
    if (target.config.vhost !== source.config.vhost) {
      warnings.push(`The binding from "${source.config.name}" to "${target.config.name}" crosses virtual hosts, which RabbitMQ does not allow; it was not exported.`);
      continue;
    }
    bindings.push({
      source: source.config.name,
      vhost: source.config.vhost,
      destination: target.config.name,
      destination_type: target.kind,
      routing_key: e.bindingKey,
      arguments: { ...e.arguments },
    });
  }

  const definitions: Definitions = {
    rabbit_version: RABBIT_VERSION,
    rabbitmq_version: RABBIT_VERSION,
    product_name: 'RabbitMQ',
    product_version: RABBIT_VERSION,
    ...usersAndPermissions(doc),
    topic_permissions: [],
    parameters: [],
    global_parameters: [],
    policies: [],
    queues: queues.filter((q) => !skipped.has(q.id)).map(exportQueue),
    exchanges: exchanges.filter((x) => !skipped.has(x.id)).map(exportExchange),
    bindings,
  };
  return { definitions, warnings };
}

/** `definitions.json` text, pretty-printed as RabbitMQ writes it. */
export function exportDefinitionsJson(doc: ScenarioDocument): string {
  return JSON.stringify(exportDefinitions(doc).definitions, null, 2) + '\n';
}

function exportQueue(q: Queue): DefQueue {
  const args: Args = {};
  for (const [k, v] of Object.entries(q.config.arguments)) if (v !== undefined) args[k] = v;
  return { name: q.config.name, vhost: q.config.vhost, durable: q.config.durable, auto_delete: q.config.autoDelete, arguments: args };
}

function exportExchange(x: Exchange): DefExchange {
  const { name, vhost, type, durable, autoDelete, internal, alternateExchange } = x.config;
  return { name, vhost, type, durable, auto_delete: autoDelete, internal, arguments: alternateExchange ? { 'alternate-exchange': alternateExchange } : {} };
}

function usersAndPermissions(doc: ScenarioDocument): Pick<Definitions, 'users' | 'vhosts' | 'permissions'> {
  const vhosts = new Set<string>(['/']);
  const users = new Map<string, string>();
  const grants = new Map<string, DefPermission>();
  for (const n of doc.nodes) {
    if (n.kind === 'exchange' || n.kind === 'queue') vhosts.add(n.config.vhost);
    if (n.kind !== 'producer' && n.kind !== 'consumer') continue;
    const { user, password, vhost } = n.config.connection;
    vhosts.add(vhost);
    if (user !== 'guest' && !users.has(user)) users.set(user, password);
    // guest already has full permissions on "/", and only there.
    if (user !== 'guest' || vhost !== '/') grants.set(`${user}\u0000${vhost}`, { user, vhost, configure: '.*', write: '.*', read: '.*' });
  }
  return {
    users: [...users].map(([name, password]) => ({ name, password, tags: [] })),
    vhosts: [...vhosts].map((name) => ({ name })),
    permissions: [...grants.values()],
  };
}
