/**
 * The document's `broker` section as the editor sees it: defaults, validation in the engine's own
 * words (nothing reaches the worker that the broker would refuse), and a queue's effective
 * arguments once the policy that applies to it is taken into account, by RabbitMQ's rules.
 * Pure: used by the broker panel, the inspector, the canvas and the worker alike.
 */
import { bestPolicy, compileRegex, DEFAULT_RESOURCES, makePolicy, type Policy, type ResourceSettings } from '../engine/policies';
import { brokerConfig, type BrokerConfig, type NodeOf, type ScenarioDocument } from './schema';

export type { BrokerConfig };

/** The broker section of a document, with every default filled in (a fresh install when absent). */
export function brokerOf(doc: Pick<ScenarioDocument, 'broker'>): BrokerConfig {
  return doc.broker ?? brokerConfig.parse({});
}

/** The modelled machine and limits, the engine's defaults where the document says nothing. */
export function resourcesOf(cfg: BrokerConfig): ResourceSettings {
  const r: ResourceSettings = { ...DEFAULT_RESOURCES };
  for (const [k, v] of Object.entries(cfg.resources)) if (v !== undefined) r[k as keyof ResourceSettings] = v;
  return r;
}

/** One problem in a broker section: where (a dotted path like `permissions.0.read`) and what. */
export interface BrokerProblem {
  path: string;
  message: string;
}

/** Every vhost the broker will have: `/` and the listed ones. */
export function vhostNames(cfg: BrokerConfig): string[] {
  return ['/', ...cfg.vhosts.filter((v) => v !== '/')];
}

/** Every user the broker will have: guest (a fresh install's) and the listed ones. */
export function userNames(cfg: BrokerConfig): string[] {
  return ['guest', ...cfg.users.map((u) => u.name).filter((n) => n !== 'guest')];
}

/**
 * The engine's apply-to for a document's: 3.10 knows all, queues and exchanges; the later
 * classic_queues / quorum_queues the schema accepts mean queues here (as cluster-setup.ts reads them).
 */
export function policyApplyTo(a: BrokerConfig['policies'][number]['applyTo']): 'all' | 'queues' | 'exchanges' {
  return a === 'classic_queues' || a === 'quorum_queues' ? 'queues' : a;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Checks a broker section the way `rabbitmqctl` would take it, in the engine's words: unknown
 * users or vhosts, duplicates, invalid regexes, unknown or ill-typed policy keys, negative limits,
 * a watermark above 1. An empty list means the worker will apply it without a refusal.
 */
export function validateBroker(cfg: BrokerConfig): BrokerProblem[] {
  const out: BrokerProblem[] = [];
  const seen = new Set<string>();
  cfg.vhosts.forEach((v, i) => {
    if (v === '/' || seen.has(v)) out.push({ path: `vhosts.${i}`, message: `vhost '${v}' already exists` });
    seen.add(v);
  });
  const users = new Set<string>();
  cfg.users.forEach((u, i) => {
    if (users.has(u.name)) out.push({ path: `users.${i}.name`, message: `user '${u.name}' already exists` });
    users.add(u.name);
  });
  const knownUsers = new Set(userNames(cfg));
  const knownVhosts = new Set(vhostNames(cfg));
  const perms = new Set<string>();
  cfg.permissions.forEach((p, i) => {
    if (!knownUsers.has(p.user)) out.push({ path: `permissions.${i}.user`, message: `no such user '${p.user}'` });
    if (!knownVhosts.has(p.vhost)) out.push({ path: `permissions.${i}.vhost`, message: `no such vhost '${p.vhost}'` });
    const key = `${p.user}\u0000${p.vhost}`;
    if (perms.has(key)) out.push({ path: `permissions.${i}.user`, message: `permissions for '${p.user}' on '${p.vhost}' are set twice` });
    perms.add(key);
    for (const kind of ['configure', 'write', 'read'] as const) {
      try {
        compileRegex(kind, p[kind]);
      } catch (e) {
        out.push({ path: `permissions.${i}.${kind}`, message: message(e) });
      }
    }
  });
  const policies = new Set<string>();
  cfg.policies.forEach((p, i) => {
    if (!knownVhosts.has(p.vhost)) out.push({ path: `policies.${i}.vhost`, message: `no such vhost '${p.vhost}'` });
    const key = `${p.vhost}\u0000${p.name}`;
    if (policies.has(key)) out.push({ path: `policies.${i}.name`, message: `policy '${p.name}' already exists in vhost '${p.vhost}'` });
    policies.add(key);
    try {
      makePolicy(p.vhost, p.name, p.pattern, p.definition, policyApplyTo(p.applyTo), p.priority, cfg.nodes);
    } catch (e) {
      const m = message(e);
      const field = /pattern/.test(m) ? 'pattern' : /apply-to/.test(m) ? 'applyTo' : 'definition';
      out.push({ path: `policies.${i}.${field}`, message: m });
    }
  });
  for (const [k, v] of Object.entries(cfg.resources)) {
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) out.push({ path: `resources.${k}`, message: `${k} must be a non-negative number, got ${String(v)}` });
    else if (k === 'memoryHighWatermark' && v > 1) out.push({ path: `resources.${k}`, message: `memory high watermark must be a fraction between 0 and 1, got ${v}` });
  }
  return out;
}

// ------------------------------------------------------------------ effective queue arguments

type QueueConfig = NodeOf<'queue'>['config'];

/** How a policy key meets the queue argument of the same meaning (RabbitMQ 3.10's rules). */
const PAIRS: Record<string, { arg: string; rule: 'lower' | 'argument' }> = {
  'message-ttl': { arg: 'x-message-ttl', rule: 'lower' },
  expires: { arg: 'x-expires', rule: 'lower' },
  'max-length': { arg: 'x-max-length', rule: 'lower' },
  'max-length-bytes': { arg: 'x-max-length-bytes', rule: 'lower' },
  'delivery-limit': { arg: 'x-delivery-limit', rule: 'lower' },
  overflow: { arg: 'x-overflow', rule: 'argument' },
  'dead-letter-exchange': { arg: 'x-dead-letter-exchange', rule: 'argument' },
  'dead-letter-routing-key': { arg: 'x-dead-letter-routing-key', rule: 'argument' },
};

/** One effective setting of a queue, and where its value comes from. */
export interface EffectiveArgument {
  /** The queue argument's name (`x-message-ttl`), or the policy key when it has no argument (`ha-mode`). */
  key: string;
  value: string | number | boolean | null | unknown[];
  source: 'argument' | 'policy';
  /** Both set it: the value that lost, and why. */
  overridden?: { value: unknown; source: 'argument' | 'policy'; rule: 'lower' | 'argument' };
}

export interface EffectiveQueue {
  /** The policy that applies (highest priority match), or null. */
  policy: string | null;
  args: EffectiveArgument[];
}

function compiled(cfg: BrokerConfig, vhost: string): Map<string, Policy> {
  const m = new Map<string, Policy>();
  for (const p of cfg.policies) {
    if (p.vhost !== vhost) continue;
    try {
      m.set(p.name, makePolicy(p.vhost, p.name, p.pattern, p.definition, policyApplyTo(p.applyTo), p.priority, cfg.nodes));
    } catch {
      // An invalid policy is refused by the broker, so it applies to nothing.
    }
  }
  return m;
}

/** The policy that applies to a queue (what `rabbitmqctl list_queues name policy` shows). */
export function queuePolicy(cfg: BrokerConfig | undefined, queue: Pick<QueueConfig, 'name' | 'vhost'>): Policy | null {
  if (!cfg?.policies.length) return null;
  return bestPolicy(compiled(cfg, queue.vhost), 'queues', queue.name);
}

/**
 * A queue's effective arguments: its own arguments and the applying policy's keys, merged as
 * RabbitMQ does: for TTL, expiry, lengths and the delivery limit the lower value wins; for
 * dead-lettering and overflow the queue's argument wins; other policy keys just apply.
 */
export function effectiveArguments(cfg: BrokerConfig | undefined, queue: Pick<QueueConfig, 'name' | 'vhost' | 'arguments'>): EffectiveQueue {
  const args = queue.arguments as Record<string, unknown>;
  const policy = queuePolicy(cfg, queue);
  const out: EffectiveArgument[] = [];
  const fromPolicy = new Map<string, { key: string; value: unknown; rule: 'lower' | 'argument' | null }>();
  for (const [k, v] of Object.entries(policy?.definition ?? {})) {
    const pair = PAIRS[k];
    fromPolicy.set(pair ? pair.arg : k, { key: k, value: v, rule: pair?.rule ?? null });
  }
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined) continue;
    const pol = fromPolicy.get(k);
    fromPolicy.delete(k);
    if (!pol) {
      out.push({ key: k, value: v as EffectiveArgument['value'], source: 'argument' });
      continue;
    }
    const policyWins = pol.rule === 'lower' && typeof v === 'number' && typeof pol.value === 'number' && pol.value < v;
    out.push(
      policyWins
        ? { key: k, value: pol.value as number, source: 'policy', overridden: { value: v, source: 'argument', rule: 'lower' } }
        : { key: k, value: v as EffectiveArgument['value'], source: 'argument', overridden: { value: pol.value, source: 'policy', rule: pol.rule ?? 'argument' } },
    );
  }
  for (const [k, p] of fromPolicy) out.push({ key: k, value: p.value as EffectiveArgument['value'], source: 'policy' });
  return { policy: policy?.name ?? null, args: out };
}

/** Feature letters a policy adds to a queue, as the management UI abbreviates them. */
const POLICY_LETTERS: Record<string, string> = {
  'x-message-ttl': 'TTL',
  'x-expires': 'Exp',
  'x-max-length': 'Lim',
  'x-max-length-bytes': 'Lim B',
  'x-overflow': 'Ovfl',
  'x-dead-letter-exchange': 'DLX',
  'x-dead-letter-routing-key': 'DLK',
  'x-delivery-limit': 'DL',
  'ha-mode': 'HA',
  'queue-mode': 'Lazy',
};

export interface PolicyFeature {
  abbr: string;
  key: string;
  value: string;
  policy: string;
}

/** The letters the applying policy adds (only where the queue's own argument does not already show it). */
export function policyFeatures(cfg: BrokerConfig | undefined, queue: Pick<QueueConfig, 'name' | 'vhost' | 'arguments'>): PolicyFeature[] {
  const eff = effectiveArguments(cfg, queue);
  if (!eff.policy) return [];
  const out: PolicyFeature[] = [];
  for (const a of eff.args) {
    const abbr = POLICY_LETTERS[a.key];
    if (!abbr || a.source !== 'policy' || a.overridden) continue;
    out.push({ abbr, key: a.key, value: String(a.value), policy: eff.policy });
  }
  return out;
}
