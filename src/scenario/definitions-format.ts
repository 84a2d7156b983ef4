/**
 * RabbitMQ's `definitions.json`, as 3.10.8's `rabbitmqctl export_definitions` writes it: the kinds it
 * holds and the shape of each entry Warren reads and writes.
 */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export type DefUser = { name: string; password_hash: string; hashing_algorithm: string; tags: string[]; limits: JsonObject };
export type DefVhost = { name: string; limits: Json; metadata: JsonObject };
export type DefPermission = { user: string; vhost: string; configure: string; write: string; read: string };
export type DefTopicPermission = { user: string; vhost: string; exchange: string; write: string; read: string };
export type DefPolicy = { vhost: string; name: string; pattern: string; 'apply-to': string; definition: JsonObject; priority: number };
export type DefQueue = { name: string; vhost: string; durable: boolean; auto_delete: boolean; arguments: JsonObject; type?: string };
export type DefExchange = { name: string; vhost: string; type: string; durable: boolean; auto_delete: boolean; internal?: boolean; arguments: JsonObject };
export type DefBinding = {
  source: string;
  vhost: string;
  destination: string;
  destination_type: 'queue' | 'exchange';
  routing_key: string;
  arguments: JsonObject;
};

/** The whole file. Entries of kinds Warren does not model are carried as plain JSON objects. */
export type Definitions = {
  rabbit_version: string;
  rabbitmq_version: string;
  users: DefUser[];
  vhosts: DefVhost[];
  permissions: DefPermission[];
  topic_permissions: DefTopicPermission[];
  parameters: JsonObject[];
  global_parameters: JsonObject[];
  policies: DefPolicy[];
  queues: DefQueue[];
  exchanges: DefExchange[];
  bindings: DefBinding[];
};

/** The RabbitMQ version whose format we write (the one Warren's conformance cases were recorded on). */
export const RABBIT_VERSION = '3.10.8';

/** The entry kinds, in the order RabbitMQ imports them. */
export const DEFINITION_KINDS = [
  'users', 'vhosts', 'permissions', 'topic_permissions', 'parameters', 'global_parameters', 'policies', 'queues', 'exchanges', 'bindings',
] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

/** Top-level keys that are not lists of entries (later versions add the product's name and version). */
export const DEFINITION_HEADERS = ['rabbit_version', 'rabbitmq_version', 'product_name', 'product_version'] as const;

/** Exchanges every broker already has; definitions never declare them (RabbitMQ's own export skips them too). */
export const isPredeclared = (name: string) => name === '' || name.startsWith('amq.');

/**
 * Each kind as a sorted list of canonical JSON strings (object keys sorted): the order of entries and
 * of keys carries no meaning, so two files compare equal kind by kind when these do.
 */
export function kindByKind(defs: object): Record<string, string[]> {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(defs)) if (Array.isArray(v)) out[k] = v.map((e) => JSON.stringify(canon(e))).sort();
  return out;
}
