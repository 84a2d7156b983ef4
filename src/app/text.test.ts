import i18next from 'i18next';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledTranslate } from './text';

const DIR = join(__dirname, 'locales');
type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

async function instance() {
  const resources: Record<string, Record<string, Tree>> = {};
  for (const lng of ['en', 'zh']) {
    resources[lng] = {};
    for (const f of readdirSync(join(DIR, lng))) resources[lng][f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(DIR, lng, f), 'utf8'));
  }
  const i18n = i18next.createInstance();
  // The app's own options (app/i18n.ts).
  await i18n.init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false });
  return { i18n, resources };
}

describe('compiledTranslate', () => {
  it('gives exactly what i18next gives for every text of every namespace, in both languages', async () => {
    const { i18n, resources } = await instance();
    let compared = 0;
    for (const lng of ['en', 'zh']) {
      for (const ns of Object.keys(resources[lng])) {
        const t = i18n.getFixedT(lng, ns);
        const fast = compiledTranslate(i18n, lng, ns, t);
        for (const [key, text] of leaves(resources[lng][ns])) {
          const names = [...text.matchAll(/\{\{\s*-?\s*([\w.]+)/g)].map((m) => m[1]);
          // Strings, numbers and a value left out (which i18next handles its own way).
          const asText = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
          const asNumber = Object.fromEntries(names.map((n, i) => [n, i * 7 + 0.5]));
          const missing = Object.fromEntries(names.slice(1).map((n) => [n, 'x']));
          const counts = [0, 1, 2, 5].map((count) => ({ ...asNumber, count }));
          for (const vars of [asText, asNumber, missing, undefined, ...counts]) {
            const base = key.replace(/_(one|other|zero|few|many)$/, '');
            expect(fast(base, vars), `${lng}/${ns}:${base} ${JSON.stringify(vars)}`).toBe(t(base, vars));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('fills the slots itself rather than calling i18next for plain texts', async () => {
    const { i18n } = await instance();
    let slowCalls = 0;
    const t = i18n.getFixedT('en', 'simulation');
    const slow = t as unknown as (key: string, vars?: object) => string;
    const counting = ((key: string, vars?: object) => (slowCalls++, slow(key, vars))) as unknown as typeof t;
    const fast = compiledTranslate(i18n, 'en', 'simulation', counting);
    expect(fast('node.unackedOf', { unacked: 3, prefetch: 10 })).toBe(t('node.unackedOf', { unacked: 3, prefetch: 10 }));
    expect(fast('node.unackedOf', { unacked: 4, prefetch: '∞' })).toBe(t('node.unackedOf', { unacked: 4, prefetch: '∞' }));
    expect(slowCalls).toBe(0);
    expect(fast('node.in', { n: 1 })).toBe(t('node.in', { n: 1 }));
    expect(fast('node.in', { n: '12k' })).toBe(t('node.in', { n: '12k' }));
    expect(slowCalls).toBe(0);
    // A missing key, and a context, go to i18next.
    fast('no.such.key');
    fast('node.unackedOf', { context: 'x' });
    expect(slowCalls).toBe(2);
  });

  // Regression: a producer showed "node.published" once it had sent: a shortened count ("12k") was
  // passed as a plural `count`, which neither i18next nor the fast path can choose a form for.
  it('writes the cards\' shortened counts in words in both languages', async () => {
    const { i18n } = await instance();
    for (const lng of ['en', 'zh']) {
      const editor = compiledTranslate(i18n, lng, 'editor', i18n.getFixedT(lng, 'editor'));
      const sim = compiledTranslate(i18n, lng, 'simulation', i18n.getFixedT(lng, 'simulation'));
      for (const text of [editor('node.published', { n: '12k' }), sim('node.in', { n: '12k' }), sim('node.out', { n: '12k' }), sim('node.unackedOf', { unacked: '12k', prefetch: '∞' })]) {
        expect(text, lng).toContain('12k');
        expect(text, lng).not.toMatch(/node\.|\{\{/);
      }
    }
  });
});
