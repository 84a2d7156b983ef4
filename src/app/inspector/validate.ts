/**
 * Rules the inspector checks beyond the zod schema: names RabbitMQ would refuse or that clash,
 * and topic binding-key syntax. Pure functions, so they are unit-tested without a DOM.
 */
import { LIMITS, type ScenarioDocument } from '../../scenario/schema';
import type { Problem } from './fields/parse';

type NamedKind = 'exchange' | 'queue';

/**
 * A name for an exchange or queue: required, at most 255 characters, not `amq.*` (RabbitMQ answers
 * 403 ACCESS_REFUSED), and unique among nodes of the same kind in the same vhost.
 */
export function checkEntityName(
  doc: Pick<ScenarioDocument, 'nodes'>,
  kind: NamedKind,
  selfId: string,
  name: string,
  vhost: string,
): Problem | null {
  if (name === '') return { code: 'nameRequired' };
  if (name.length > LIMITS.nameLength) return { code: 'nameTooLong', params: { max: LIMITS.nameLength } };
  if (name.startsWith('amq.')) return { code: 'nameReserved', params: { kind } };
  const clash = doc.nodes.some((n) => n.id !== selfId && n.kind === kind && n.config.name === name && n.config.vhost === vhost);
  if (clash) return { code: 'nameTaken', params: { kind, vhost } };
  return null;
}

/** A producer's or consumer's name: required and not too long (duplicates are allowed). */
export function checkAgentName(name: string): Problem | null {
  if (name === '') return { code: 'nameRequired' };
  if (name.length > LIMITS.nameLength) return { code: 'nameTooLong', params: { max: LIMITS.nameLength } };
  return null;
}

/**
 * A topic binding key: words separated by `.`; `*` (exactly one word) and `#` (zero or more words)
 * are wildcards only as whole words. Empty words are legal, as in RabbitMQ.
 */
export function checkTopicBindingKey(key: string): Problem | null {
  if (key.length > LIMITS.nameLength) return { code: 'nameTooLong', params: { max: LIMITS.nameLength } };
  for (const word of key.split('.')) {
    if ((word.includes('*') || word.includes('#')) && word !== '*' && word !== '#') {
      return { code: 'topicWildcard', params: { word } };
    }
  }
  return null;
}

/** RabbitMQ splits an empty key into no words, and `a.` into `a` and an empty word. */
const words = (key: string): string[] => (key === '' ? [] : key.split('.'));

/**
 * Whether a topic binding key matches a routing key. A preview for the inspector only: routing
 * itself is the engine's job and the canvas shows what it reports.
 */
export function topicMatches(bindingKey: string, routingKey: string): boolean {
  const pattern = words(bindingKey);
  const key = words(routingKey);
  // Dynamic programming over (pattern index, key index); fine for keys of a few words.
  let reachable = new Set<number>([0]);
  for (const p of pattern) {
    const next = new Set<number>();
    for (const k of reachable) {
      if (p === '#') for (let j = k; j <= key.length; j++) next.add(j);
      else if (k < key.length && (p === '*' || p === key[k])) next.add(k + 1);
    }
    reachable = next;
    if (!reachable.size) return false;
  }
  return reachable.has(key.length);
}
