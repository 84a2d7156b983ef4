import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headersMatch, topicMatches } from './routing';

/** Reference: try every way of giving `#` its words (exponential, fine for short keys). */
function bruteTopic(p: string[], k: string[]): boolean {
  if (p.length === 0) return k.length === 0;
  const [head, ...rest] = p;
  if (head === '#') return Array.from({ length: k.length + 1 }, (_, i) => i).some((i) => bruteTopic(rest, k.slice(i)));
  return k.length > 0 && (head === '*' || head === k[0]) && bruteTopic(rest, k.slice(1));
}
const words = (s: string) => (s === '' ? [] : s.split('.'));

describe('topicMatches', () => {
  it('agrees with a brute-force matcher', () => {
    const word = fc.constantFrom('a', 'b', '', '*', '#');
    const keyWord = fc.constantFrom('a', 'b', '');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), fc.array(keyWord, { maxLength: 5 }), (p, k) => {
        const pattern = p.join('.');
        const key = k.join('.');
        expect(topicMatches(pattern, key)).toBe(bruteTopic(words(pattern), words(key)));
      }),
      { numRuns: 2000 },
    );
  });
  it('handles the documented cases', () => {
    expect(topicMatches('a.#.b', 'a.b')).toBe(true);
    expect(topicMatches('a.#.b', 'a.x.y.b')).toBe(true);
    expect(topicMatches('a.*', 'a')).toBe(false);
    expect(topicMatches('a..b', 'a..b')).toBe(true);
  });
});

describe('headersMatch', () => {
  it('all, any, and the -with-x forms', () => {
    const h = { format: 'pdf', type: 'log', 'x-tag': 1 };
    expect(headersMatch({ 'x-match': 'all', format: 'pdf', type: 'report' }, h)).toBe(false);
    expect(headersMatch({ 'x-match': 'any', format: 'pdf', type: 'report' }, h)).toBe(true);
    expect(headersMatch({ format: 'pdf' }, h)).toBe(true);
    expect(headersMatch({ 'x-match': 'any', 'x-tag': 1 }, h)).toBe(false);
    expect(headersMatch({ 'x-match': 'any-with-x', 'x-tag': 1 }, h)).toBe(true);
    expect(headersMatch({ 'x-match': 'all', format: null }, h)).toBe(true);
    expect(headersMatch({ 'x-match': 'any' }, h)).toBe(false);
  });
});
