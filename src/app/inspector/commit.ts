/**
 * The inspector's only way to change the document: build the candidate value, check it against
 * the scenario schema, and dispatch one change (one undo step) only if it is valid and different.
 * Each function returns null when done, or the schema's message when the value was refused.
 */
import { beginGesture, dispatch, endGesture, getDoc } from '../../store/document';
import {
  consumerConfig,
  exchangeConfig,
  noteConfig,
  producerConfig,
  queueConfig,
  scenarioDocument,
  scenarioEdge,
  type NodeKind,
  type NodeOf,
  type ScenarioDocument,
} from '../../scenario/schema';

const SCHEMAS = { producer: producerConfig, exchange: exchangeConfig, queue: queueConfig, consumer: consumerConfig, note: noteConfig } as const;

type ConfigOf<K extends NodeKind> = NodeOf<K>['config'];
type Issue = { message: string; path: PropertyKey[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const firstMessage = (issues: Issue[]) => issues[0]?.message ?? 'Invalid value';

/** Patch a node's config. */
export function commitNode<K extends NodeKind>(id: string, kind: K, patch: Partial<ConfigOf<K>>): string | null {
  const node = getDoc().nodes.find((n) => n.id === id);
  if (!node || node.kind !== kind) return null;
  const next = { ...node.config, ...patch };
  const result = SCHEMAS[kind].safeParse(next);
  if (!result.success) return firstMessage(result.error.issues);
  if (same(node.config, next)) return null;
  dispatch({ type: 'update-node', id, config: patch });
  return null;
}

/** Patch a binding edge (binding key, arguments). */
export function commitBinding(id: string, patch: { bindingKey?: string; arguments?: Record<string, string | number | boolean | null> }): string | null {
  const edge = getDoc().edges.find((e) => e.id === id);
  if (!edge || edge.kind !== 'binding') return null;
  const next = { ...edge, ...patch };
  const result = scenarioEdge.safeParse(next);
  if (!result.success) return firstMessage(result.error.issues);
  if (same(edge, next)) return null;
  dispatch({ type: 'update-edge', id, patch });
  return null;
}

type MetaPatch = Partial<Pick<ScenarioDocument, 'title' | 'description' | 'seed' | 'settings'>>;

/** Patch the document's title, description, seed or settings. */
export function commitMeta(patch: MetaPatch): string | null {
  const doc = getDoc();
  const next = { ...doc, ...patch };
  const result = scenarioDocument.safeParse(next);
  if (!result.success) return firstMessage(result.error.issues);
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, doc[k as keyof MetaPatch]]));
  if (same(before, patch)) return null;
  dispatch({ type: 'set-meta', patch });
  return null;
}

/**
 * Rename an exchange and, in the same undo step, the references to it by name in its vhost
 * (queues' dead-letter exchange, exchanges' alternate exchange), as a person renaming it expects.
 * Edges link nodes by id, so bindings stay as they are.
 */
export function renameExchange(id: string, name: string): string | null {
  const node = getDoc().nodes.find((n) => n.id === id);
  if (!node || node.kind !== 'exchange') return null;
  const { name: old, vhost } = node.config;
  if (old === name) return null;
  const refusal = exchangeConfig.safeParse({ ...node.config, name });
  if (!refusal.success) return firstMessage(refusal.error.issues);
  beginGesture();
  try {
    dispatch({ type: 'update-node', id, config: { name } });
    for (const n of getDoc().nodes) {
      if (n.kind === 'queue' && n.config.vhost === vhost && n.config.arguments['x-dead-letter-exchange'] === old) {
        dispatch({ type: 'update-node', id: n.id, config: { arguments: { ...n.config.arguments, 'x-dead-letter-exchange': name } } });
      }
      if (n.kind === 'exchange' && n.id !== id && n.config.vhost === vhost && n.config.alternateExchange === old) {
        dispatch({ type: 'update-node', id: n.id, config: { alternateExchange: name } });
      }
    }
  } finally {
    endGesture();
  }
  return null;
}
