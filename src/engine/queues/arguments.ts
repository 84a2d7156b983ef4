import { describeTyped, erlTerm, fieldEquals, fieldType, fieldValue, isIntegerType } from '../amqp/types';
import { ERRORS, fail } from '../amqp/errors';

/** Longest timer RabbitMQ accepts for x-expires / x-message-ttl (ms). */
const MAX_EXPIRY = 8640000000;

type Check = (v: unknown, args: Record<string, unknown>) => string | null;

// 3.10 formats a wrong integer type as a string term, so ~p quotes it: "expected integer, got longstr"
const intArg: Check = (v) => (isIntegerType(fieldType(v)) ? null : `"expected integer, got ${fieldType(v)}"`);
const nonNegInt: Check = (v, a) => intArg(v, a) ?? ((fieldValue(v) as number) < 0 ? `{value_negative,${erlTerm(v)}}` : null);
const expiry = (n: number) => (n < 0 ? `{value_negative,${n}}` : n > MAX_EXPIRY ? `{value_too_large,${n}}` : null);
const str: Check = (v) => (fieldType(v) === 'longstr' ? null : `{unacceptable_type,${fieldType(v)}}`);
const oneOf = (allowed: string[], err: string): Check => (v, a) => str(v, a) ?? (allowed.includes(fieldValue(v) as string) ? null : err);

/** RabbitMQ 3.10's `declare_args()`: the queue arguments it validates and compares, in its order. */
export const QUEUE_ARGS: [string, Check][] = [
  ['x-expires', (v, a) => intArg(v, a) ?? (fieldValue(v) === 0 ? '{value_zero,0}' : expiry(fieldValue(v) as number))],
  ['x-message-ttl', (v, a) => intArg(v, a) ?? expiry(fieldValue(v) as number)],
  ['x-dead-letter-exchange', str],
  ['x-dead-letter-routing-key', (v, a) => str(v, a) ?? (a['x-dead-letter-exchange'] === undefined ? 'routing_key_but_no_dlx_defined' : null)],
  ['x-max-length', nonNegInt],
  ['x-max-length-bytes', nonNegInt],
  ['x-max-in-memory-length', nonNegInt],
  ['x-max-in-memory-bytes', nonNegInt],
  ['x-max-priority', (v, a) => nonNegInt(v, a) ?? ((fieldValue(v) as number) > 255 ? `{max_value_exceeded,${erlTerm(v)}}` : null)],
  ['x-overflow', oneOf(['drop-head', 'reject-publish', 'reject-publish-dlx'], 'invalid_overflow')],
  ['x-queue-mode', oneOf(['default', 'lazy'], 'invalid_queue_mode')],
  ['x-queue-version', (v, a) => intArg(v, a) ?? ([1, 2].includes(fieldValue(v) as number) ? null : `{unsupported_version,${erlTerm(v)}}`)],
  ['x-single-active-consumer', (v) => (fieldType(v) === 'bool' ? null : `{unacceptable_type,${fieldType(v)}}`)],
  ['x-queue-type', (v, a) => str(v, a) ?? (['classic', 'quorum', 'stream'].includes(fieldValue(v) as string) ? null : `"unsupported queue type '${erlTerm(v)}'"`)],
  ['x-quorum-initial-group-size', (v, a) => nonNegInt(v, a) ?? ((fieldValue(v) as number) === 0 ? '{value_zero,0}' : null)],
  ['x-delivery-limit', nonNegInt],
  ['x-max-age', str],
  ['x-stream-max-segment-size-bytes', nonNegInt],
  ['x-initial-cluster-size', nonNegInt],
  ['x-queue-leader-locator', oneOf(['client-local', 'balanced', 'random', 'least-leaders'], 'invalid_leader_locator')],
  ['x-queue-master-locator', oneOf(['client-local', 'min-masters', 'random'], 'invalid_master_locator')],
];

/** Arguments of classic queues that a quorum queue refuses. */
const CLASSIC_ONLY = ['x-max-priority', 'x-queue-mode', 'x-queue-version', 'x-queue-master-locator'];

/** Validates a new queue's arguments (406 `invalid arg` on the first bad one), then what its type refuses. */
export function validateQueueArgs(q: string, vhost: string, args: Record<string, unknown>): void {
  for (const [key, check] of QUEUE_ARGS) {
    if (args[key] === undefined) continue;
    const err = check(args[key], args);
    if (err) fail(ERRORS.invalidArg(q, vhost, key, err));
  }
  if (fieldValue(args['x-queue-type']) === 'quorum') {
    for (const key of CLASSIC_ONLY) {
      if (args[key] !== undefined) fail([406, `PRECONDITION_FAILED - invalid arg '${key}' for queue '${q}' in vhost '${vhost}' of queue type rabbit_quorum_queue`]);
    }
  }
}

/** RabbitMQ's `assert_args_equivalence` over the given keys (406 `inequivalent arg`). */
export function assertArgsEquivalent(
  kind: 'queue' | 'exchange', name: string, vhost: string,
  current: Record<string, unknown>, requested: Record<string, unknown>, keys: string[],
): void {
  for (const key of keys) {
    const a = current[key];
    const b = requested[key];
    if (a === undefined && b === undefined) continue;
    if (a !== undefined && b !== undefined) {
      // both present: equal values (Erlang ==, so 3 and 3.0 agree) are fine; else untyped texts
      if (fieldEquals(a, b)) continue;
      fail(ERRORS.inequivalent(kind, name, vhost, key, `'${erlTerm(b)}'`, `'${erlTerm(a)}'`));
    }
    fail(ERRORS.inequivalent(kind, name, vhost, key, describeTyped(b), describeTyped(a)));
  }
}

/** RabbitMQ's `assert_field_equivalence` for declaration flags (durable, auto_delete, internal, type). */
export function assertFieldEquivalent(kind: 'queue' | 'exchange', name: string, vhost: string, key: string, current: unknown, requested: unknown): void {
  if (current !== requested) fail(ERRORS.inequivalent(kind, name, vhost, key, `'${String(requested)}'`, `'${String(current)}'`));
}

/** Queue settings derived from arguments once at declare time. */
export interface QueueSettings {
  messageTtl: number;
  expires: number;
  maxLength: number;
  maxLengthBytes: number;
  overflow: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  maxPriority: number;
  dlx: string | null;
  dlrk: string | null;
  singleActive: boolean;
  deliveryLimit: number;
  type: 'classic' | 'quorum' | 'stream';
}

export function queueSettings(args: Record<string, unknown>): QueueSettings {
  const num = (k: string) => (args[k] === undefined ? -1 : (fieldValue(args[k]) as number));
  const s = (k: string) => (args[k] === undefined ? null : (fieldValue(args[k]) as string));
  return {
    messageTtl: num('x-message-ttl'),
    expires: num('x-expires'),
    maxLength: num('x-max-length'),
    maxLengthBytes: num('x-max-length-bytes'),
    overflow: (s('x-overflow') ?? 'drop-head') as QueueSettings['overflow'],
    maxPriority: num('x-max-priority'),
    dlx: s('x-dead-letter-exchange'),
    dlrk: s('x-dead-letter-routing-key'),
    singleActive: fieldValue(args['x-single-active-consumer']) === true,
    deliveryLimit: num('x-delivery-limit'),
    type: (s('x-queue-type') ?? 'classic') as QueueSettings['type'],
  };
}
