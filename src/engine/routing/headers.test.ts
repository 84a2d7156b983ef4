import { describe, expect, it } from 'vitest';
import { compileHeadersSpec, explainHeaders, headersMatch } from './headers';

const m = (args: Record<string, unknown>, h: Record<string, unknown> | undefined) => headersMatch(compileHeadersSpec(args), h);

describe('headers matching (recorded semantics)', () => {
  it('all/any, default all, empty bindings', () => {
    expect(m({ 'x-match': 'all', color: 'red', size: 'L' }, { color: 'red', size: 'L', extra: 1 })).toBe(true);
    expect(m({ 'x-match': 'all', color: 'red', size: 'L' }, { color: 'red' })).toBe(false);
    expect(m({ 'x-match': 'any', color: 'red', size: 'L' }, { size: 'L' })).toBe(true);
    expect(m({ color: 'red' }, { color: 'blue' })).toBe(false);
    expect(m({ 'x-match': 'all' }, undefined)).toBe(true);
    expect(m({}, undefined)).toBe(true);
    expect(m({ 'x-match': 'any' }, { a: 1 })).toBe(false);
  });

  it('compares values by type: 1 is not "1" nor true; void matches presence only', () => {
    expect(m({ n: 1 }, { n: 1 })).toBe(true);
    expect(m({ n: 1 }, { n: '1' })).toBe(false);
    expect(m({ n: 1 }, { n: true })).toBe(false);
    expect(m({ n: 1 }, { n: 1.5 })).toBe(false);
    expect(m({ n: null }, { n: 'anything' })).toBe(true);
    expect(m({ n: null }, { m: 1 })).toBe(false);
  });

  it('ignores x- binding arguments except in the -with-x modes', () => {
    expect(m({ 'x-match': 'all', 'x-k': 'v' }, {})).toBe(true);
    expect(m({ 'x-match': 'all-with-x', 'x-k': 'v' }, {})).toBe(false);
    expect(m({ 'x-match': 'any-with-x', 'x-k': 'v' }, { 'x-k': 'v' })).toBe(true);
  });

  it('explains a miss', () => {
    const spec = compileHeadersSpec({ 'x-match': 'all', color: 'red', size: 'L' });
    expect(explainHeaders(spec, { color: 'red' }).reason).toEqual({ kind: 'headers-missing', mode: 'all', key: 'size' });
    expect(explainHeaders(spec, { color: 'blue', size: 'L' }).reason).toEqual({ kind: 'headers-value-mismatch', mode: 'all', key: 'color', expected: 'red', actual: 'blue' });
  });
});
