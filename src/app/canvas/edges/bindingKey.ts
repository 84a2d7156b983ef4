/** Checking and parsing what people type into a binding label. */
import type { ExchangeType } from '../../../scenario/schema';

export type KeyProblem = 'wildcard-word' | 'too-long' | 'x-match' | 'pair';

/**
 * A topic binding key is words separated by dots; `*` and `#` are allowed only as whole words.
 * Empty words (`a..b`) are legal in RabbitMQ, so they pass.
 */
export function checkTopicKey(key: string): KeyProblem | null {
  if (key.length > 255) return 'too-long';
  for (const word of key.split('.')) {
    if ((word.includes('*') || word.includes('#')) && word !== '*' && word !== '#') return 'wildcard-word';
  }
  return null;
}

export function checkBindingKey(type: ExchangeType, key: string): KeyProblem | null {
  if (key.length > 255) return 'too-long';
  return type === 'topic' ? checkTopicKey(key) : null;
}

const X_MATCH = ['all', 'any', 'all-with-x', 'any-with-x'];

/** Headers binding arguments as one line: `x-match=all, format=pdf, type=report`. */
export function formatHeaderArgs(args: Record<string, string | number | boolean | null>): string {
  const entries = Object.entries(args);
  const xm = entries.filter(([k]) => k === 'x-match');
  const rest = entries.filter(([k]) => k !== 'x-match');
  return [...xm, ...rest].map(([k, v]) => `${k}=${v === null ? '' : String(v)}`).join(', ');
}

export type ParsedArgs = { ok: true; args: Record<string, string> } | { ok: false; problem: KeyProblem };

export function parseHeaderArgs(text: string): ParsedArgs {
  const args: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, problem: 'pair' };
    args[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  if (args['x-match'] !== undefined && !X_MATCH.includes(args['x-match'])) return { ok: false, problem: 'x-match' };
  return { ok: true, args };
}
