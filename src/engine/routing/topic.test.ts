import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainTopic, splitTopic, TopicTrie, topicMatches } from './topic';

describe('splitTopic (RabbitMQ split_topic_key)', () => {
  it('treats the empty key as no words and keeps empty words', () => {
    expect(splitTopic('')).toEqual([]);
    expect(splitTopic('a.')).toEqual(['a', '']);
    expect(splitTopic('.')).toEqual(['', '']);
    expect(splitTopic('a..b')).toEqual(['a', '', 'b']);
  });
});

describe('topicMatches', () => {
  // recorded on RabbitMQ 3.10.8 (conformance case topic-matrix-empty-words)
  const recorded: Record<string, string[]> = {
    '*': [], '#': ['a..b', '.', 'a.', '.a', '..', 'a.b', 'a...b'], 'a.*.b': ['a..b'], 'a.#.b': ['a..b', 'a.b', 'a...b'],
    '*.*': ['.', 'a.', '.a', 'a.b'], 'a..b': ['a..b'], '.': ['.'], '*.': ['.', 'a.'], '.*': ['.', '.a'], 'a.*': ['a.', 'a.b'],
    '*.a': ['.a'], '#.#.#': ['a..b', '.', 'a.', '.a', '..', 'a.b', 'a...b'],
  };
  const keys = ['a..b', '.', 'a.', '.a', '..', 'a.b', 'a...b'];
  it.each(Object.entries(recorded))('binding %s matches what RabbitMQ matched', (pattern, matched) => {
    expect(keys.filter((k) => topicMatches(pattern, k))).toEqual(matched);
  });

  it('handles the empty key and # in the middle', () => {
    expect(topicMatches('#', '')).toBe(true);
    expect(topicMatches('', '')).toBe(true);
    expect(topicMatches('*', '')).toBe(false);
    expect(topicMatches('a.#.z', 'a.z')).toBe(true);
    expect(topicMatches('a.#.z', 'a.b.c.z')).toBe(true);
    expect(topicMatches('a.#.z', 'a.b.c')).toBe(false);
  });
});

describe('TopicTrie', () => {
  const word = fc.constantFrom('a', 'b', '', 'c');
  const patternWord = fc.constantFrom('a', 'b', '', '*', '#');
  it('matches exactly what the reference matcher matches, each binding once after dedupe', () => {
    fc.assert(
      fc.property(fc.array(fc.array(patternWord, { maxLength: 4 }), { maxLength: 12 }), fc.array(word, { maxLength: 5 }), (patterns, keyWords) => {
        const trie = new TopicTrie<number>();
        const ps = patterns.map((w) => w.join('.'));
        ps.forEach((p, i) => trie.add(p, i));
        const key = keyWords.join('.');
        const got = new Set<number>();
        trie.match(key, got);
        const want = ps.map((p, i) => (topicMatches(p, key) ? i : -1)).filter((i) => i >= 0);
        expect([...got].sort((x, y) => x - y)).toEqual(want);
      }),
    );
  });

  it('forgets removed bindings and prunes empty branches', () => {
    const t = new TopicTrie<string>();
    t.add('a.*', 'x');
    t.add('a.#', 'y');
    expect(t.remove('a.*', 'x')).toBe(true);
    expect(t.remove('a.*', 'x')).toBe(false);
    const got: string[] = [];
    t.match('a.b', { add: (b) => got.push(b) });
    expect(got).toEqual(['y']);
  });
});

describe('explainTopic', () => {
  it('names the first word that differs', () => {
    expect(explainTopic('lazy.#', 'quick.orange.rabbit')).toEqual({
      matched: false, reason: { kind: 'topic-word-mismatch', position: 0, expected: 'lazy', actual: 'quick' },
    });
    expect(explainTopic('*.orange.*', 'quick.orange')).toEqual({ matched: false, reason: { kind: 'topic-key-too-short', position: 2, expected: '*' } });
    expect(explainTopic('a.b', 'a.b.c')).toEqual({ matched: false, reason: { kind: 'topic-key-too-long', position: 2, extra: 'c' } });
    expect(explainTopic('*.orange.*', 'quick.orange.fox').matched).toBe(true);
  });
});
