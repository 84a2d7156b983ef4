/** For the translation tests: the keys a locale file defines, and the literal keys code asks for. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
}

/** Every key of a locale file, dotted; plural forms count as the base key. */
export function translationKeys(locale: object): Set<string> {
  return new Set(flatten(locale as Tree).map((k) => k.replace(/_(one|other)$/, '')));
}

/** The .ts and .tsx files under `dir`, tests left out. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

/** The keys passed as string literals to `t(...)` in these files. */
export function literalKeys(files: string[]): string[] {
  return files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => m[1]));
}
