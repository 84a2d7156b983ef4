/** Every literal key the broker UI asks for exists in both languages, and the two files have the same keys. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../locales/en/broker.json';
import zh from '../locales/zh/broker.json';

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
/** Plural forms count as the base key. */
const base = (keys: string[]) => new Set(keys.map((k) => k.replace(/_(one|other)$/, '')));

describe('broker translations', () => {
  const enKeys = base(flatten(en as Tree));
  const zhKeys = base(flatten(zh as Tree));

  it('have the same keys in English and Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('define every literal key used in the code', () => {
    const used = readdirSync(__dirname)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) => [...readFileSync(join(__dirname, f), 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((k) => !enKeys.has(k))).toEqual([]);
  });
});
