import { fieldValue } from '../amqp/types';
import type { QueueSettings } from './arguments';

export type ApplyTo = 'all' | 'queues' | 'exchanges';

/** A policy as `rabbitmqctl set_policy` defines it. */
export interface PolicyInfo {
  vhost: string;
  name: string;
  pattern: string;
  applyTo: ApplyTo;
  priority: number;
  definition: Record<string, unknown>;
}

export interface Policy extends PolicyInfo {
  regex: RegExp;
}

type KeyCheck = (v: unknown) => string | null;

const nonNegInt: KeyCheck = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : 'must be a non-negative integer');
const posInt: KeyCheck = (v) => (Number.isInteger(v) && (v as number) > 0 ? null : 'must be a positive integer');
const str: KeyCheck = (v) => (typeof v === 'string' ? null : 'must be a string');
const oneOf = (...allowed: string[]): KeyCheck => (v) => (allowed.includes(v as string) ? null : `must be one of ${allowed.join(', ')}`);

/** The policy keys RabbitMQ 3.10 knows for queues and exchanges (federation/shovel keys are not modelled). */
const KEYS: Record<string, KeyCheck> = {
  'message-ttl': nonNegInt,
  expires: posInt,
  'max-length': nonNegInt,
  'max-length-bytes': nonNegInt,
  overflow: oneOf('drop-head', 'reject-publish', 'reject-publish-dlx'),
  'dead-letter-exchange': str,
  'dead-letter-routing-key': str,
  'delivery-limit': nonNegInt,
  'queue-mode': oneOf('default', 'lazy'),
  'queue-master-locator': oneOf('client-local', 'min-masters', 'random'),
  'ha-mode': oneOf('all', 'exactly', 'nodes'),
  'ha-params': () => null, // checked against ha-mode below
  'ha-sync-mode': oneOf('manual', 'automatic'),
  'ha-sync-batch-size': posInt,
  'ha-promote-on-shutdown': oneOf('when-synced', 'always'),
  'ha-promote-on-failure': oneOf('when-synced', 'always'),
  'alternate-exchange': str,
  'max-age': str,
  'stream-max-segment-size-bytes': nonNegInt,
  'initial-cluster-size': posInt,
};

/** Validates a policy (throws a clear Error naming the problem) and compiles its pattern. */
export function makePolicy(vhost: string, name: string, pattern: string, definition: Record<string, unknown>, applyTo: unknown, priority: unknown, nodes: string[]): Policy {
  if (typeof name !== 'string' || name === '') throw new TypeError('policy name must be a non-empty string');
  if (typeof pattern !== 'string') throw new TypeError('policy pattern must be a string regex');
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (e) {
    throw new Error(`invalid policy pattern '${pattern}': ${(e as Error).message}`, { cause: e });
  }
  if (applyTo !== 'all' && applyTo !== 'queues' && applyTo !== 'exchanges') throw new Error(`policy apply-to must be all, queues or exchanges, got '${String(applyTo)}'`);
  if (!Number.isInteger(priority)) throw new TypeError('policy priority must be an integer');
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) throw new TypeError('policy definition must be an object');
  if (Object.keys(definition).length === 0) throw new Error('policy definition must not be empty');
  for (const [k, v] of Object.entries(definition)) {
    const check = KEYS[k];
    if (!check) throw new Error(`unknown policy key '${k}'`);
    const bad = check(v);
    if (bad) throw new Error(`policy key '${k}' ${bad}, got ${JSON.stringify(v)}`);
  }
  checkHa(definition, nodes);
  return { vhost, name, pattern, regex, applyTo, priority: priority as number, definition: { ...definition } };
}

function checkHa(d: Record<string, unknown>, nodes: string[]): void {
  const mode = d['ha-mode'];
  const params = d['ha-params'];
  if (mode === undefined) {
    if (params !== undefined || d['ha-sync-mode'] !== undefined) throw new Error("policy key 'ha-params' / 'ha-sync-mode' needs 'ha-mode'");
    return;
  }
  if (mode === 'all') {
    if (params !== undefined) throw new Error("policy key 'ha-params' is not allowed with ha-mode 'all'");
  } else if (mode === 'exactly') {
    if (!Number.isInteger(params) || (params as number) < 1) throw new Error("ha-mode 'exactly' needs 'ha-params' as a positive integer");
    if ((params as number) > nodes.length) throw new Error(`ha-params ${String(params)} is more than the ${nodes.length} nodes of the cluster`);
  } else {
    if (!Array.isArray(params) || params.length === 0 || params.some((p) => typeof p !== 'string')) {
      throw new Error("ha-mode 'nodes' needs 'ha-params' as a non-empty list of node names");
    }
    for (const n of params as string[]) if (!nodes.includes(n)) throw new Error(`ha-params names unknown node '${n}'`);
  }
}

/** The policy that applies to a queue or an exchange: the highest priority match (ties: the first by name). */
export function bestPolicy(policies: Map<string, Policy> | undefined, kind: 'queues' | 'exchanges', name: string): Policy | null {
  if (!policies || policies.size === 0) return null;
  let best: Policy | null = null;
  for (const p of policies.values()) {
    if (p.applyTo !== 'all' && p.applyTo !== kind) continue;
    if (!p.regex.test(name)) continue;
    if (!best || p.priority > best.priority || (p.priority === best.priority && p.name < best.name)) best = p;
  }
  return best;
}

const lower = (arg: number, pol: unknown) => (typeof pol !== 'number' ? arg : arg < 0 || pol < arg ? pol : arg);

/**
 * A queue's settings with a policy applied: for TTL, expiry, lengths and the delivery limit the
 * lower value wins; for dead-lettering and overflow the queue argument wins.
 */
export function withPolicy(base: QueueSettings, args: Record<string, unknown>, p: Policy | null): QueueSettings {
  if (!p) return base;
  const d = p.definition;
  const has = (k: string) => args[k] !== undefined;
  return {
    ...base,
    messageTtl: lower(base.messageTtl, d['message-ttl']),
    expires: lower(base.expires, d.expires),
    maxLength: lower(base.maxLength, d['max-length']),
    maxLengthBytes: lower(base.maxLengthBytes, d['max-length-bytes']),
    deliveryLimit: lower(base.deliveryLimit, d['delivery-limit']),
    overflow: has('x-overflow') || d.overflow === undefined ? base.overflow : (d.overflow as QueueSettings['overflow']),
    dlx: has('x-dead-letter-exchange') || d['dead-letter-exchange'] === undefined ? base.dlx : (d['dead-letter-exchange'] as string),
    dlrk: has('x-dead-letter-routing-key') || d['dead-letter-routing-key'] === undefined ? base.dlrk : (d['dead-letter-routing-key'] as string),
  };
}

/** The alternate exchange of an exchange: its argument, else its policy's. */
export function alternateOf(args: Record<string, unknown>, p: Policy | null): string | null {
  const ae = args['alternate-exchange'];
  if (ae !== undefined) return typeof fieldValue(ae) === 'string' ? (fieldValue(ae) as string) : null;
  const pa = p?.definition['alternate-exchange'];
  return typeof pa === 'string' ? pa : null;
}

/** Plain data for the admin view. */
export function policyInfo(p: Policy): PolicyInfo {
  return { vhost: p.vhost, name: p.name, pattern: p.pattern, applyTo: p.applyTo, priority: p.priority, definition: { ...p.definition } };
}
