/**
 * Reading a `definitions.json` safely before anything is built from it: the size, the JSON, keys
 * that could reach an object's prototype, unknown kinds, and the type of every entry Warren reads.
 * Each refusal names what is wrong and where.
 */
import './zodConfig';
import { z } from 'zod';
import { DEFINITION_HEADERS, DEFINITION_KINDS } from './definitions-format';
import { MAX_JSON_CHARS } from './restore';
import { issuePath, zodIssueMessage } from './zod-problem';
import { message, type ScenarioMessage } from './messages';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const json = z.json();
const args = z.record(z.string(), json).default({});
const object = z.record(z.string(), json);
const tags = z.union([z.array(z.string()), z.string()]).default([]);

const defUser = z.object({
  name: z.string(),
  password_hash: z.string().optional(),
  hashing_algorithm: z.string().optional(),
  /** Plain passwords are accepted by import_definitions too. */
  password: z.string().optional(),
  tags,
  limits: object.optional(),
});
const defVhost = z.object({
  name: z.string(),
  description: z.string().optional(),
  tags: tags.optional(),
  default_queue_type: z.string().optional(),
  metadata: z.object({ description: z.string().optional(), tags: tags.optional(), default_queue_type: z.string().optional() }).optional(),
});
const defPermission = z.object({ user: z.string(), vhost: z.string(), configure: z.string(), write: z.string(), read: z.string() });
const defTopicPermission = z.object({ user: z.string(), vhost: z.string(), exchange: z.string(), write: z.string(), read: z.string() });
const defPolicy = z.object({
  vhost: z.string().default('/'),
  name: z.string(),
  pattern: z.string(),
  'apply-to': z.string().default('all'),
  definition: object,
  priority: z.number().int().default(0),
});
const defQueue = z.object({
  name: z.string(),
  vhost: z.string().default('/'),
  type: z.string().optional(),
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

export const definitionsFile = z.object({
  rabbit_version: z.string().optional(),
  rabbitmq_version: z.string().optional(),
  product_name: z.string().optional(),
  product_version: z.string().optional(),
  users: z.array(defUser).default([]),
  vhosts: z.array(defVhost).default([]),
  permissions: z.array(defPermission).default([]),
  topic_permissions: z.array(defTopicPermission).default([]),
  parameters: z.array(object).default([]),
  global_parameters: z.array(object).default([]),
  policies: z.array(defPolicy).default([]),
  queues: z.array(defQueue).default([]),
  exchanges: z.array(defExchange).default([]),
  bindings: z.array(defBinding).default([]),
});
export type DefinitionsFile = z.infer<typeof definitionsFile>;

/** Does this JSON value look like a definitions file rather than a Warren scenario? */
export function looksLikeDefinitions(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'nodes' in value) return false;
  return ['rabbit_version', 'rabbitmq_version', 'queues', 'exchanges', 'bindings', 'users', 'vhosts', 'policies'].some((k) => k in value);
}

/** The path of the first key that could reach an object's prototype (`__proto__`...), or null. */
export function forbiddenKey(value: unknown, path = ''): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenKey(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      const here = path ? `${path}.${k}` : k;
      if (FORBIDDEN_KEYS.has(k)) return here;
      const found = forbiddenKey((value as Record<string, unknown>)[k], here);
      if (found) return found;
    }
  }
  return null;
}

const size = (chars: number) => `${(chars / 1_000_000).toFixed(1)} MB`;

/** Text or a parsed value → a checked definitions file, or a message naming the problem. */
export function readDefinitions(input: unknown): { ok: true; defs: DefinitionsFile; raw: Record<string, unknown> } | { ok: false; error: ScenarioMessage } {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_JSON_CHARS) return { ok: false, error: message('definitionsTooLarge', { size: size(input.length), limit: size(MAX_JSON_CHARS) }) };
    try {
      // Plain JSON.parse makes "__proto__" an ordinary own key, which forbiddenKey then finds.
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: message('definitionsNotJson', { detail: (e as Error).message }) };
    }
  }
  if (!looksLikeDefinitions(value)) {
    return { ok: false, error: message('notDefinitions') };
  }
  const bad = forbiddenKey(value);
  if (bad) return { ok: false, error: message('forbiddenKey', { key: bad.split('.').pop()!.replace(/\[\d+\]$/, ''), path: bad }) };
  const known = new Set<string>([...DEFINITION_KINDS, ...DEFINITION_HEADERS]);
  const unknown = Object.keys(value as object).filter((k) => !known.has(k));
  if (unknown.length) {
    return { ok: false, error: message('unknownKinds', { kinds: unknown.map((k) => `"${k}"`).join(', '), known: DEFINITION_KINDS.join(', ') }) };
  }
  const parsed = definitionsFile.safeParse(value);
  if (!parsed.success) return { ok: false, error: zodProblem(parsed.error) };
  return { ok: true, defs: parsed.data, raw: value as Record<string, unknown> };
}

/** The first problem zod found and where, in the reader's language (zod-problem.ts). */
function zodProblem(error: z.ZodError): ScenarioMessage {
  const issue = error.issues[0];
  const where = issuePath(issue) || '$'; // $ is the JSON root, in any language
  const others = error.issues.length - 1;
  return message(others ? 'definitionsInvalidMore' : 'definitionsInvalid', { where, problem: [zodIssueMessage(issue)], ...(others ? { others } : {}) });
}
