import { fieldEquals, fieldValue } from '../amqp/types';

/** x-match modes of a headers binding (RabbitMQ 3.10 also has the `-with-x` forms). */
export type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';

/** A headers binding compiled once at bind time. */
export interface HeadersSpec {
  mode: XMatch;
  /** [key, value] pairs to test; null value (AMQP void) tests presence only. */
  pairs: [string, unknown][];
}

export function compileHeadersSpec(args: Record<string, unknown> | undefined): HeadersSpec {
  const xm = args ? fieldValue(args['x-match']) : undefined;
  // like RabbitMQ: anything but the known strings means 'all'
  const mode: XMatch = xm === 'any' || xm === 'all-with-x' || xm === 'any-with-x' ? xm : 'all';
  const withX = mode === 'all-with-x' || mode === 'any-with-x';
  const pairs: [string, unknown][] = [];
  if (args) {
    for (const k of Object.keys(args).sort()) {
      if (args[k] === undefined || k === 'x-match') continue;
      if (!withX && k.startsWith('x-')) continue;
      pairs.push([k, args[k]]);
    }
  }
  return { mode, pairs };
}

/** Whether message headers satisfy a binding: all/any of its pairs present and equal (void = presence). */
export function headersMatch(spec: HeadersSpec, headers: Record<string, unknown> | undefined): boolean {
  const any = spec.mode === 'any' || spec.mode === 'any-with-x';
  if (spec.pairs.length === 0) return !any;
  for (const [k, v] of spec.pairs) {
    const ok = pairMatches(k, v, headers);
    if (any && ok) return true;
    if (!any && !ok) return false;
  }
  return !any;
}

function pairMatches(k: string, v: unknown, headers: Record<string, unknown> | undefined): boolean {
  if (!headers || headers[k] === undefined) return false;
  return v === null || fieldEquals(v, headers[k]);
}

/** Why a headers binding did or did not match, for explainRoute. */
export type HeadersReason =
  | { kind: 'headers-match'; mode: XMatch; keys: string[] }
  | { kind: 'headers-missing'; mode: XMatch; key: string }
  | { kind: 'headers-value-mismatch'; mode: XMatch; key: string; expected: unknown; actual: unknown }
  | { kind: 'headers-none-matched'; mode: XMatch; keys: string[] }
  | { kind: 'headers-empty-any'; mode: XMatch };

export function explainHeaders(spec: HeadersSpec, headers: Record<string, unknown> | undefined): { matched: boolean; reason: HeadersReason } {
  const any = spec.mode === 'any' || spec.mode === 'any-with-x';
  if (spec.pairs.length === 0) {
    return any ? { matched: false, reason: { kind: 'headers-empty-any', mode: spec.mode } } : { matched: true, reason: { kind: 'headers-match', mode: spec.mode, keys: [] } };
  }
  const hits: string[] = [];
  for (const [k, v] of spec.pairs) {
    if (pairMatches(k, v, headers)) hits.push(k);
    else if (!any) {
      if (!headers || headers[k] === undefined) return { matched: false, reason: { kind: 'headers-missing', mode: spec.mode, key: k } };
      return { matched: false, reason: { kind: 'headers-value-mismatch', mode: spec.mode, key: k, expected: v, actual: headers[k] } };
    }
  }
  if (any && hits.length === 0) return { matched: false, reason: { kind: 'headers-none-matched', mode: spec.mode, keys: spec.pairs.map((p) => p[0]) } };
  return { matched: true, reason: { kind: 'headers-match', mode: spec.mode, keys: hits } };
}
