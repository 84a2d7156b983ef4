/**
 * Topic matching as RabbitMQ does it: keys and patterns split on '.', empty words allowed
 * ('a..b' is three words; '' is no words at all), '*' matches exactly one word, '#' zero or more.
 * Bindings live in a trie keyed by pattern word, so a message costs a walk over the key's words,
 * not a scan of every binding.
 */

/** RabbitMQ's split_topic_key: '' → [], 'a.' → ['a', ''], '.' → ['', '']. */
export function splitTopic(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/** Whether `pattern` matches `key` (reference implementation, also used by explainRoute). */
export function topicMatches(pattern: string, key: string): boolean {
  return matchWords(splitTopic(pattern), 0, splitTopic(key), 0);
}

function matchWords(p: string[], i: number, k: string[], j: number): boolean {
  for (;;) {
    if (i === p.length) return j === k.length;
    const w = p[i];
    if (w === '#') {
      for (let jj = j; jj <= k.length; jj++) if (matchWords(p, i + 1, k, jj)) return true;
      return false;
    }
    if (j === k.length) return false;
    if (w !== '*' && w !== k[j]) return false;
    i++;
    j++;
  }
}

class TrieNode<B> {
  children: Map<string, TrieNode<B>> | null = null;
  star: TrieNode<B> | null = null;
  hash: TrieNode<B> | null = null;
  bindings: B[] | null = null;
  count = 0; // bindings at or below this node, to prune empty branches

  child(word: string, create: boolean): TrieNode<B> | null {
    if (word === '*') return this.star ?? (create ? (this.star = new TrieNode()) : null);
    if (word === '#') return this.hash ?? (create ? (this.hash = new TrieNode()) : null);
    let c = this.children?.get(word) ?? null;
    if (!c && create) {
      c = new TrieNode();
      (this.children ??= new Map()).set(word, c);
    }
    return c;
  }

  drop(word: string): void {
    if (word === '*') this.star = null;
    else if (word === '#') this.hash = null;
    else this.children?.delete(word);
  }
}

/** A topic binding index: add/remove by pattern, match a routing key into `out`. */
export class TopicTrie<B> {
  private root = new TrieNode<B>();

  add(pattern: string, b: B): void {
    let n = this.root;
    n.count++;
    for (const w of splitTopic(pattern)) {
      n = n.child(w, true)!;
      n.count++;
    }
    (n.bindings ??= []).push(b);
  }

  remove(pattern: string, b: B): boolean {
    const words = splitTopic(pattern);
    const path: TrieNode<B>[] = [this.root];
    let n: TrieNode<B> | null = this.root;
    for (const w of words) {
      n = n.child(w, false);
      if (!n) return false;
      path.push(n);
    }
    const i = n.bindings ? n.bindings.indexOf(b) : -1;
    if (i < 0) return false;
    n.bindings!.splice(i, 1);
    for (let d = path.length - 1; d >= 0; d--) {
      path[d].count--;
      if (d > 0 && path[d].count === 0) path[d - 1].drop(words[d - 1]);
    }
    return true;
  }

  /** Adds to `sink` every binding whose pattern matches `key` (a binding may be reached twice via '#'). */
  match(key: string, sink: { add(b: B): unknown }): void {
    this.walk(this.root, splitTopic(key), 0, sink);
  }

  private walk(n: TrieNode<B>, words: string[], i: number, sink: { add(b: B): unknown }): void {
    if (i === words.length) {
      if (n.bindings) for (const b of n.bindings) sink.add(b);
    } else {
      const c = n.children?.get(words[i]);
      if (c) this.walk(c, words, i + 1, sink);
      if (n.star) this.walk(n.star, words, i + 1, sink);
    }
    if (n.hash) for (let j = i; j <= words.length; j++) this.walk(n.hash, words, j, sink);
  }
}

/** Why a topic pattern did or did not match a key, for explainRoute. */
export type TopicReason =
  | { kind: 'topic-match'; pattern: string }
  | { kind: 'topic-word-mismatch'; position: number; expected: string; actual: string }
  | { kind: 'topic-key-too-short'; position: number; expected: string }
  | { kind: 'topic-key-too-long'; position: number; extra: string }
  | { kind: 'topic-no-match'; pattern: string };

/** Explains a topic match: the first word that differs when the pattern has no '#', else a summary. */
export function explainTopic(pattern: string, key: string): { matched: boolean; reason: TopicReason } {
  if (topicMatches(pattern, key)) return { matched: true, reason: { kind: 'topic-match', pattern } };
  const p = splitTopic(pattern);
  const k = splitTopic(key);
  // walk the literal prefix (before any '#') to find the first offending word
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '#') break;
    if (i >= k.length) return { matched: false, reason: { kind: 'topic-key-too-short', position: i, expected: p[i] } };
    if (p[i] !== '*' && p[i] !== k[i]) {
      return { matched: false, reason: { kind: 'topic-word-mismatch', position: i, expected: p[i], actual: k[i] } };
    }
  }
  if (!p.includes('#') && k.length > p.length) {
    return { matched: false, reason: { kind: 'topic-key-too-long', position: p.length, extra: k[p.length] } };
  }
  return { matched: false, reason: { kind: 'topic-no-match', pattern } };
}
