import { describe, expect, it } from 'vitest';
import { checkBindingKey, checkTopicKey, formatHeaderArgs, parseHeaderArgs } from './bindingKey';

describe('topic binding keys', () => {
  it.each(['', '#', '*', 'order.*', '*.created', 'a.#.b', 'a..b', 'logs.error'])('accepts %j', (k) => {
    expect(checkTopicKey(k)).toBeNull();
  });
  it.each(['order*', 'a.#b', '**', 'x.*y.z', '##'])('refuses %j', (k) => {
    expect(checkTopicKey(k)).toBe('wildcard-word');
  });
  it('only checks wildcards on topic exchanges', () => {
    expect(checkBindingKey('direct', 'order*')).toBeNull();
    expect(checkBindingKey('topic', 'x'.repeat(256))).toBe('too-long');
  });
});

describe('headers arguments', () => {
  it('round-trips with x-match first', () => {
    const text = formatHeaderArgs({ format: 'pdf', 'x-match': 'any' });
    expect(text).toBe('x-match=any, format=pdf');
    expect(parseHeaderArgs(text)).toEqual({ ok: true, args: { 'x-match': 'any', format: 'pdf' } });
  });
  it('refuses a bad x-match and a missing =', () => {
    expect(parseHeaderArgs('x-match=some')).toEqual({ ok: false, problem: 'x-match' });
    expect(parseHeaderArgs('format')).toEqual({ ok: false, problem: 'pair' });
  });
});
